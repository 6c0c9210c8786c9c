import {
  describeRefusal,
  INSTITUTION_TYPE_NAMES,
  nameOf,
  type Placement,
  SECTION_TITLES,
  type SectionKey,
} from "@ehcp/schema";
import type { Editor, NodeViewRenderer } from "@tiptap/core";
import { PLAN_SHORTCUTS } from "../kit/PlanKit.js";
import { SECTION_KEY_OF } from "../model/sections.js";
import { readableShortcut } from "../readableShortcut.js";
import { editableSignal } from "./editableSignal.js";
import { focusNew } from "./focusNew.js";

let editors = 0;
const prefixes = new WeakMap<Editor, string>();
/** A prefix for element ids, unique to each editor on the page. */
export const idPrefix = (editor: Editor) => {
  let prefix = prefixes.get(editor);
  if (!prefix) prefixes.set(editor, (prefix = `ehcp${++editors}`));
  return prefix;
};

type AddCommand = keyof typeof PLAN_SHORTCUTS;

/** The "Add …" button each section has, with the command it runs. */
const ADD: Partial<
  Record<SectionKey, { text: string; command: AddCommand; run: (e: Editor) => boolean }>
> = {
  A: { text: "Add a view", command: "addView", run: (e) => e.commands.addView() },
  B: { text: "Add a need", command: "addNeed", run: (e) => e.commands.addNeed("B") },
  C: { text: "Add a health need", command: "addNeed", run: (e) => e.commands.addNeed("C") },
  D: { text: "Add a social care need", command: "addNeed", run: (e) => e.commands.addNeed("D") },
  E: { text: "Add an outcome", command: "addOutcome", run: (e) => e.commands.addOutcome([]) },
  F: {
    text: "Add a provision",
    command: "addProvision",
    run: (e) => e.commands.addProvision("F", []),
  },
  G: {
    text: "Add health provision",
    command: "addProvision",
    run: (e) => e.commands.addProvision("G", []),
  },
  H1: {
    text: "Add social care provision",
    command: "addProvision",
    run: (e) => e.commands.addProvision("H1", []),
  },
  H2: {
    text: "Add social care provision",
    command: "addProvision",
    run: (e) => e.commands.addProvision("H2", []),
  },
  J: {
    text: "Add an item to the personal budget",
    command: "addBudgetItem",
    run: (e) => e.commands.addBudgetItem(),
  },
  K: { text: "Add advice", command: "addAdvice", run: (e) => e.commands.addAdvice() },
};

/** Section I's words: the school or setting named, or that none is named yet. */
function placementText(placement: Placement | null): string {
  if (!placement)
    return "No school or setting is named yet: the placement is named when the final plan is issued.";
  const type = nameOf(INSTITUTION_TYPE_NAMES, placement.institutionType);
  return placement.institutionName ? `${placement.institutionName} (${type})` : type;
}

/**
 * A section with its fixed heading ("Section F: Special educational provision"), outside the
 * editable content so it cannot be deleted, moved or retitled. A section the writer's role may
 * not change is not editable and says why.
 */
export function sectionView(editor: Editor): NodeViewRenderer {
  return ({ node, getPos }) => {
    const key = SECTION_KEY_OF[node.type.name];
    if (!key) throw new RangeError(`${node.type.name} is not a section`);
    const { role, policy } = editor.storage.plan;
    const dom = document.createElement("section");
    dom.className = "ehcp-section";
    dom.dataset.section = key;
    dom.id = `${idPrefix(editor)}-section-${key}`;
    const heading = document.createElement("h2");
    heading.id = `${dom.id}-heading`;
    heading.contentEditable = "false";
    heading.textContent =
      editor.storage.plan.sectionTitles?.[key] ?? `Section ${key}: ${SECTION_TITLES[key]}`;
    dom.setAttribute("aria-labelledby", heading.id);
    dom.append(heading);
    const writable = policy[role].includes(key);
    const suggesting = !writable && !!editor.storage.planSuggestions?.parts.includes(key);
    if (!writable) {
      dom.dataset.readonly = "true";
      const note = document.createElement("p");
      note.className = "ehcp-readonly-note";
      note.contentEditable = "false";
      note.textContent = suggesting
        ? `You may suggest changes to the wording here: ${describeRefusal(role, [key])}, so what you type or delete is shown as a suggestion for someone who may to accept or reject.`
        : `Read only: ${describeRefusal(role, [key])}.`;
      dom.append(note);
    }
    if (suggesting) dom.dataset.suggesting = "true";
    if (node.type.spec.content === "" || node.isAtom) {
      // Section I has no text of its own; its attribute is redrawn when the placement is named.
      const placement = document.createElement("p");
      placement.className = "ehcp-atom-note ehcp-placement";
      placement.contentEditable = "false";
      placement.textContent =
        key === "I" ? placementText(node.attrs.placement as Placement | null) : "";
      dom.append(placement);
      return { dom, ignoreMutation: () => true, stopEvent: () => true };
    }
    // The controls outside the text follow the plan's lock (a final plan is not editable) as
    // the text does, so a locked plan offers nothing the server would refuse.
    const controls: (HTMLButtonElement | HTMLInputElement)[] = [];
    const lock = () => {
      for (const control of controls) control.disabled = !writable || !editor.isEditable;
    };
    if (key === "J") {
      const requested = requestedControl(editor, node.attrs.requested === true, getPos);
      controls.push(requested.box);
      dom.append(requested.label);
    }
    const content = document.createElement("div");
    content.className = "ehcp-section-content";
    if (!writable && !suggesting) content.contentEditable = "false";
    dom.append(content);
    const add = ADD[key];
    if (add) {
      const bar = document.createElement("div");
      bar.className = "ehcp-add";
      bar.contentEditable = "false";
      const button = document.createElement("button");
      button.type = "button";
      controls.push(button);
      const shortcut = PLAN_SHORTCUTS[add.command];
      button.setAttribute("aria-keyshortcuts", shortcut.replace(/-/g, "+"));
      const hint = document.createElement("span");
      hint.className = "ehcp-shortcut";
      hint.textContent = ` (${readableShortcut(shortcut)})`;
      button.append(`${add.text}`, hint);
      button.addEventListener("click", () => {
        if (!add.run(editor)) return;
        focusNew(editor);
      });
      bar.append(button);
      dom.append(bar);
    }
    lock();
    const unwatch = controls.length > 0 ? editableSignal(editor).subscribe(lock) : () => {};
    const outside = (target: EventTarget | null) =>
      !(target instanceof Node && content.contains(target));
    return {
      dom,
      contentDOM: content,
      destroy: () => {
        unwatch();
      },
      ignoreMutation: (m) => !content.contains(m.target),
      // The heading, the buttons and the controls outside the text are the page's, not the text's.
      stopEvent: (event) => outside(event.target),
    };
  };
}

/** Section J's "requested" checkbox, which sets the section's attribute. */
function requestedControl(
  editor: Editor,
  requested: boolean,
  getPos: () => number | undefined,
): { label: HTMLElement; box: HTMLInputElement } {
  const label = document.createElement("label");
  label.className = "ehcp-controls ehcp-requested";
  label.contentEditable = "false";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = requested;
  box.addEventListener("change", () => {
    const pos = getPos();
    if (pos === undefined) return;
    editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, "requested", box.checked));
  });
  label.append(box, " The child's parent or the young person has asked for a personal budget");
  return { label, box };
}
