import { until } from "./attack.js";
import { type RawClient, syncUpdate } from "./rawClient.js";

/** Sends an update and waits for the server's answer: the refusal's reason, or "taken". */
export async function answerOf(
  client: RawClient,
  name: string,
  update: Uint8Array,
): Promise<string> {
  const [said, statuses] = [client.stateless.length, client.syncStatus.length];
  client.send(syncUpdate(name, update));
  await until(() => client.syncStatus.length > statuses, "the update's status");
  if (client.stateless.length > said) {
    return (JSON.parse(client.stateless.at(-1) as string) as { reason: string }).reason;
  }
  return client.syncStatus.at(-1) ? "taken" : "not taken";
}
