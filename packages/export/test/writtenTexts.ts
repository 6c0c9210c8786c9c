import { plainText } from "@ehcp/quality";
import type { Plan } from "@ehcp/schema";

/** Every piece of text a person wrote in the plan, line by line, as a document must show it. */
export function writtenTexts(plan: Plan): string[] {
  const s = plan.sections;
  return [
    ...s.A.views.map((v) => plainText(v.content)),
    ...(["B", "C", "D"] as const).flatMap((k) =>
      s[k].needs.flatMap((n) => [n.title, plainText(n.description)]),
    ),
    ...s.E.outcomes.flatMap((o) => [plainText(o.statement), ...o.steps.map((st) => st.text)]),
    ...(["F", "G", "H1", "H2"] as const).flatMap((k) =>
      s[k].provisions.flatMap((p) => [plainText(p.what), p.deliveredBy, p.expertise]),
    ),
    ...s.K.advice.map((a) => a.title),
  ]
    .flatMap((t) => t.split("\n"))
    .filter((t) => t.trim());
}
