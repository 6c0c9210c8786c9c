import { describe, expect, it } from "vitest";
import { comparePlans, parsePlan, type Plan } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const before = parsePlan(examplePlan("plan-good.json"));

describe("comparePlans", () => {
  it("finds nothing between a plan and itself", () => {
    expect(comparePlans(before, structuredClone(before))).toEqual([]);
  });

  it("lists added, removed and changed items, with each changed field before and after", () => {
    const after: Plan = structuredClone(before);
    const [kept, removed] = after.sections.F.provisions;
    if (!kept || !removed) throw new Error("the fixture has fewer than two provisions in F");
    kept.frequency = { sessions: 2, per: "week", minutes: 30 };
    kept.deliveredBy = "Speech and language therapy assistant";
    after.sections.F.provisions.splice(1, 1);
    after.sections.B.needs.push({
      id: "need-new",
      area: "semh",
      title: "Worries about the move to secondary school",
      description: [],
      adviceIds: [],
    });
    after.sections.I.placement = {
      institutionName: "Hillside Primary",
      institutionType: "mainstream",
    };
    const changes = comparePlans(before, after);
    const original = before.sections.F.provisions[0];
    expect(changes).toContainEqual({
      change: "changed",
      kind: "provision",
      section: "F",
      id: kept.id,
      label: "F1",
      fields: [
        {
          field: "deliveredBy",
          before: original?.deliveredBy,
          after: "Speech and language therapy assistant",
        },
        {
          field: "frequency",
          before: `${original?.frequency?.sessions} × ${original?.frequency?.minutes} minutes per ${original?.frequency?.per}`,
          after: "2 × 30 minutes per week",
        },
      ],
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ change: "added", kind: "need", id: "need-new", section: "B" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        change: "removed",
        kind: "provision",
        id: removed.id,
        label: "F2",
      }),
    );
    expect(changes).toContainEqual({
      change: "changed",
      kind: "placement",
      section: "I",
      id: "I",
      label: "I",
      fields: [
        {
          field: "placement",
          before: "",
          after: "institutionName: Hillside Primary; institutionType: mainstream",
        },
      ],
    });
    // Nothing else moved.
    expect(changes.filter((c) => c.kind === "outcome")).toEqual([]);
  });
});
