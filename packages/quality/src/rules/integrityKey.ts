import { NEEDS_SECTION_KEYS, type Plan, PROVISION_SECTION_KEYS } from "@ehcp/schema";

/**
 * Everything the integrity check reads, in order: each item's id where it stands, and the ids
 * it links to. Two plans with equal keys (element by element) have the same integrity findings,
 * so a re-check after a change of words does not run the check again. Numbers mark where each
 * list starts, so an id can never be taken for a marker.
 */
export function integrityKey(plan: Plan): (string | number)[] {
  const s = plan.sections;
  const key: (string | number)[] = [0];
  for (const v of s.A.views) key.push(v.id);
  for (const section of NEEDS_SECTION_KEYS) {
    key.push(1);
    for (const n of s[section].needs) key.push(2, n.id, ...n.adviceIds);
  }
  key.push(3);
  for (const o of s.E.outcomes) {
    key.push(4, o.id, ...o.needIds, 5);
    for (const step of o.steps) key.push(step.id);
  }
  for (const section of PROVISION_SECTION_KEYS) {
    key.push(6);
    for (const p of s[section].provisions)
      key.push(7, p.id, ...p.outcomeIds, 8, ...p.needIds, 9, ...p.adviceIds);
  }
  key.push(10);
  for (const item of s.J.items) key.push(item.provisionId);
  key.push(11);
  for (const a of s.K.advice) key.push(a.id);
  return key;
}
