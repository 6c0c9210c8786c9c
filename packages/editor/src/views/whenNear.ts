import type { Editor } from "@tiptap/core";

/** How far beyond the screen things are made ready, so that scrolling never waits for them. */
const NEAR = "100% 0px";

const observers = new WeakMap<Editor, IntersectionObserver>();
const waiting = new WeakMap<Element, () => void>();

/**
 * Calls `ready` once, when `element` comes within a screen of the viewport (at once where the
 * browser has no IntersectionObserver), so that a long plan builds its costly parts (React
 * controls, date inputs) only where the writer is. Returns a function that stops waiting.
 */
export function whenNear(editor: Editor, element: Element, ready: () => void): () => void {
  if (typeof IntersectionObserver === "undefined") {
    ready();
    return () => {};
  }
  let observer = observers.get(editor);
  if (!observer) {
    const made = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const call = waiting.get(entry.target);
          made.unobserve(entry.target);
          waiting.delete(entry.target);
          call?.();
        }
      },
      { rootMargin: NEAR },
    );
    observers.set(editor, made);
    observer = made;
  }
  waiting.set(element, ready);
  observer.observe(element);
  const current = observer;
  return () => {
    current.unobserve(element);
    waiting.delete(element);
  };
}
