import type { Plan } from "@ehcp/schema";
import { EMPTY_SECTION } from "../text/emptySection.js";
import { describeHowOften } from "../text/describe.js";
import type { ItemTitle } from "../text/itemTitles.js";
import { plural } from "../text/plural.js";
import type { BundleLine, BundlePart } from "./BundlePart.js";
import { formatMinutes, weeklyHours } from "./weeklyHours.js";

/**
 * Every provision of section F with the hours a week it adds, and their total; provision whose
 * hours cannot be added (given each term, or with no frequency) is named and left out of the
 * total, with the reason, rather than guessed.
 */
export function provisionSummary(
  plan: Plan,
  idLabels: ReadonlyMap<string, string>,
  titles: ReadonlyMap<string, ItemTitle>,
): BundlePart {
  const provisions = plan.sections.F.provisions;
  const heading = "Summary of special educational provision (Section F)";
  if (provisions.length === 0)
    return {
      id: "provision-summary",
      heading,
      blocks: [
        {
          kind: "paragraph",
          runs: [{ text: EMPTY_SECTION.F, italic: true }],
        },
      ],
    };
  let total = 0;
  const added: string[] = [];
  const notAdded: { label: string; why: string }[] = [];
  const rows = provisions.map((p): BundleLine[][] => {
    const label = idLabels.get(p.id) ?? p.id;
    const hours = weeklyHours(p);
    if (hours.minutes === null) notAdded.push({ label, why: hours.why });
    else {
      total += hours.minutes;
      added.push(label);
    }
    return [
      [[{ text: titles.get(label)?.heading ?? label, item: label }]],
      [[{ text: p.deliveredBy || "Not stated", italic: !p.deliveredBy }]],
      [[{ text: describeHowOften(p) }]],
      [
        hours.minutes === null
          ? [{ text: `Not added: ${hours.why}`, italic: true }]
          : [{ text: `${formatMinutes(hours.minutes)} a week` }],
      ],
    ];
  });
  rows.push([
    [[{ text: "Total", bold: true }]],
    [],
    [],
    [[{ text: `${formatMinutes(total)} a week`, bold: true }]],
  ]);
  const totalSentence =
    notAdded.length === 0
      ? `Altogether the provision in Section F adds up to ${formatMinutes(total)} a week.`
      : `Counted by the week, ${plural(added.length, "provision")} of ${provisions.length} add up to ${formatMinutes(total)} a week. ${notAdded.length === 1 ? "One provision is" : `${notAdded.length} provisions are`} not in that total, because ${notAdded.length === 1 ? "its hours cannot" : "their hours cannot"} be counted by the week: ${notAdded.map((n) => `${n.label}, as ${n.why}`).join("; ")}.`;
  return {
    id: "provision-summary",
    heading,
    blocks: [
      { kind: "paragraph", runs: [{ text: totalSentence }] },
      {
        kind: "table",
        header: ["Provision", "Who", "How often", "Hours a week"],
        rows,
        widths: [0.36, 0.22, 0.24, 0.18],
      },
    ],
  };
}
