import { describe, expect, it } from "vitest";
import { docToPlan, itemFingerprint, parsePlan, type Plan, planToDoc } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
const provision = plan.sections.F.provisions[0]!;

describe("itemFingerprint", () => {
  it("is the same for an item read back from the editor's document, whatever its key order", () => {
    const readBack = docToPlan(planToDoc(plan));
    expect(itemFingerprint(readBack, provision.id)).toBe(itemFingerprint(plan, provision.id));
    const reordered = structuredClone(plan);
    reordered.sections.F.provisions[0] = Object.fromEntries(
      Object.entries(provision).reverse(),
    ) as typeof provision;
    expect(itemFingerprint(reordered, provision.id)).toBe(itemFingerprint(plan, provision.id));
  });

  it("changes with any field a comparison would report, and not with another item", () => {
    const changed: Plan = structuredClone(plan);
    changed.sections.F.provisions[0]!.ratio = "1:2";
    expect(itemFingerprint(changed, provision.id)).not.toBe(itemFingerprint(plan, provision.id));
    const other: Plan = structuredClone(plan);
    other.sections.F.provisions[1]!.ratio = "1:2";
    expect(itemFingerprint(other, provision.id)).toBe(itemFingerprint(plan, provision.id));
    expect(itemFingerprint(plan, "no-such-item")).toBeNull();
  });
});
