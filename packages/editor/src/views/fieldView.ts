import { formatDate } from "@ehcp/schema";
import type { Editor, NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { FIELD_LABELS } from "./FIELD_LABELS.js";
import { idPrefix } from "./sectionView.js";
import { editableSignal } from "./editableSignal.js";
import { whenNear } from "./whenNear.js";

let fields = 0;

const shells = new Map<string, HTMLElement>();

/** A field's element, its label and the element its words go in, drawn in full or light. */
export function fieldShell(
  editor: Editor,
  node: PMNode,
): { dom: HTMLElement; label: HTMLElement; content: HTMLElement } {
  const name = node.type.name;
  let shell = shells.get(name);
  if (!shell) {
    // Cloned, which costs a long plan's thousands of fields less than building each.
    shell = document.createElement("div");
    shell.className = "ehcp-field";
    shell.dataset.field = name;
    shell.setAttribute("role", "group");
    const label = document.createElement("span");
    label.className = "ehcp-field-label";
    label.contentEditable = "false";
    label.textContent = FIELD_LABELS[name] ?? name;
    const content = document.createElement(node.isTextblock ? "p" : "div");
    content.className = "ehcp-field-content";
    shell.append(label, content);
    shells.set(name, shell);
  }
  const dom = shell.cloneNode(true) as HTMLElement;
  const label = dom.firstChild as HTMLElement;
  label.id = `${idPrefix(editor)}-field-${++fields}`;
  dom.setAttribute("aria-labelledby", label.id);
  return { dom, label, content: dom.lastChild as HTMLElement };
}

/**
 * A field of an item with its label, which screen readers announce with the field's text: one
 * line of plain text (who delivers a provision) or rich text (what the provision is).
 */
export function fieldView(editor: Editor): NodeViewRenderer {
  return ({ node, getPos }) => {
    const { dom, label, content } = fieldShell(editor, node);
    const due = node.type.name === "outcomeStep" ? stepDate(editor, node, getPos, label.id) : null;
    if (due) dom.append(due.element);
    return {
      dom,
      contentDOM: content,
      ignoreMutation: (mutation) => !content.contains(mutation.target),
      // The step's date is a form control of the page, not text.
      stopEvent: (event) =>
        !!due && event.target instanceof Node && due.element.contains(event.target),
      update: (next) => {
        if (next.type !== node.type) return false;
        due?.show(next.attrs.byWhen as string | null);
        return true;
      },
      destroy: () => due?.destroy(),
    };
  };
}

/** A month as the writer reads it ("July 2027"), for the step's date before its input is made. */
const readableMonth = (byWhen: string | null): string => {
  const month = formatDate(byWhen?.slice(0, 7));
  return /^[A-Z][a-z]+ \d{4}$/.test(month) ? month : "not set";
};

/** A step's "by when" as words, as it is before its month input is made. */
export function stepDateWords(byWhen: string | null): { element: HTMLElement; words: HTMLElement } {
  const element = document.createElement("label");
  element.className = "ehcp-step-date";
  element.contentEditable = "false";
  const words = document.createElement("span");
  words.textContent = readableMonth(byWhen);
  element.append("By when ", words);
  return { element, words };
}

/**
 * A step's "by when", a month, which sets the step's attribute when a whole month is chosen. The
 * month input, costly to make, is made when the step comes near the screen; until then the month
 * is there as words.
 */
function stepDate(
  editor: Editor,
  node: PMNode,
  getPos: () => number | undefined,
  stepLabelId: string,
): { element: HTMLElement; show: (byWhen: string | null) => void; destroy: () => void } {
  const { role, policy } = editor.storage.plan;
  let byWhen = node.attrs.byWhen as string | null;
  let input: HTMLInputElement | null = null;
  let unwatch = () => {};
  const { element, words } = stepDateWords(byWhen);
  const show = (next: string | null) => {
    byWhen = next;
    if (input) input.value = next?.slice(0, 7) ?? "";
    else words.textContent = readableMonth(next);
  };
  const makeInput = () => {
    const made = document.createElement("input");
    made.type = "month";
    const lock = () => {
      made.disabled = !editor.isEditable || !policy[role].includes("E");
    };
    lock();
    unwatch = editableSignal(editor).subscribe(lock);
    made.setAttribute("aria-describedby", stepLabelId);
    made.addEventListener("change", () => {
      const pos = getPos();
      // A step is always due by a month: an emptied date keeps the last one. Typed from the
      // keyboard, the year passes through 0002 and 0020 on its way to 2026: only a year of this
      // era is stored (see `DateInput`).
      if (pos === undefined || !/^(1[89]|2\d)\d{2}-\d{2}$/.test(made.value)) return;
      editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, "byWhen", made.value));
    });
    input = made;
    words.replaceWith(made);
    show(byWhen);
  };
  const stopWaiting = whenNear(editor, element, makeInput);
  const destroy = () => {
    stopWaiting();
    unwatch();
  };
  return { element, show, destroy };
}
