import { parsePlan, yDocToPlan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { userEvent } from "vitest/browser";
import { closeAll, firstField, openWorkspace, sharePlan, until } from "../test/sharedPlan.js";
import "./styles.css";

const good = parsePlan(examplePlan("plan-good.json"));
const provision = good.sections.F.provisions[0]!;
afterEach(closeAll);

/** Where F1's "delivered by" text ends in an editor. */
const deliveredByEnd = (editor: Editor) => firstField(editor, "provisionDeliveredBy").to;

/**
 * The words of each suggestion of `kind` as the page shows them, without the carets of others
 * drawn among them: a caret just before a suggestion is drawn inside its mark, with its name.
 */
const suggested = (container: HTMLElement, kind: "insertion" | "deletion") =>
  [...container.querySelectorAll(`.ehcp-${kind}`)]
    .map((element) => {
      const shown = element.cloneNode(true) as HTMLElement;
      for (const caret of shown.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return shown.textContent;
    })
    .join("|");

const button = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll<HTMLButtonElement>(".ehcp-suggestions button")].find(
    (b) => b.textContent === text,
  ) as HTMLButtonElement;

describe("suggested changes", () => {
  it("turns a parent's typing and deleting in section F into suggestions that the caseworker accepts or rejects with a reason", async () => {
    const planId = `plan-suggest-${Date.now()}`;
    await sharePlan(good, planId);
    const parent = await openWorkspace(planId, "parent");
    const caseworker = await openWorkspace(planId, "caseworker");
    await until(() => deliveredByEnd(parent.editor) > 0, "the plan at the parent's");
    expect(
      parent.container.querySelector('[data-section="F"] .ehcp-readonly-note')?.textContent,
    ).toMatch(/^You may suggest changes to the wording here/);

    // The parent types at the end of F1's "delivered by".
    parent.editor.commands.setTextSelection(deliveredByEnd(parent.editor));
    parent.editor.view.focus();
    await userEvent.keyboard(" (NHS)");
    for (const person of [parent, caseworker]) {
      await until(
        () => person.container.querySelector(".ehcp-insertion")?.textContent === " (NHS)",
        "the suggestion shown",
      );
    }
    // Enter would split the field: not a suggestion of words, so nothing happens.
    await userEvent.keyboard("{Enter}");
    expect(parent.editor.state.doc.textContent).toContain("therapist (NHS)");
    // The plan itself has not changed.
    expect(yDocToPlan(caseworker.connection.document).sections.F.provisions[0]?.deliveredBy).toBe(
      provision.deliveredBy,
    );
    await until(
      () =>
        /^A parent \(parent\) suggests adding “ \(NHS\)” in F1\.$/.test(
          caseworker.container.querySelector(".ehcp-suggestion-item p")?.textContent ?? "",
        ),
      "the suggestion listed for the caseworker",
    );
    expect(parent.container.querySelector(".ehcp-suggestion-item")?.textContent).toContain(
      "Waiting for someone who may edit section F.",
    );

    // The caseworker accepts it, with a reason.
    await userEvent.click(caseworker.container.querySelector(".ehcp-suggestion-item textarea")!);
    await userEvent.keyboard("The therapy comes from the NHS trust.");
    await userEvent.click(button(caseworker.container, "Accept"));
    await until(
      () =>
        yDocToPlan(caseworker.connection.document).sections.F.provisions[0]?.deliveredBy ===
        `${provision.deliveredBy} (NHS)`,
      "the accepted words in the plan",
    );
    await until(() => parent.container.querySelector(".ehcp-insertion") === null, "the mark gone");

    // The parent suggests a word out; the caseworker rejects that, saying why.
    const start = deliveredByEnd(parent.editor) - "therapist (NHS)".length;
    parent.editor.commands.setTextSelection({ from: start, to: start + "therapist".length });
    parent.editor.view.focus();
    await userEvent.keyboard("{Backspace}");
    await until(
      () => caseworker.container.querySelector(".ehcp-deletion")?.textContent === "therapist",
      "the removal shown",
    );
    await until(
      () =>
        caseworker.container.querySelectorAll(".ehcp-suggestion-item").length === 1 &&
        /removing “therapist”/.test(
          caseworker.container.querySelector(".ehcp-suggestion-item p")?.textContent ?? "",
        ),
      "the removal listed, alone",
    );
    await userEvent.click(caseworker.container.querySelector(".ehcp-suggestion-item textarea")!);
    await userEvent.keyboard("A therapist is named in the advice.");
    await userEvent.click(button(caseworker.container, "Reject"));
    await until(
      () => parent.container.querySelectorAll(".ehcp-representations li").length === 2,
      "both decisions at the parent's",
    );
    expect(
      [...parent.container.querySelectorAll(".ehcp-representations li")].map(
        (li) => li.textContent,
      ),
    ).toEqual([
      "A parent (parent) suggested adding “ (NHS)” in section F: accepted by A caseworker (caseworker), because “The therapy comes from the NHS trust.”",
      "A parent (parent) suggested removing “therapist” in section F: rejected by A caseworker (caseworker), because “A therapist is named in the advice.”",
    ]);
    expect(parent.container.querySelector(".ehcp-deletion")).toBeNull();
    expect(yDocToPlan(parent.connection.document).sections.F.provisions[0]?.deliveredBy).toBe(
      `${provision.deliveredBy} (NHS)`,
    );
    const result = await axe.run(parent.container.querySelector(".ehcp-suggestions")!);
    expect(
      result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
  });

  it("lets a parent take back their own suggestions with undo, and the server takes the withdrawal", async () => {
    const planId = `plan-suggest-undo-${Date.now()}`;
    await sharePlan(good, planId);
    const parent = await openWorkspace(planId, "parent");
    const caseworker = await openWorkspace(planId, "caseworker");
    await until(() => deliveredByEnd(parent.editor) > 0, "the plan at the parent's");
    const refusals: string[] = [];
    parent.connection.provider.on("stateless", ({ payload }: { payload: string }) => {
      refusals.push(payload);
    });
    const waiting = () => caseworker.container.querySelectorAll(".ehcp-suggestion-item").length;

    parent.editor.commands.setTextSelection(deliveredByEnd(parent.editor));
    parent.editor.view.focus();
    await userEvent.keyboard(" (NHS)");
    await until(
      () => caseworker.container.querySelector(".ehcp-insertion")?.textContent === " (NHS)",
      "the suggestion at the caseworker's",
    );
    await until(() => waiting() === 1, "the suggestion listed");
    await userEvent.keyboard("{Control>}z{/Control}");
    await until(() => parent.container.querySelector(".ehcp-insertion") === null, "undone");
    await until(
      () => caseworker.container.querySelector(".ehcp-insertion") === null,
      "the suggestion gone at the caseworker's",
    );
    await until(() => waiting() === 0, "nothing waiting for a decision");

    // A suggested removal, taken back the same way.
    const start = deliveredByEnd(parent.editor) - "therapist".length;
    parent.editor.commands.setTextSelection({ from: start, to: start + "therapist".length });
    parent.editor.view.focus();
    await userEvent.keyboard("{Backspace}");
    await until(
      () => caseworker.container.querySelector(".ehcp-deletion")?.textContent === "therapist",
      "the removal at the caseworker's",
    );
    await userEvent.keyboard("{Control>}z{/Control}");
    await until(
      () => caseworker.container.querySelector(".ehcp-deletion") === null,
      "the removal gone at the caseworker's",
    );
    await until(() => waiting() === 0, "nothing waiting for a decision");
    expect(refusals.filter((payload) => payload.includes("edit-refused"))).toEqual([]);
    expect(yDocToPlan(caseworker.connection.document).sections.F.provisions[0]?.deliveredBy).toBe(
      provision.deliveredBy,
    );
    expect(caseworker.editor.state.doc.textContent).not.toContain("(NHS)");
  });

  it("takes a caseworker's Enter, typing and Backspace inside a parent's suggestion: the parent's words move and stay theirs, the caseworker's are the caseworker's", async () => {
    const planId = `plan-suggest-split-${Date.now()}`;
    await sharePlan(good, planId);
    const parent = await openWorkspace(planId, "parent");
    const caseworker = await openWorkspace(planId, "caseworker");
    await until(() => deliveredByEnd(parent.editor) > 0, "the plan at the parent's");
    const refusals: string[] = [];
    for (const person of [parent, caseworker]) {
      person.connection.provider.on("stateless", ({ payload }: { payload: string }) => {
        refusals.push(payload);
      });
    }
    // The start of the text of F1's first paragraph of "what".
    const whatStart = (editor: Editor) => firstField(editor, "provisionWhat").from + 1;
    parent.editor.commands.setTextSelection(whatStart(parent.editor));
    parent.editor.view.focus();
    await userEvent.keyboard("please add more ");
    await until(
      () => suggested(caseworker.container, "insertion") === "please add more ",
      "the suggestion at the caseworker's",
    );
    const paragraphs = (editor: Editor) => {
      let count = -1;
      editor.state.doc.descendants((node) => {
        if (count < 0 && node.type.name === "provisionWhat") count = node.childCount;
        return count < 0;
      });
      return count;
    };
    const before = paragraphs(caseworker.editor);
    caseworker.editor.commands.setTextSelection(whatStart(caseworker.editor) + "please ".length);
    caseworker.editor.view.focus();
    await userEvent.keyboard("{Enter}");
    await until(() => paragraphs(parent.editor) === before + 1, "the split at the parent's");
    await until(
      () => suggested(parent.container, "insertion") === "please |add more ",
      "both halves still the parent's suggestion",
    );
    // Words the caseworker types inside the parent's suggestion are the caseworker's own.
    caseworker.editor.commands.setTextSelection(
      firstField(caseworker.editor, "provisionWhat").from +
        1 +
        "please ".length +
        2 +
        "add ".length,
    );
    caseworker.editor.view.focus();
    await userEvent.keyboard("really ");
    await until(
      () => parent.editor.state.doc.textContent.includes("add really more"),
      "the caseworker's words at the parent's",
    );
    // (The caseworker's caret, with their name, sits just before the parent's "more ".)
    await until(
      () => suggested(parent.container, "insertion") === "please |add |more ",
      "the caseworker's words unmarked",
    );
    expect(refusals.filter((payload) => payload.includes("edit-refused"))).toEqual([]);
    // Backspace at the start of the second paragraph joins them again, the parent's words with it.
    caseworker.editor.commands.setTextSelection(
      firstField(caseworker.editor, "provisionWhat").from + 1 + "please ".length + 2,
    );
    caseworker.editor.view.focus();
    await userEvent.keyboard("{Backspace}");
    await until(() => paragraphs(parent.editor) === before, "the join at the parent's");
    expect(parent.editor.state.doc.textContent).toContain("please add really more A speech");
    expect(refusals.filter((payload) => payload.includes("edit-refused"))).toEqual([]);
    expect(paragraphs(caseworker.editor)).toBe(before);
  });
});
