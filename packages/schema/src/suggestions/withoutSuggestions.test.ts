import { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import {
  docToPlan,
  hasSuggestions,
  listSuggestions,
  parsePlan,
  planSchema,
  planToDoc,
  withoutSuggestions,
} from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const good = parsePlan(examplePlan("plan-good.json"));
const provision = good.sections.F.provisions[0]!;
const author = { by: "user-parent", name: "Jo Okafor", role: "parent" };

/** The plan with a parent's two suggestions in F1's "delivered by": a word in, a word out. */
function suggested() {
  const doc = planToDoc(good);
  let start = -1;
  doc.descendants((node, pos) => {
    if (start < 0 && node.type.name === "provisionDeliveredBy") start = pos + 1;
    return start < 0;
  });
  const { insertion, deletion } = planSchema.marks;
  // "Speech and language therapist": "Speech" suggested out, "NHS " suggested in before it.
  const tr = EditorState.create({ doc }).tr;
  tr.addMark(start, start + 6, deletion.create({ id: "s-2", ...author }));
  tr.insert(start, planSchema.text("NHS ", [insertion.create({ id: "s-1", ...author })]));
  return tr.doc;
}

describe("suggestions", () => {
  it("leave Plan JSON as it stands until they are accepted", () => {
    const doc = suggested();
    expect(hasSuggestions(doc)).toBe(true);
    expect(doc.textContent).toContain("NHS Speech and language therapist");
    expect(docToPlan(doc)).toStrictEqual(good);
    expect(withoutSuggestions(doc).eq(planToDoc(good))).toBe(true);
    const plain = planToDoc(good);
    expect(withoutSuggestions(plain)).toBe(plain);
  });

  it("are listed with their author, words, section and item", () => {
    expect(listSuggestions(suggested())).toEqual([
      { id: "s-1", kind: "insertion", ...author, text: "NHS ", section: "F", itemId: provision.id },
      {
        id: "s-2",
        kind: "deletion",
        ...author,
        text: "Speech",
        section: "F",
        itemId: provision.id,
      },
    ]);
  });
});
