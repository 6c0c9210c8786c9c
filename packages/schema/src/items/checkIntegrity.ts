import type { Finding } from "../errors/Finding.js";
import type { Plan, SectionKey } from "../json/plan.js";
import { formatJsonPath, type PathSegment } from "../errors/jsonPath.js";
import { type PlanItem, type PlanItemKind, planItems } from "./planItems.js";

const KIND_NAMES: Record<PlanItemKind, { readonly name: string; readonly a: string }> = {
  view: { name: "view", a: "a view" },
  need: { name: "need", a: "a need" },
  outcome: { name: "outcome", a: "an outcome" },
  step: { name: "step", a: "a step" },
  provision: { name: "provision", a: "a provision" },
  advice: { name: "piece of advice", a: "a piece of advice" },
};

interface Link {
  readonly from: { readonly section: SectionKey; readonly target: string; readonly label: string };
  readonly path: readonly PathSegment[];
  readonly id: string;
  readonly kind: PlanItemKind;
}

function linksOf(plan: Plan, items: readonly PlanItem[]): Link[] {
  const links: Link[] = [];
  const add = (item: PlanItem, field: string, ids: readonly string[], kind: PlanItemKind) => {
    ids.forEach((id, i) => {
      links.push({
        from: { section: item.section, target: item.id, label: item.label },
        path: [...item.path, field, i],
        id,
        kind,
      });
    });
  };
  for (const item of items) {
    if (item.kind === "need") {
      add(item, "adviceIds", item.value.adviceIds, "advice");
    } else if (item.kind === "outcome") {
      add(item, "needIds", item.value.needIds, "need");
    } else if (item.kind === "provision") {
      add(item, "outcomeIds", item.value.outcomeIds, "outcome");
      add(item, "needIds", item.value.needIds, "need");
      add(item, "adviceIds", item.value.adviceIds, "advice");
    }
  }
  plan.sections.J.items.forEach((budgetItem, i) => {
    links.push({
      from: { section: "J", target: "J", label: `Personal budget item ${i + 1}` },
      path: ["sections", "J", "items", i, "provisionId"],
      id: budgetItem.provisionId,
      kind: "provision",
    });
  });
  return links;
}

/**
 * Finds what makes a plan's structure inconsistent: an id used twice (`duplicate-id`) and a link
 * to a missing item or an item of the wrong kind (`dangling-link`). Such a plan can still be read
 * and put right; these findings say where.
 */
export function checkIntegrity(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const items = planItems(plan);
  const byId = new Map<string, PlanItem[]>();
  for (const item of items) {
    const same = byId.get(item.id);
    if (same) {
      const first = same[0] as PlanItem;
      findings.push({
        rule: "duplicate-id",
        severity: "error",
        section: item.section,
        target: item.id,
        path: formatJsonPath([...item.path, "id"]),
        message: `${item.label} has the id "${item.id}", which ${first.label} already uses. Give each item its own id so links point to one item.`,
        source: "integrity",
      });
      same.push(item);
    } else {
      byId.set(item.id, [item]);
    }
  }
  for (const link of linksOf(plan, items)) {
    const targets = byId.get(link.id);
    if (targets?.some((t) => t.kind === link.kind)) continue;
    const wanted = KIND_NAMES[link.kind];
    const found = targets?.[0];
    const message = found
      ? `${link.from.label} names "${link.id}" as ${wanted.a}, but ${found.label} is ${KIND_NAMES[found.kind].a}. Link it to ${wanted.a} instead.`
      : `${link.from.label} links to the ${wanted.name} "${link.id}", which is not in the plan. Link it to an existing ${wanted.name} or remove the link.`;
    findings.push({
      rule: "dangling-link",
      severity: "error",
      section: link.from.section,
      target: link.from.target,
      path: formatJsonPath(link.path),
      message,
      source: "integrity",
    });
  }
  return findings;
}
