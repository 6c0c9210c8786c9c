import { formatJsonPath } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { plainText } from "../text/plainText.js";

/**
 * A personal budget requested with nothing said of it: no part of the provision, or a part with
 * no amount or no outcomes it is to meet (reg 12(1)(j); CoP 9.95-9.124).
 */
export const personalBudgetNoDetail: RuleCheck = (context) => {
  const { plan, childName } = context;
  const { requested, items } = plan.sections.J;
  if (!requested) return [];
  if (items.length === 0) {
    return [
      {
        section: "J",
        target: "J",
        path: "sections.J.items",
        message: `Section J says a personal budget was requested but lists no part of ${childName}'s provision it pays for. For each part give the provision item (e.g. F3), the amount, how it is managed (direct payment or an arrangement) and the outcomes it meets (reg 12(1)(j); CoP 9.95-9.124).`,
      },
    ];
  }
  // The whole thread only when there is something to label: most plans request no budget.
  const labelOf = new Map(context.thread.provisions.map((e) => [e.provision.id, e.label]));
  const findings: RuleFinding[] = [];
  items.forEach((item, i) => {
    const missing = [
      item.amountGBP === null ? "the amount" : null,
      plainText(item.outcomesMet).trim() === "" ? "the outcomes it is to meet" : null,
    ].filter((m) => m !== null);
    if (missing.length === 0) return;
    const label = labelOf.get(item.provisionId) ?? item.provisionId;
    findings.push({
      section: "J",
      target: "J",
      path: formatJsonPath([
        "sections",
        "J",
        "items",
        i,
        item.amountGBP === null ? "amountGBP" : "outcomesMet",
      ]),
      message: `Section J's budget for ${label} does not give ${missing.join(" or ")}. Say how much is paid and which of ${childName}'s outcomes the budget is to meet (reg 12(1)(j); CoP 9.95-9.124).`,
    });
  });
  return findings;
};
