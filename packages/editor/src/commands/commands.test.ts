import { blankPlan, docToPlan, parsePlan, planToDoc } from "@ehcp/schema";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { findItem } from "../model/findItem.js";
import { findSection } from "../model/findSection.js";
import { addNeed } from "./addNeed.js";
import { addOutcome } from "./addOutcome.js";
import { addProvision } from "./addProvision.js";
import { moveItem } from "./moveItem.js";
import { selectField } from "./selectField.js";
import { setLink } from "./setLink.js";
import { languageAt } from "./languageAt.js";
import { setLanguage } from "./setLanguage.js";
import { examplePlan } from "@ehcp/fixtures";

const run = (
  state: EditorState,
  command: (s: EditorState, d: (tr: Transaction) => void) => boolean,
) => {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
};
const typeText = (state: EditorState, text: string) => state.apply(state.tr.insertText(text));

describe("plan commands", () => {
  it("build a need, the outcome it leads to and the provision that serves it, typing as they go", () => {
    const plan = blankPlan({
      child: {
        fullName: "Robin Test",
        preferredName: "Robin",
        dateOfBirth: "2017-03-01",
        pronouns: "they/them",
        yearGroup: "Year 4",
      },
      requestReceived: "2026-09-01",
    });
    let state = EditorState.create({ doc: planToDoc(plan) });
    state = typeText(run(state, addNeed("B")), "Understanding spoken instructions");
    const need = findItem(state.selection.$from);
    expect(need?.node.type.name).toBe("need");
    state = typeText(run(state, addOutcome()), "Sam will follow a two-step instruction");
    state = typeText(run(state, addProvision("F")), "Weekly speech and language therapy");

    const result = docToPlan(state.doc);
    const [n] = result.sections.B.needs;
    const [o] = result.sections.E.outcomes;
    const [p] = result.sections.F.provisions;
    expect(n?.title).toBe("Understanding spoken instructions");
    expect(o?.needIds).toEqual([n?.id]);
    expect(JSON.stringify(o?.statement)).toContain("two-step instruction");
    expect(p?.outcomeIds).toEqual([o?.id]);
    expect(p?.needIds).toEqual([n?.id]);
    expect(JSON.stringify(p?.what)).toContain("Weekly speech");
    expect(new Set([n?.id, o?.id, p?.id]).size).toBe(3);
  });

  it("select the words of the field the cursor is in, as Ctrl+A does in a form, and the plan when pressed again", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    const doc = planToDoc(plan);
    let inWho = -1;
    doc.descendants((node, pos) => {
      if (inWho < 0 && node.type.name === "provisionDeliveredBy") inWho = pos + 3;
      return inWho < 0;
    });
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, inWho) });
    state = run(state, selectField());
    const who = plan.sections.F.provisions[0]?.deliveredBy as string;
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe(who);
    // Typed over, the field's words are replaced and nothing else.
    const typed = typeText(state, "Class teacher");
    expect(docToPlan(typed.doc).sections.F.provisions[0]?.deliveredBy).toBe("Class teacher");
    expect(docToPlan(typed.doc).sections.F.provisions.length).toBe(
      plan.sections.F.provisions.length,
    );
    // Pressed again, it declines, so the editor's own select-all takes the whole plan.
    expect(selectField()(state)).toBe(false);
  });

  it("move an item within its section and link and unlink items", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    let state = EditorState.create({ doc: planToDoc(plan) });
    const F = findSection(state.doc, "F");
    const firstText = F.pos + 4; // inside the first provision's first paragraph
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, firstText)));
    state = run(state, moveItem("down"));
    const moved = docToPlan(state.doc).sections.F.provisions.map((p) => p.id);
    expect(moved.slice(0, 2)).toEqual([
      plan.sections.F.provisions[1]?.id,
      plan.sections.F.provisions[0]?.id,
    ]);
    expect(findItem(state.selection.$from)?.node.attrs.id).toBe(plan.sections.F.provisions[0]?.id);

    const provision = plan.sections.F.provisions[0]?.id as string;
    const outcome = plan.sections.E.outcomes.at(-1)?.id as string;
    state = run(state, setLink(provision, outcome));
    expect(
      docToPlan(state.doc).sections.F.provisions.find((p) => p.id === provision)?.outcomeIds,
    ).toContain(outcome);
    state = run(state, setLink(provision, outcome, false));
    expect(
      docToPlan(state.doc).sections.F.provisions.find((p) => p.id === provision)?.outcomeIds,
    ).not.toContain(outcome);
    // A need cannot serve an outcome.
    expect(setLink(plan.sections.B.needs[0]?.id as string, outcome)(state)).toBe(false);
  });

  it("give a language to selected words, a paragraph and a view, read it back, and take it away", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    const view = plan.sections.A.views[0];
    let state = EditorState.create({ doc: planToDoc(plan) });
    // The caret in the first view's first paragraph; its third to eighth characters selected.
    let start = 0;
    state.doc.descendants((node, pos) => {
      if (start || node.type.name !== "paragraph") return true;
      start = pos + 1;
      return false;
    });
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, start + 2, start + 8)),
    );
    state = run(state, setLanguage("pa-Arab", "words"));
    state = run(state, setLanguage("cy", "paragraph"));
    state = run(state, setLanguage("ur", "view"));
    expect(languageAt(state, "words")).toBe("pa-Arab");
    expect(languageAt(state, "paragraph")).toBe("cy");
    expect(languageAt(state, "view")).toBe("ur");
    const marked = docToPlan(state.doc).sections.A.views.find((v) => v.id === view?.id);
    expect(marked?.lang).toBe("ur");
    expect(marked?.content[0]).toMatchObject({ type: "paragraph", attrs: { lang: "cy" } });
    expect(JSON.stringify(marked?.content[0])).toContain('"attrs":{"lang":"pa-Arab"}');

    // With the caret inside the marked words, removing takes the whole stretch back.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start + 4)));
    state = run(state, setLanguage(null, "words"));
    state = run(state, setLanguage(null, "view"));
    const plain = docToPlan(state.doc).sections.A.views.find((v) => v.id === view?.id);
    expect(plain?.lang).toBeUndefined();
    expect(JSON.stringify(plain?.content[0])).not.toContain("pa-Arab");
    // A tag that is not one is refused, and a view needs the caret in one.
    expect(setLanguage("ur_PK", "view")(state)).toBe(false);
    const inF = state.apply(
      state.tr.setSelection(TextSelection.near(state.doc.resolve(state.doc.content.size - 2))),
    );
    expect(setLanguage("ur", "view")(inF)).toBe(false);
  });
});
