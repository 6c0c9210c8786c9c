import type { Plan } from "@ehcp/schema";
import type { ItemTitle } from "../text/itemTitles.js";
import type { BundleLine, BundlePart } from "./BundlePart.js";

/**
 * Each need of sections B, C and D with the outcomes that name it and the provision that serves
 * them or meets the need directly, one item a line, each a link: the thread a tribunal follows
 * from need to outcome to provision, and where it breaks.
 */
export function needTable(
  plan: Plan,
  idLabels: ReadonlyMap<string, string>,
  titles: ReadonlyMap<string, ItemTitle>,
): BundlePart {
  const { B, C, D, E, F, G, H1, H2 } = plan.sections;
  const needs = [...B.needs, ...C.needs, ...D.needs];
  const provisions = [...F.provisions, ...G.provisions, ...H1.provisions, ...H2.provisions];
  const line = (id: string): BundleLine => {
    const label = idLabels.get(id);
    return label
      ? [{ text: titles.get(label)?.heading ?? label, item: label }]
      : [{ text: `${id} (not in this plan)` }];
  };
  const lines = (ids: readonly string[], none: string): BundleLine[] =>
    ids.length ? ids.map(line) : [[{ text: none, italic: true }]];
  const rows = needs.map((need): BundleLine[][] => {
    const outcomes = E.outcomes.filter((o) => o.needIds.includes(need.id));
    const outcomeIds = new Set(outcomes.map((o) => o.id));
    const served = provisions.filter(
      (p) => p.needIds.includes(need.id) || p.outcomeIds.some((id) => outcomeIds.has(id)),
    );
    return [
      [line(need.id)],
      lines(
        outcomes.map((o) => o.id),
        "No outcome names this need",
      ),
      lines([...new Set(served.map((p) => p.id))], "No provision meets this need"),
    ];
  });
  return {
    id: "need-table",
    heading: "From need to outcome to provision",
    blocks:
      rows.length === 0
        ? [{ kind: "paragraph", runs: [{ text: "The plan names no needs.", italic: true }] }]
        : [
            {
              kind: "paragraph",
              runs: [
                {
                  text: "Each need in Sections B, C and D, the outcomes in Section E that name it, and the provision that serves those outcomes or meets the need directly.",
                },
              ],
            },
            {
              kind: "table",
              header: ["Need", "Outcomes", "Provision"],
              rows,
              widths: [0.34, 0.33, 0.33],
              rowHeaders: true,
            },
          ],
  };
}
