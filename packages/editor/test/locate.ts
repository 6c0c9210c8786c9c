import { page } from "vitest/browser";
import type { Locator } from "vitest/browser";

/** Playwright's locators in vitest chain a selector this way; vitest's types leave it out. */
type Chainable = Locator & { locator(selector: string): Locator };

/**
 * A locator for `element` by its place under `anchor`, an element outside any editor (an id
 * given to an editor's own elements is undone when ProseMirror redraws them).
 * `userEvent.click(element)` asks Playwright to generate the element's best selector, which
 * computes the accessible name of every control on the page: over two whole plans that took
 * seconds per action on a slow machine and ran a test out of time in CI.
 */
export function locate(element: Element, anchor: HTMLElement): Locator {
  if (anchor === element || !anchor.contains(element)) {
    throw new RangeError("locate: the element is not inside its anchor");
  }
  anchor.dataset.testid ||= `anchor-${Math.random().toString(36).slice(2)}`;
  const steps: string[] = [];
  for (let node = element; node !== anchor; node = node.parentElement as Element) {
    const index = [...(node.parentElement as Element).children].indexOf(node) + 1;
    steps.unshift(`${node.tagName.toLowerCase()}:nth-child(${index})`);
  }
  const scope = page.getByTestId(anchor.dataset.testid) as Chainable;
  return scope.locator(`css=:scope > ${steps.join(" > ")}`);
}
