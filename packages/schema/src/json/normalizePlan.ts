import type { Plan } from "./plan.js";
import type { RichText } from "./richText.js";
import { normalizeRichText as rt } from "./normalizeRichText.js";

/** Normalizes every rich-text field of a plan (see `normalizeRichText`). */
export function normalizePlan(plan: Plan): Plan {
  const s = plan.sections;
  const needs = <T extends { summary?: RichText; needs: { description: RichText }[] }>(
    section: T,
  ): T => ({
    ...section,
    ...(section.summary ? { summary: rt(section.summary) } : {}),
    needs: section.needs.map((n) => ({ ...n, description: rt(n.description) })),
  });
  const provisions = (section: Plan["sections"]["F"]): Plan["sections"]["F"] => ({
    provisions: section.provisions.map((p) => ({ ...p, what: rt(p.what) })),
  });
  return {
    ...plan,
    sections: {
      ...s,
      A: { views: s.A.views.map((v) => ({ ...v, content: rt(v.content) })) },
      B: needs(s.B),
      C: needs(s.C),
      D: needs(s.D),
      E: { outcomes: s.E.outcomes.map((o) => ({ ...o, statement: rt(o.statement) })) },
      F: provisions(s.F),
      G: provisions(s.G),
      H1: provisions(s.H1),
      H2: provisions(s.H2),
      // No decisions and an empty list of them say the same; the shorter one reads as 1.1 did.
      K: s.K.decisions?.length ? s.K : { advice: s.K.advice },
      J: {
        ...s.J,
        items: s.J.items.map((i) => ({ ...i, outcomesMet: rt(i.outcomesMet) })),
        notes: rt(s.J.notes),
      },
    },
  };
}
