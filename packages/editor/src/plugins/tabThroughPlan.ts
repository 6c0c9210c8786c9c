import { Plugin, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

const CONTROLS =
  'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]):not(.ProseMirror)';

/** A text field of a card, or of a section: where the caret goes, rather than a control. */
const isTextField = (element: Element) =>
  element.matches(".ehcp-field-content") ||
  (element.matches(".ehcp-item-fields") && !element.querySelector(".ehcp-field"));

function usable(element: HTMLElement): boolean {
  if ((element as HTMLInputElement).disabled || element.closest("fieldset:disabled")) return false;
  if (element.getClientRects().length === 0) return false;
  if (isTextField(element)) {
    // A section the writer may neither change nor suggest in has no caret to give.
    const section = element.closest<HTMLElement>(".ehcp-section");
    return !(section?.dataset.readonly === "true" && section.dataset.suggesting !== "true");
  }
  return true;
}

/** The stops Tab goes through in the plan, in reading order: controls and text fields alike. */
function stops(view: EditorView): HTMLElement[] {
  return [
    ...view.dom.querySelectorAll<HTMLElement>(
      `${CONTROLS}, .ehcp-field-content, .ehcp-item-fields`,
    ),
  ].filter(
    (element) => (!element.matches(".ehcp-item-fields") || isTextField(element)) && usable(element),
  );
}

/** The focusable elements of the page outside the editor, before or after it. */
function outside(view: EditorView, after: boolean): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (element) => !view.dom.contains(element) && usable(element) && element.tabIndex >= 0,
  );
  const beyond = all.filter((element) => {
    const position = view.dom.compareDocumentPosition(element);
    return after
      ? (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
      : (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  });
  return (after ? beyond[0] : beyond.at(-1)) ?? null;
}

/**
 * Tab and Shift+Tab through the plan in reading order: from the caret in a card's text to the
 * controls and the text that follow or come before it, and from a control into the next text
 * field, the caret put at its start (or, going back, its end). Without this, Tab from the text
 * went to the first control of the whole plan (the browser sees the editor as one element, and
 * the cards' controls as inside it), and no text field could be reached by Tab at all.
 */
export function tabThroughPlan(): Plugin {
  return new Plugin({
    view(view) {
      // Whether the editor was just reached by Tab from the page around it: the next Tab then
      // goes to the plan's first stop (or Shift+Tab to its last), wherever the caret was left.
      let lastKeyWasTab = false;
      let enteredByTab = false;
      const onPageKey = (event: KeyboardEvent) => {
        lastKeyWasTab = event.key === "Tab";
      };
      const onPagePointer = () => {
        lastKeyWasTab = false;
        enteredByTab = false;
      };
      const onFocusIn = (event: FocusEvent) => {
        const from = event.relatedTarget;
        enteredByTab =
          event.target === view.dom &&
          lastKeyWasTab &&
          !(from instanceof Node && view.dom.contains(from));
      };
      const onKeyDown = (event: KeyboardEvent) => {
        const entered = enteredByTab;
        enteredByTab = false;
        if (event.key !== "Tab" || event.defaultPrevented || !view.editable) return;
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const back = event.shiftKey;
        const all = stops(view);
        let index: number;
        if (event.target === view.dom && entered) {
          index = back ? all.length : -1;
        } else if (event.target === view.dom) {
          const { node } = view.domAtPos(view.state.selection.head);
          const here = (node instanceof Element ? node : node.parentElement)?.closest(
            ".ehcp-field-content, .ehcp-item-fields",
          );
          index = here ? all.indexOf(here as HTMLElement) : -1;
          if (index < 0) return;
        } else {
          // Tab moves between a date's day, month and year before it leaves the input.
          if ((event.target as Element).matches('input[type="date"], input[type="month"]')) return;
          index = all.indexOf(event.target as HTMLElement);
          if (index < 0) return;
        }
        const next = all[back ? index - 1 : index + 1];
        event.preventDefault();
        if (!next) {
          outside(view, !back)?.focus();
          return;
        }
        if (!isTextField(next)) {
          next.focus();
          next.scrollIntoView({ block: "nearest" });
          return;
        }
        const pos = view.posAtDOM(next, back ? next.childNodes.length : 0);
        const selection = TextSelection.near(view.state.doc.resolve(pos), back ? -1 : 1);
        view.focus();
        view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
      };
      document.addEventListener("keydown", onPageKey, true);
      document.addEventListener("pointerdown", onPagePointer, true);
      view.dom.addEventListener("focusin", onFocusIn);
      view.dom.addEventListener("keydown", onKeyDown);
      return {
        destroy: () => {
          document.removeEventListener("keydown", onPageKey, true);
          document.removeEventListener("pointerdown", onPagePointer, true);
          view.dom.removeEventListener("focusin", onFocusIn);
          view.dom.removeEventListener("keydown", onKeyDown);
        },
      };
    },
  });
}
