import { adviceRecommendations, type Plan, recommendationUse } from "@ehcp/schema";
import type { ItemTitle } from "../text/itemTitles.js";
import type { AdviceAppendix } from "./adviceAppendices.js";
import type { BundleBlock, BundleLine, BundlePart } from "./BundlePart.js";

/**
 * "How the advice was used": for each piece of advice appended, each of its recommendations (a
 * need, an outcome or a provision it sets out) and what became of it in the plan: the items that
 * were lifted from it, each a link; the item it was merged into; not included, with the
 * caseworker's reason; or no decision yet. The question a tribunal asks first is why a
 * recommendation is not in the plan; this answers it for every one.
 */
export function adviceUse(
  plan: Plan,
  appendices: readonly AdviceAppendix[],
  number: number,
  titles: ReadonlyMap<string, ItemTitle>,
): BundlePart {
  const link = (label: string) => ({ text: titles.get(label)?.link ?? label, item: label });
  const blocks: BundleBlock[] = [
    {
      kind: "paragraph",
      runs: [
        {
          text: "Each recommendation of the advice appended to this plan, and what became of it: where it is in the plan, the item it was merged into, or why it was not included.",
        },
      ],
    },
  ];
  for (const appendix of appendices) {
    const { request } = appendix.advice;
    blocks.push({ kind: "heading", text: appendix.heading });
    const recommendations = adviceRecommendations(appendix.advice.advice);
    if (recommendations.length === 0) {
      blocks.push({
        kind: "paragraph",
        runs: [{ text: "This advice makes no recommendation.", italic: true }],
      });
      continue;
    }
    const rows = recommendations.map((recommendation): BundleLine[][] => {
      const use = recommendationUse(plan, request.id, recommendation.id);
      const said = appendix.titles.get(recommendation.label)?.heading ?? recommendation.label;
      let what: BundleLine[];
      switch (use.state) {
        case "in-plan":
          what = [
            ...use.items.map((item): BundleLine => [
              { text: "In the plan as " },
              link(item.label),
              ...(item.source.version < request.version.number
                ? [{ text: ` (lifted from version ${item.source.version} of the advice)` }]
                : []),
            ]),
            ...(use.kept
              ? [
                  [
                    {
                      text: `Kept as it is after the advice changed (version ${use.kept.version} read): `,
                      bold: true,
                    },
                    { text: use.kept.reason },
                  ],
                ]
              : []),
          ];
          break;
        case "merged":
          what = [
            use.label
              ? [{ text: "Merged into " }, link(use.label)]
              : [{ text: `Merged into ${use.into}, which is no longer in the plan` }],
          ];
          break;
        case "declined":
          what = [[{ text: "Not included: ", bold: true }, { text: use.reason }]];
          break;
        default:
          what = [[{ text: "No decision yet", italic: true }]];
      }
      return [[[{ text: said }]], what];
    });
    blocks.push({
      kind: "table",
      header: ["Recommendation", "What became of it"],
      rows,
      widths: [0.45, 0.55],
      rowHeaders: true,
    });
  }
  return { id: "advice-use", heading: `Appendix ${number}: How the advice was used`, blocks };
}
