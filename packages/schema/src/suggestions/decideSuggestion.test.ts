import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decideSuggestion, parsePlan, planToYDoc, yDocToPlan } from "../index.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";

const good = parsePlan(examplePlan("plan-good.json"));
const author = { by: "user-parent", name: "Jo Okafor", role: "parent" };

/** A plan whose F1 "delivered by" has "Speech" typed over with "NHS", as one suggestion. */
function replaced() {
  const doc = planToYDoc(good);
  const text = deliveredByText(doc);
  text.format(0, 6, { deletion: { id: "s-1", ...author } });
  text.insert(6, "NHS", { insertion: { id: "s-1", ...author } });
  return doc;
}

describe("decideSuggestion", () => {
  it("accepts words typed over others as one change", () => {
    const doc = replaced();
    expect(decideSuggestion(doc, "s-1", true)).toEqual({
      section: "F",
      itemId: good.sections.F.provisions[0]?.id,
      by: { id: "user-parent", name: "Jo Okafor", role: "parent" },
      inserted: "NHS",
      removed: "Speech",
    });
    expect(yDocToPlan(doc).sections.F.provisions[0]?.deliveredBy).toBe(
      "NHS and language therapist",
    );
  });

  it("rejects them, leaving the plan as it was, and finds nothing the second time", () => {
    const doc = replaced();
    expect(decideSuggestion(doc, "s-1", false)?.inserted).toBe("NHS");
    expect(yDocToPlan(doc)).toStrictEqual(good);
    expect(decideSuggestion(doc, "s-1", false)).toBeNull();
  });

  it("changes nothing when the caller refuses", () => {
    const doc = replaced();
    const before = Y.encodeStateVector(doc);
    expect(() =>
      decideSuggestion(doc, "s-1", true, () => {
        throw new Error("not yours to decide");
      }),
    ).toThrow("not yours to decide");
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
