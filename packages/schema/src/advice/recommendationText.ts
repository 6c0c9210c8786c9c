import type { Need, Outcome, Provision } from "../json/plan.js";
import type { RichText } from "../json/richText.js";
import { PERIOD_NAMES } from "../vocabulary/valueNames.js";

/** The words of rich text, its blocks one after another. */
function words(blocks: RichText): string {
  const out: string[] = [];
  const stack: unknown[] = [...blocks].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as { text?: string; content?: unknown[] };
    if (typeof node.text === "string") out.push(node.text);
    else if (node.content) {
      out.push(" ");
      stack.push(...[...node.content].reverse());
    }
  }
  return out.join("").replace(/\s+/g, " ").trim();
}

/**
 * A need, an outcome or a provision in plain words, its values included ("1 session a week of
 * 45 minutes"): what a caseworker reads to see what a recommendation says, and how two versions
 * of it differ.
 */
export function recommendationText(
  item:
    | { readonly kind: "need"; readonly value: Need }
    | { readonly kind: "outcome"; readonly value: Outcome }
    | { readonly kind: "provision"; readonly value: Provision },
): string {
  const parts: string[] = [];
  if (item.kind === "need") {
    parts.push(item.value.title, words(item.value.description));
  } else if (item.kind === "outcome") {
    parts.push(words(item.value.statement));
    if (item.value.byWhen) parts.push(`By ${item.value.byWhen}.`);
    for (const step of item.value.steps) parts.push(`${step.text} (by ${step.byWhen}).`);
  } else {
    const p = item.value;
    parts.push(words(p.what));
    const who = [p.deliveredBy, p.expertise].filter(Boolean).join(", ");
    if (who) parts.push(`Delivered by ${who}.`);
    if (p.frequency) {
      const f = p.frequency;
      const period = PERIOD_NAMES[f.per] ?? f.per;
      parts.push(
        `${f.sessions} session${f.sessions === 1 ? "" : "s"} a ${period} of ${f.minutes} minutes.`,
      );
    }
    if (p.ratio) parts.push(`Ratio ${p.ratio}.`);
    if (p.hoursPerWeek !== null) parts.push(`${p.hoursPerWeek} hours a week.`);
    if (p.duration) {
      parts.push(
        p.duration === "until next review"
          ? "Until the next review."
          : `From ${p.duration.from} until ${p.duration.until}.`,
      );
    }
  }
  return parts
    .filter((part) => part.trim() !== "")
    .join(" ")
    .trim();
}
