import { parsePlan, planToDoc } from "@ehcp/schema";
import { Slice } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { sharedFixture } from "../../../schema/test/fixtures.js";
import { findSection } from "../model/findSection.js";
import { partsChanged } from "./partsChanged.js";
import { roleGuard } from "./roleGuard.js";
import { uniqueItemIds } from "./uniqueItemIds.js";

const plan = parsePlan(sharedFixture("plan-good.json"));
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
