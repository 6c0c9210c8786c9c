import { type Plan, planToYDoc, type Role } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { inject } from "vitest";
import { connectPlan, type PlanConnection } from "../src/connectPlan.js";
import { httpComments } from "../src/httpComments.js";
import { httpSuggestions } from "../src/httpSuggestions.js";
import { PlanWorkspace, type PlanWorkspaceProps } from "../src/PlanWorkspace.js";

const roots: Root[] = [];
const connections: PlanConnection[] = [];

/** Unmounts every workspace and closes every connection the helpers below made. */
export function closeAll(): void {
  for (const root of roots.splice(0)) act(() => root.unmount());
  for (const connection of connections.splice(0)) connection.destroy();
  document.body.innerHTML = "";
}

/** Waits for `check` to hold, failing with `what` after ten seconds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** A connection to plan `planId` on the tests' server, signed in as `role`. */
export async function connectAs(planId: string, role: Role): Promise<PlanConnection> {
  const connection = connectPlan({
    url: inject("collabUrl"),
    planId,
    token: inject("tokens")[role] as string,
  });
  connections.push(connection);
  await connection.synced;
  return connection;
}

/**
 * A caseworker's connection to plan `planId`, with no copy on the device, whose sign-in a test
 * can spoil: `refuseToken` sends a token the server does not take on the live connection (the
 * server ends it, as it does a client sending too fast or an update it cannot read), and
 * `restoreToken` has the next sign-in use a good one again.
 */
export async function connectWithSpoilableToken(planId: string) {
  let token = inject("tokens").caseworker as string;
  const writer = connectPlan({
    url: inject("collabUrl"),
    planId,
    token: () => token,
    localCopy: false,
  });
  connections.push(writer);
  await writer.synced;
  return {
    writer,
    refuseToken: () => {
      token = "not-a-token";
      void writer.provider.sendToken();
    },
    restoreToken: () => {
      token = inject("tokens").caseworker as string;
    },
  };
}

/** Writes `plan` under the id `planId` onto the server, as a caseworker's editor would. */
export async function sharePlan(plan: Plan, planId: string): Promise<PlanConnection> {
  const writer = await connectAs(planId, "caseworker");
  planToYDoc({ ...plan, id: planId }, writer.document);
  // Until the server has taken it, a second connection may open the plan still empty.
  await until(() => !writer.provider.hasUnsyncedChanges, "the shared plan to be saved");
  return writer;
}

/**
 * Renders a `PlanWorkspace` with `props` into a fresh container (unmounted by `closeAll`) and
 * resolves with the container and the editor once it has started.
 */
export async function mountWorkspace(props: Omit<PlanWorkspaceProps, "onEditor">) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  let editor: Editor | null = null;
  await act(async () => {
    root.render(
      <PlanWorkspace
        {...props}
        onEditor={(e) => {
          editor = e;
        }}
      />,
    );
  });
  await until(() => editor !== null, `${props.user.name}'s editor`);
  return { container, editor: editor as unknown as Editor };
}

/**
 * One person's workspace on the shared plan, with comments and suggestions, signed in to the real
 * server under the id and name the tests' tokens carry ("A parent").
 */
export async function openWorkspace(planId: string, role: Role) {
  const url = inject("collabUrl");
  const token = inject("tokens")[role] as string;
  const connection = await connectAs(planId, role);
  const mounted = await mountWorkspace({
    document: connection.document,
    provider: connection.provider,
    user: { id: `user-${role}`, name: `A ${role}`, role, color: "#1d4ed8" },
    quality: { today: "2026-11-22" },
    comments: httpComments({ url, planId, token }),
    suggestions: httpSuggestions({ url, planId, token }),
  });
  return { ...mounted, connection };
}

/** Where the text of the first field of type `name` starts and ends in an editor; -1 if none. */
export function firstField(editor: Editor, name: string): { from: number; to: number } {
  let found = { from: -1, to: -1 };
  editor.state.doc.descendants((node, pos) => {
    if (found.from >= 0) return false;
    if (node.type.name === name) found = { from: pos + 1, to: pos + node.nodeSize - 1 };
    return true;
  });
  return found;
}
