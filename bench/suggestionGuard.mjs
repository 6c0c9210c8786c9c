// What the server's suggestion guard costs each delete (part of `npm run bench`; alone,
// `node bench/suggestionGuard.mjs` after a build). A caseworker deletes one character at a time
// in a long plan (180 provisions in F) holding many suggestions of a parent's; each delete is
// checked by the PlanShadow as the server checks it, then taken by the plan, as the server takes
// it. Its peer is the same deletes in the same plan with no suggestions. CPU time
// (process.cpuUsage), per delete, in ms.
import { PlanShadow } from "@ehcp/collab-server";
import {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  PLAN_FRAGMENT_NAME,
  planToYDoc,
} from "@ehcp/schema";
import * as Y from "yjs";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

const SUGGESTIONS = Number(process.env.SUGGESTIONS ?? 200);
const DELETES = Number(process.env.DELETES ?? 200);
const round = (x) => Math.round(x * 100) / 100;
const plan = generatePlan({ scale: 1 });
const sender = {
  id: "user-caseworker",
  name: "A caseworker",
  role: "caseworker",
  editable: new Set(DEFAULT_SECTION_POLICY.caseworker),
  suggestable: new Set(DEFAULT_SUGGEST_POLICY.caseworker),
  clients: new Set(),
};
/** The first text of provision `index` in section F. */
const provisionText = (doc, index) =>
  doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(6).get(index).get(1).get(0);

function run(suggestions) {
  const server = planToYDoc(plan);
  // The parent's suggestions, already in the plan, one in each of the first provisions.
  const parent = new Y.Doc();
  Y.applyUpdate(parent, Y.encodeStateAsUpdate(server));
  for (let i = 0; i < suggestions; i++) {
    const text = provisionText(parent, i % 180);
    text.insert(0, `suggested ${i} `, {
      insertion: { id: `sug-${i}`, by: "user-parent", name: "A parent", role: "parent" },
    });
  }
  Y.applyUpdate(server, Y.encodeStateAsUpdate(parent));
  const shadow = new PlanShadow(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  sender.clients = new Set([client.clientID]);
  // Deletes in the last provisions, away from the suggestions, as a caseworker tidying up.
  const updates = [];
  for (let i = 0; i < DELETES; i++) {
    const text = provisionText(client, 179 - (i % 20));
    const before = Y.encodeStateVector(client);
    text.delete(text.length - 1, 1);
    updates.push(Y.encodeStateAsUpdate(client, before));
  }
  const start = process.cpuUsage();
  for (const update of updates) {
    const { problem } = shadow.check(update, sender);
    if (problem) throw new Error(problem);
    Y.applyUpdate(server, update);
  }
  const used = process.cpuUsage(start);
  shadow.destroy();
  return (used.user + used.system) / 1000 / DELETES;
}

/** The figures, as one result of `npm run bench`. */
export function suggestionGuardBenchmark() {
  run(SUGGESTIONS); // warm-up
  const none = run(0);
  const many = run(SUGGESTIONS);
  return {
    name: "suggestion guard: a caseworker's delete, checked and taken",
    inputs: { provisionsInF: 180, suggestions: SUGGESTIONS, deletes: DELETES },
    unit: "ms of CPU per delete",
    cpuWithSuggestions: round(many),
    peer: "the same deletes, no suggestions",
    cpuPeer: round(none),
    ratioToPeer: round(many / none),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(suggestionGuardBenchmark()));
}
