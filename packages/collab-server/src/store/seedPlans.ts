import { type Plan, planToYDoc } from "@ehcp/schema";
import * as Y from "yjs";
import { summarizePlan } from "../summarizePlan.js";
import type { DocumentStore } from "./DocumentStore.js";

/** Stores each plan whose id no stored plan has yet; plans already there are left as they are. */
export async function seedPlans(store: DocumentStore, plans: readonly Plan[]): Promise<void> {
  if (plans.length === 0) return;
  const stored = new Set(await store.list());
  for (const plan of plans) {
    if (stored.has(plan.id)) continue;
    const doc = planToYDoc(plan);
    await store.create(plan.id, Y.encodeStateAsUpdate(doc), summarizePlan(doc));
  }
}
