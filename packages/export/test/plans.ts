import { blankPlan, type Plan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";

/** A plan with every field empty that may be empty. */
export const emptiestPlan = (): Plan =>
  blankPlan({
    child: {
      fullName: "",
      preferredName: "",
      dateOfBirth: "2018-01-01",
      pronouns: "",
      yearGroup: "",
    },
    requestReceived: "2026-01-01",
  });

/** The good fixture with section G missing: not a valid plan. */
export function planWithoutSectionG(): Plan {
  const bad = structuredClone(examplePlan("plan-good.json")) as {
    sections: Record<string, unknown>;
  };
  delete bad.sections.G;
  return bad as unknown as Plan;
}

/** A 1×1 PNG, for the council's logo. */
export const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * `before` as a later version: F1 delivered by "Speech and language therapy assistant", and a new
 * need in B, for the appendix of changes.
 */
export function revisedPlan(before: Plan): Plan {
  const after = structuredClone(before);
  const provision = after.sections.F.provisions[0];
  if (!provision) throw new Error("the plan has no provision in F");
  provision.deliveredBy = "Speech and language therapy assistant";
  after.sections.B.needs.push({
    id: "need-new",
    area: "semh",
    title: "Worries about the move to secondary school",
    description: [],
    adviceIds: [],
  });
  return after;
}

/**
 * The good plan with F1's description holding two external links, the first with the comma after
 * it swept into the link, as an editor's link often is.
 */
export function planWithLinks(): Plan {
  const plan = structuredClone(examplePlan("plan-good.json")) as Plan;
  const provision = plan.sections.F.provisions[0];
  if (!provision) throw new Error("the plan has no provision in F");
  const link = (href: string) => [{ type: "link" as const, attrs: { href } }];
  provision.what = [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "A programme described in " },
        {
          type: "text",
          text: "the council's local offer,",
          marks: link("https://westmere.example/local-offer"),
        },
        { type: "text", text: " with advice from " },
        { type: "text", text: "SENDIASS", marks: link("mailto:sendiass@westmere.example") },
        { type: "text", text: " and " },
        {
          type: "text",
          text: "https://westmere.example/",
          marks: link("https://westmere.example/"),
        },
        { type: "text", text: "." },
      ],
    },
  ];
  return plan;
}
