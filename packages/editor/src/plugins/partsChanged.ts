import type { PlanPart } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { AttrStep, type Transform } from "@tiptap/pm/transform";
import { SECTION_KEY_OF } from "../model/sections.js";

function partOf(node: PMNode): PlanPart {
  if (node.type.name === "planDetails") return "meta";
  return SECTION_KEY_OF[node.type.name] ?? "structure";
}

/** The parts of the plan (sections, the plan details, the outline) a transaction changes. */
export function partsChanged(tr: Transform): Set<PlanPart> {
  const parts = new Set<PlanPart>();
  tr.steps.forEach((step, i) => {
    const doc = tr.docs[i] as PMNode;
    if (step instanceof AttrStep) {
      const $pos = doc.resolve(step.pos);
      parts.add(partOf($pos.depth === 0 ? (doc.nodeAt(step.pos) as PMNode) : $pos.node(1)));
      return;
    }
    let mapped = false;
    step.getMap().forEach((from: number, to: number) => {
      mapped = true;
      const $from = doc.resolve(from);
      const $to = doc.resolve(to);
      // A change between sections adds, removes or moves sections.
      if ($from.depth === 0 || $to.depth === 0) parts.add("structure");
      const last = $to.depth === 0 ? $to.index(0) - 1 : $to.index(0);
      for (let index = $from.index(0); index <= last && index < doc.childCount; index++) {
        parts.add(partOf(doc.child(index)));
      }
    });
    // A step without a range (a document attribute) changes the document itself.
    if (!mapped) parts.add("structure");
  });
  return parts;
}
