import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { examplePlan } from "@ehcp/fixtures";
import { parsePlan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { mountEditor, planOf, unmountAll } from "../../test/mountEditor.js";
// As in the app: a card not yet laid out keeps the height the styles give it, so the cards far
// down stay far from the screen while those above them are still being filled.
import "../styles.css";

afterEach(unmountAll);

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const longPlan = () => parsePlan(generatePlan({ scale: 1, seed: 1 }));

const card = (container: HTMLElement, label: string) =>
  container.querySelector<HTMLElement>(`article.ehcp-item[data-label="${label}"]`) as HTMLElement;
/** Whether ProseMirror draws and tracks the card's words itself (the card is drawn in full). */
const drawnInFull = (article: HTMLElement) =>
  !!(
    article.querySelector(".ehcp-item-fields")?.firstElementChild as { pmViewDesc?: unknown } | null
  )?.pmViewDesc;

/** The card's markup without what differs from one drawing to the next: ids and React parts. */
function markupOf(article: HTMLElement): string {
  const copy = article.cloneNode(true) as HTMLElement;
  // Light, the card says it is editable as its section is (see `LightCardView`).
  if (copy.getAttribute("contenteditable") === "inherit") copy.removeAttribute("contenteditable");
  for (const element of [copy, ...copy.querySelectorAll("*")]) {
    element.removeAttribute("id");
    element.removeAttribute("aria-labelledby");
    element.removeAttribute("aria-describedby");
  }
  copy.querySelector(".ehcp-card-parts")?.replaceChildren();
  copy.querySelector(".ehcp-add")?.replaceChildren();
  copy.querySelectorAll(".ehcp-step-date").forEach((date) => date.remove());
  return copy.outerHTML;
}

/** The position of the start of the words of the card labelled `label`. */
function wordsOf(editor: Editor, label: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (editor.view.nodeDOM(pos) === card(editor.view.dom as HTMLElement, label)) {
      found = TextSelection.near(editor.state.doc.resolve(pos + 1)).from;
    }
    return found < 0;
  });
  return found;
}

describe("a long plan's far cards, drawn light", () => {
  it("are in the page whole, with their labels and words, before they are drawn in full", async () => {
    const plan = longPlan();
    const last = plan.sections.F.provisions.at(-1)!;
    const words = "Zephyrine Okafor-Lindqvist, the last provision's deliverer";
    plan.sections.F.provisions[plan.sections.F.provisions.length - 1] = {
      ...last,
      deliveredBy: words,
    };
    const { container } = await mountEditor({ plan });
    const far = card(container, "F150");
    expect(drawnInFull(far)).toBe(false);
    expect(drawnInFull(card(container, "B1"))).toBe(true);
    // Find-in-page and a screen reader read the page: every provision's words are there, drawn
    // once the plan is on the screen.
    await expect.poll(() => container.textContent).toContain(words);
    expect((window as unknown as { find(text: string): boolean }).find(words)).toBe(true);
    const heading = document.getElementById(far.getAttribute("aria-labelledby")!);
    expect(heading?.textContent).toBe("F150 Provision");
    const groups = [...far.querySelectorAll<HTMLElement>("[role=group]")].map(
      (group) => document.getElementById(group.getAttribute("aria-labelledby")!)?.textContent,
    );
    expect(groups).toEqual(["What the provision is", "Who delivers it", "With what expertise"]);
  });

  it("are drawn in full as they come near the screen, with the same markup", async () => {
    const { container } = await mountEditor({ plan: longPlan() });
    await expect.poll(() => card(container, "F150").querySelector("[data-field]")).not.toBeNull();
    const light = markupOf(card(container, "F150"));
    card(container, "F150").scrollIntoView({ block: "center" });
    await expect.poll(() => drawnInFull(card(container, "F150"))).toBe(true);
    await expect
      .poll(() => card(container, "F150").querySelector(".ehcp-card-controls"))
      .not.toBeNull();
    expect(markupOf(card(container, "F150"))).toBe(light);
    // An outcome's steps too, with their month as words until the month input is made.
    const outcome = markupOf(card(container, "E70"));
    card(container, "E70").scrollIntoView({ block: "center" });
    await expect.poll(() => drawnInFull(card(container, "E70"))).toBe(true);
    expect(markupOf(card(container, "E70"))).toBe(outcome);
  });

  it("are drawn in full in the same update as the selection goes into them, and typed into", async () => {
    const { container, editor } = await mountEditor({ plan: longPlan() });
    const pos = wordsOf(editor, "F170");
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)));
    expect(drawnInFull(card(container, "F170"))).toBe(true);
    editor.view.focus();
    await userEvent.keyboard("Typed far down ");
    expect(JSON.stringify(planOf(editor).sections.F.provisions[169]!.what)).toContain(
      '"Typed far down ',
    );
  });

  it("take the caret that the browser puts in their words, as a screen reader or a search would", async () => {
    const plan = longPlan();
    const { container, editor } = await mountEditor({ plan });
    const far = card(container, "F160");
    await expect.poll(() => far.querySelector("[data-field]")).not.toBeNull();
    const text = far.querySelector("[data-field=provisionDeliveredBy] .ehcp-field-content")!
      .firstChild as Text;
    editor.view.focus();
    document.getSelection()!.collapse(text, 0);
    await expect.poll(() => drawnInFull(card(container, "F160"))).toBe(true);
    await nextFrame();
    await userEvent.keyboard("Q");
    const { deliveredBy } = plan.sections.F.provisions[159]!;
    expect(planOf(editor).sections.F.provisions[159]!.deliveredBy).toBe(`Q${deliveredBy}`);
  });

  it("follow changes to their words while they are light", async () => {
    const { container, editor } = await mountEditor({ plan: longPlan() });
    const pos = wordsOf(editor, "F140");
    // As a change from someone else arrives: a transaction that does not move the selection.
    editor.view.dispatch(editor.state.tr.insertText("Changed elsewhere: ", pos));
    expect(drawnInFull(card(container, "F140"))).toBe(false);
    await expect.poll(() => card(container, "F140").textContent).toContain("Changed elsewhere: ");
    // And once its words are drawn, in the same update.
    editor.view.dispatch(editor.state.tr.insertText("Again: ", pos));
    expect(card(container, "F140").textContent).toContain("Again: Changed elsewhere: ");
    expect(drawnInFull(card(container, "F140"))).toBe(false);
  });

  it("are not drawn in a plan of a few dozen cards", async () => {
    const { container } = await mountEditor({ plan: parsePlan(examplePlan("plan-good.json")) });
    const cards = [...container.querySelectorAll<HTMLElement>("article.ehcp-item")];
    expect(cards.length).toBeGreaterThan(20);
    expect(
      cards.filter(
        (article) => article.querySelector(".ehcp-item-fields") && !drawnInFull(article),
      ),
    ).toEqual([]);
  });
});
