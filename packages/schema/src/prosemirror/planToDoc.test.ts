import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  docToPlan,
  type Plan,
  PlanFormatError,
  parsePlan,
  planSchema,
  planToDoc,
} from "../index.js";
import { examplePlan, planArbitrary } from "@ehcp/fixtures";

describe("planToDoc and docToPlan", () => {
  it("round-trip both example plans deep-equal", () => {
    for (const name of ["plan-good.json", "plan-poor.json"]) {
      const raw = examplePlan(name);
      expect(docToPlan(planToDoc(parsePlan(raw)))).toStrictEqual(raw);
    }
  });

  it("round-trip every plan the format admits", () => {
    fc.assert(
      fc.property(planArbitrary, (generated) => {
        const plan = parsePlan(generated);
        expect(docToPlan(planToDoc(plan))).toStrictEqual(plan);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("keep typed text in node content and structured values in attributes", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    const doc = planToDoc(plan);
    const provision = doc.child(6).child(0);
    expect(provision.type.name).toBe("provision");
    expect(provision.attrs.id).toBe(plan.sections.F.provisions[0]?.id);
    expect(provision.attrs.frequency).toStrictEqual({ sessions: 6, per: "half-term", minutes: 45 });
    expect(provision.child(1).type.name).toBe("provisionDeliveredBy");
    expect(provision.child(1).textContent).toBe("Speech and language therapist");
    expect(provision.child(2).textContent).toBe(
      "HCPC-registered, with two years' experience of working with autistic pupils",
    );
  });

  it("do not share mutable values between the plan and the document", () => {
    const plan = parsePlan(examplePlan("plan-good.json")) as Plan;
    const doc = planToDoc(plan);
    plan.sections.F.provisions[0]!.frequency!.sessions = 99;
    plan.meta.child.fullName = "Someone else";
    const back = docToPlan(doc);
    expect(back.sections.F.provisions[0]?.frequency?.sessions).toBe(6);
    expect(back.meta.child.fullName).toBe("Matilda Brennan");
  });

  it("docToPlan names the field when the document holds what Plan JSON cannot", () => {
    const doc = planToDoc(parsePlan(examplePlan("plan-good.json")));
    const sectionF = doc.child(6);
    const broken = sectionF
      .child(1)
      .type.create({ ...sectionF.child(1).attrs, id: null }, sectionF.child(1).content);
    const newF = sectionF.copy(sectionF.content.replaceChild(1, broken));
    const newDoc = doc.copy(doc.content.replaceChild(6, newF));
    expect(() => docToPlan(newDoc)).toThrow(PlanFormatError);
    try {
      docToPlan(newDoc);
    } catch (error) {
      expect((error as PlanFormatError).issues[0]?.path).toBe("sections.F.provisions[1].id");
    }
  });

  it("refuses a document that is not a plan document", () => {
    const para = planSchema.node("paragraph", null, [planSchema.text("hello")]);
    expect(() => docToPlan(para)).toThrow(PlanFormatError);
  });
});
