import { PLAN_FRAGMENT_NAME, parsePlan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { userEvent } from "vitest/browser";
import type * as Y from "yjs";
import {
  closeAll,
  connectAs,
  firstField,
  openWorkspace,
  sharePlan,
  until,
} from "../test/sharedPlan.js";
import "./styles.css";

const good = parsePlan(examplePlan("plan-good.json"));
const provision = good.sections.F.provisions[0]!;
afterEach(closeAll);

/** Where F1's "delivered by" text starts in an editor. */
const deliveredByStart = (editor: Editor) => firstField(editor, "provisionDeliveredBy").from;

const highlighted = (container: HTMLElement) =>
  [...container.querySelectorAll(".ehcp-comment")].map((e) => e.textContent).join("|");

describe("CommentsPanel", () => {
  it("lets a parent comment on words in section F, keeps the comment on them through others' typing, and falls back to the item when they go", async () => {
    const planId = `plan-comments-${Date.now()}`;
    await sharePlan(good, planId);
    // The names are the ones the server signed each person in with.
    const parent = await openWorkspace(planId, "parent");
    const caseworker = await openWorkspace(planId, "caseworker");
    await until(() => deliveredByStart(parent.editor) > 0, "the plan at the parent's");

    // The parent selects "Speech" in F1 and comments on it, though F is not theirs to edit.
    const start = deliveredByStart(parent.editor);
    parent.editor.commands.setTextSelection({ from: start, to: start + 6 });
    const box = parent.container.querySelector<HTMLTextAreaElement>(".ehcp-comment-new textarea")!;
    await until(
      () =>
        parent.container.querySelector(".ehcp-comment-new label")?.textContent ===
        "New comment on F1: “Speech”",
      "the new comment's place",
    );
    await userEvent.click(box);
    await userEvent.keyboard("Will it be the same therapist each week?");
    await userEvent.click(
      parent.container.querySelector<HTMLButtonElement>(".ehcp-comment-new button")!,
    );
    for (const person of [parent, caseworker]) {
      await until(() => highlighted(person.container) === "Speech", "the comment's words");
      expect(person.container.querySelector(".ehcp-thread")?.textContent).toContain(
        "A parent (parent)",
      );
    }
    // The box empties once the server has answered, which may come after the thread arrives.
    await until(() => box.value === "", "the comment box emptied");

    // The caseworker types before the words while a school writer adds after them.
    const school = await connectAs(planId, "school");
    await until(
      () => school.document.getXmlFragment(PLAN_FRAGMENT_NAME).length > 0,
      "the plan at the school's",
    );
    caseworker.editor.commands.setTextSelection(deliveredByStart(caseworker.editor));
    caseworker.editor.view.focus();
    await userEvent.keyboard("Qualified ");
    const sectionF = school.document.getXmlFragment(PLAN_FRAGMENT_NAME).get(6) as Y.XmlElement;
    const field = (sectionF.get(0) as Y.XmlElement)
      .toArray()
      .find((e) => (e as Y.XmlElement).nodeName === "provisionDeliveredBy") as Y.XmlElement;
    const text = field.get(0) as Y.XmlText;
    text.insert(text.length, " (NHS)");
    for (const person of [parent, caseworker]) {
      await until(
        () =>
          person.editor.state.doc.textContent.includes(
            "Qualified Speech and language therapist (NHS)",
          ),
        "both edits",
      );
      expect(highlighted(person.container)).toBe("Speech");
    }

    // Following the thread selects its words in the plan.
    await userEvent.click(
      [...caseworker.container.querySelectorAll<HTMLButtonElement>(".ehcp-thread button")].find(
        (b) => b.textContent === "Show F1 in the plan",
      )!,
    );
    const { from, to } = caseworker.editor.state.selection;
    expect(caseworker.editor.state.doc.textBetween(from, to)).toBe("Speech");
    expect(caseworker.container.querySelector(".ehcp-comment--active")?.textContent).toBe("Speech");

    const axeResult = await axe.run(parent.container.querySelector(".ehcp-comments")!);
    expect(
      axeResult.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);

    // The caseworker deletes the words: the thread stays, on the whole item.
    await userEvent.keyboard("{Backspace}");
    for (const person of [parent, caseworker]) {
      await until(
        () => person.container.querySelector(".ehcp-item--commented") !== null,
        "the item marked",
      );
      expect(highlighted(person.container)).toBe("");
      expect(person.container.querySelector(".ehcp-item--commented")?.textContent).toContain(
        provision.expertise,
      );
      expect(person.container.querySelector(".ehcp-thread-where")?.textContent).toBe(
        "On F1: Speech (those words have since gone)",
      );
    }

    // The caseworker replies and resolves; the mark goes for everyone.
    const reply = caseworker.container.querySelector<HTMLTextAreaElement>(".ehcp-thread textarea")!;
    await userEvent.click(reply);
    await userEvent.keyboard("Yes: the same therapist all year.");
    await userEvent.click(
      [...caseworker.container.querySelectorAll<HTMLButtonElement>(".ehcp-thread button")].find(
        (b) => b.textContent === "Reply",
      )!,
    );
    await until(
      () =>
        (parent.container.querySelector(".ehcp-thread")?.textContent ?? "").includes("all year"),
      "the reply at the parent's",
    );
    await userEvent.click(
      [...caseworker.container.querySelectorAll<HTMLButtonElement>(".ehcp-thread button")].find(
        (b) => b.textContent === "Resolve the thread on F1",
      )!,
    );
    for (const person of [parent, caseworker]) {
      await until(
        () => person.container.querySelector(".ehcp-item--commented") === null,
        "the mark to go",
      );
      expect(person.container.querySelector(".ehcp-comments [role=status]")?.textContent).toBe(
        "No open comments.",
      );
    }
  });
});
