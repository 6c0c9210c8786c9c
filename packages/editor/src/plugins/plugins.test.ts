import { parsePlan, planToDoc } from "@ehcp/schema";
import { Slice } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { findSection } from "../model/findSection.js";
import { findingHighlight, findingHighlightKey } from "./findingHighlight.js";
import { itemLabelAt } from "./itemLabelAt.js";
import { itemLabels, itemLabelsKey, labelFrom } from "./itemLabels.js";
import { partsChanged } from "./partsChanged.js";
import { roleGuard } from "./roleGuard.js";
import { uniqueItemIds } from "./uniqueItemIds.js";
import { examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
const ids = (state: EditorState) => {
  const all: string[] = [];
  state.doc.descendants((node) => {
    if (typeof node.attrs.id === "string") all.push(node.attrs.id);
    return true;
  });
  return all;
};
const remote = (tr: Transaction) => tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });

describe("uniqueItemIds", () => {
  const start = () => EditorState.create({ doc: planToDoc(plan), plugins: [uniqueItemIds()] });
  const duplicate = (state: EditorState) => {
    const F = findSection(state.doc, "F");
    const first = F.node.child(0);
    return state.tr.insert(F.pos + 1, first);
  };

  it("gives a fresh id to an item this writer's change duplicates", () => {
    const state = start();
    const next = state.apply(duplicate(state));
    const list = ids(next);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toEqual(expect.arrayContaining(ids(state)));
  });

  it("never rewrites others' changes, and repairs them on this writer's next change", () => {
    const state = start();
    const afterRemote = state.apply(remote(duplicate(state)));
    const list = ids(afterRemote);
    expect(new Set(list).size).toBe(list.length - 1);
    const afterTyping = afterRemote.apply(
      afterRemote.tr
        .setSelection(
          TextSelection.near(afterRemote.doc.resolve(findSection(afterRemote.doc, "G").pos + 4)),
        )
        .insertText("x"),
    );
    const repaired = ids(afterTyping);
    expect(new Set(repaired).size).toBe(repaired.length);
  });

  it("gives pasted items fresh ids and remaps, keeps or drops their links", () => {
    const state = start();
    const E = findSection(state.doc, "E");
    const F = findSection(state.doc, "F");
    const outcome = E.node.child(0);
    const provision = F.node.child(0);
    // A copied outcome and a provision serving it and an outcome the plan does not have.
    const copiedProvision = provision.type.create(
      { ...provision.attrs, outcomeIds: [outcome.attrs.id, "out-elsewhere"] },
      provision.content,
    );
    const slice = new Slice(
      state.schema.nodes
        .sectionE!.create(null, outcome)
        .content.append(state.schema.nodes.sectionF!.create(null, copiedProvision).content),
      0,
      0,
    );
    const plugin = state.plugins[0]!;
    const pasted = plugin.props.transformPasted!.call(plugin, slice, { state } as EditorView, true);
    const [newOutcome, newProvision] = [pasted.content.child(0), pasted.content.child(1)];
    expect(newOutcome.attrs.id).not.toBe(outcome.attrs.id);
    expect(newProvision.attrs.id).not.toBe(provision.attrs.id);
    expect(newProvision.attrs.outcomeIds).toEqual([newOutcome.attrs.id]);
    // Needs the outcome meets are in the plan, so the links stay.
    expect(newOutcome.attrs.needIds).toEqual(outcome.attrs.needIds);
  });
});

describe("roleGuard and partsChanged", () => {
  const at = (state: EditorState, key: "F" | "G") => findSection(state.doc, key).pos + 4;

  it("names the sections a change touches", () => {
    const state = EditorState.create({ doc: planToDoc(plan) });
    expect(partsChanged(state.tr.insertText("x", at(state, "F")))).toEqual(new Set(["F"]));
    const I = findSection(state.doc, "I");
    expect(partsChanged(state.tr.setNodeAttribute(I.pos, "placement", null))).toEqual(
      new Set(["I"]),
    );
    const from = at(state, "F");
    expect(partsChanged(state.tr.delete(from, at(state, "G")))).toEqual(new Set(["F", "G"]));
  });

  it("refuses a health practitioner's edit in F but not in G, and lets others' edits through", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [roleGuard("health")] });
    expect(state.apply(state.tr.insertText("x", at(state, "F"))).doc.eq(state.doc)).toBe(true);
    expect(state.apply(state.tr.insertText("x", at(state, "G"))).doc.eq(state.doc)).toBe(false);
    expect(state.apply(remote(state.tr.insertText("x", at(state, "F")))).doc.eq(state.doc)).toBe(
      false,
    );
  });
});

/**
 * What y-prosemirror dispatches when someone else adds a word to need B1's title: the whole
 * document replaced by one rebuilt from Yjs.
 */
function remoteWordInB1(state: EditorState): Transaction {
  const need = plan.sections.B.needs[0]!;
  const edited = planToDoc({
    ...plan,
    sections: {
      ...plan.sections,
      B: {
        ...plan.sections.B,
        needs: [{ ...need, title: `${need.title} well` }, ...plan.sections.B.needs.slice(1)],
      },
    },
  });
  return remote(state.tr.replace(0, state.doc.content.size, new Slice(edited.content, 0, 0)));
}

describe("itemLabels", () => {
  const labels = (state: EditorState) =>
    (itemLabelsKey.getState(state)?.decorations.find() ?? []).map((d) => labelFrom([d]));

  it("keeps every label through others' edits, which come as the whole document replaced", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [itemLabels()] });
    const before = labels(state);
    expect(before).toEqual(expect.arrayContaining(["B1", "E1", "F1"]));
    expect(labels(state.apply(remoteWordInB1(state)))).toEqual(before);
  });

  it("keeps every label through others' typing, which the binding brings as a step over the text", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [itemLabels()] });
    const before = labels(state);
    const inB1 = TextSelection.near(state.doc.resolve(findSection(state.doc, "B").pos + 3)).from;
    const typed = state.apply(remote(state.tr.insertText(" well", inB1)));
    expect(labels(typed)).toEqual(before);
    // Each label still covers its own item: those after the typing moved with it.
    const at = (s: EditorState) =>
      (itemLabelsKey.getState(s)?.decorations.find() ?? []).map((d) => [d.from, d.to]);
    expect(at(typed)).toEqual(
      at(state).map(([from, to]) => [from! > inB1 ? from! + 5 : from, to! > inB1 ? to! + 5 : to]),
    );
  });

  it("keeps a provision's label when one of its values changes, such as how often it is given", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [itemLabels()] });
    const before = labels(state);
    let second = -1;
    let seen = 0;
    state.doc.descendants((node, pos) => {
      if (node.type.name === "provision" && seen++ === 1) second = pos;
      return second < 0;
    });
    const node = state.doc.nodeAt(second)!;
    const changed = state.apply(
      state.tr.setNodeMarkup(second, undefined, {
        ...node.attrs,
        frequency: { sessions: 2, per: "fortnight", minutes: 30 },
      }),
    );
    expect(labels(changed)).toEqual(before);
    expect(itemLabelAt(changed, second)).toBe("F2");
  });

  it("names the item that starts at a place, not the one that ends there", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [itemLabels()] });
    const starts: [string, number][] = [];
    state.doc.descendants((node, pos) => {
      if (node.type.name === "outcome") starts.push([String(node.attrs.id), pos]);
      return true;
    });
    // Outcomes sit side by side, so each one after the first begins where another ends.
    expect(starts.length).toBeGreaterThan(2);
    expect(starts.map(([, pos]) => itemLabelAt(state, pos))).toEqual(
      starts.map((_, i) => `E${i + 1}`),
    );
  });
});

describe("findingHighlight", () => {
  it("keeps the wording a writer was sent to underlined through others' typing before it", () => {
    const state = EditorState.create({ doc: planToDoc(plan), plugins: [findingHighlight()] });
    const F = findSection(state.doc, "F");
    let from = -1;
    state.doc.nodesBetween(F.pos, F.pos + F.node.nodeSize, (node, pos) => {
      if (from < 0 && node.isText && node.text?.includes("therapist")) {
        from = pos + node.text.indexOf("therapist");
      }
      return from < 0;
    });
    const underlined = (s: EditorState) =>
      (findingHighlightKey.getState(s)?.find() ?? []).map((d) => s.doc.textBetween(d.from, d.to));
    const shown = state.apply(
      state.tr.setMeta(findingHighlightKey, { from, to: from + "therapist".length }),
    );
    expect(underlined(shown)).toEqual(["therapist"]);
    expect(underlined(shown.apply(remoteWordInB1(shown)))).toEqual(["therapist"]);
    // The writer's own typing elsewhere leaves it; putting the words right takes it away, and
    // leaves no mark on what was typed in their place.
    expect(underlined(shown.apply(shown.tr.insertText("Hello ", 2)))).toEqual(["therapist"]);
    const replaced = shown.apply(shown.tr.insertText("e", from, from + "therapist".length));
    expect(underlined(replaced)).toEqual([]);
    expect(underlined(replaced.apply(replaced.tr.insertText("very", from + 1)))).toEqual([]);
  });
});
