import {
  docToPlan,
  PLAN_FRAGMENT_NAME,
  PLAN_SCHEMA_VERSION,
  parsePlan,
  planSchema,
  planToYDoc,
} from "@ehcp/schema";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { DOMSerializer } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { Editor } from "@tiptap/core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { userEvent } from "vitest/browser";
import { PlanEditor, type PlanEditorProps } from "./PlanEditor.js";
import { mountEditor, planOf, seriousAxeProblems, unmountAll } from "../test/mountEditor.js";
import { scrollToCards } from "../test/scrollToCards.js";

const good = parsePlan(examplePlan("plan-good.json"));
afterEach(unmountAll);

const mount = (props: Partial<PlanEditorProps> = {}) => mountEditor({ plan: good, ...props });

/** Puts the caret at the start or end of a field of the first item in a section, and focuses. */
function placeCaret(editor: Editor, section: string, fieldName: string, where: "start" | "end") {
  let target = -1;
  editor.state.doc.descendants((node, pos, parent) => {
    if (target >= 0) return false;
    if (
      node.type.name === fieldName &&
      parent &&
      editor.state.doc.resolve(pos).node(1).type.name === `section${section}`
    ) {
      target = where === "start" ? pos + 1 : pos + node.nodeSize - 1;
      return false;
    }
    return true;
  });
  editor.chain().focus().setTextSelection(target).run();
  // Tiptap focuses the view on the next frame.
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
const field = (container: HTMLElement, section: string, name: string, index = 0) => {
  const found = container.querySelectorAll<HTMLElement>(
    `[data-section="${section}"] [data-field="${name}"] .ehcp-field-content`,
  )[index];
  if (!found) throw new Error(`no ${name} field in ${section}`);
  return found;
};

describe("PlanEditor", () => {
  it("shows sections A to K in order with fixed headings, and items with their labels", async () => {
    const { container } = await mount();
    const headings = [...container.querySelectorAll("section.ehcp-section > h2")].map(
      (h) => h.textContent,
    );
    expect(headings[0]).toBe("Section A: Views, interests and aspirations");
    expect(headings).toContain("Section F: Special educational provision");
    expect(headings).toHaveLength(12);
    const labels = [...container.querySelectorAll('[data-section="F"] .ehcp-item-label')].map(
      (l) => l.textContent,
    );
    expect(labels.slice(0, 3)).toEqual(["F1", "F2", "F3"]);
  });

  it("takes typing in a provision's field", async () => {
    const { container, editor } = await mount();
    await userEvent.click(field(container, "F", "provisionDeliveredBy"));
    await userEvent.keyboard("{End} (Aisha Rahman)");
    expect(planOf(editor).sections.F.provisions[0]?.deliveredBy).toBe(
      `${good.sections.F.provisions[0]?.deliveredBy} (Aisha Rahman)`,
    );
  });

  it("sets how long a provision lasts between two dates, and keeps dates the wrong way round out of the plan", async () => {
    const { container, editor } = await mount();
    const control = () =>
      container.querySelector<HTMLFieldSetElement>('[data-section="F"] .ehcp-duration')!;
    await scrollToCards(container, '[data-section="F"] article');
    const dates = () => control().querySelectorAll<HTMLInputElement>("input[type=date]");
    expect(control().querySelector("legend")?.textContent).toBe("How long");
    expect(dates()).toHaveLength(0);

    await userEvent.selectOptions(control().querySelector("select")!, "Between two dates");
    const offered = planOf(editor).sections.F.provisions[0]?.duration;
    // A year from today, until the writer says otherwise.
    const today = new Date().toISOString().slice(0, 10);
    const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, "-02-28");
    expect(offered).toEqual({ from: today, until: yearOn });

    await userEvent.fill(dates()[0]!, "2026-09-01");
    await userEvent.fill(dates()[1]!, "2027-07-23");
    expect(planOf(editor).sections.F.provisions[0]?.duration).toEqual({
      from: "2026-09-01",
      until: "2027-07-23",
    });

    await userEvent.fill(dates()[1]!, "2026-07-23");
    expect(control().querySelector("[role=alert]")?.textContent).toBe(
      "The end date is before the start date: it is not saved.",
    );
    expect(dates()[1]!.getAttribute("aria-invalid")).toBe("true");
    expect(planOf(editor).sections.F.provisions[0]?.duration).toEqual({
      from: "2026-09-01",
      until: "2027-07-23",
    });

    await userEvent.selectOptions(control().querySelector("select")!, "Until the next review");
    expect(planOf(editor).sections.F.provisions[0]?.duration).toBe("until next review");
    expect(dates()).toHaveLength(0);
    // Another provision's dates, from Plan JSON, show in its own card.
    const sleep = container.querySelector<HTMLElement>('[data-id="prov-sleep"] .ehcp-duration')!;
    expect([...sleep.querySelectorAll("input")].map((input) => input.value)).toEqual([
      "2026-11-01",
      "2027-07-31",
    ]);
  });

  it("builds a need, its outcome and a provision for it from the keyboard alone", async () => {
    const { container, editor } = await mount();
    await userEvent.click(field(container, "B", "needTitle"));
    await userEvent.keyboard("{Alt>}{Shift>}N{/Shift}{/Alt}Falls asleep in lessons");
    await userEvent.keyboard("{Alt>}{Shift>}O{/Shift}{/Alt}Sam stays awake until lunchtime");
    await userEvent.keyboard("{Alt>}{Shift>}P{/Shift}{/Alt}A trampoline break every hour");
    const plan = planOf(editor);
    const need = plan.sections.B.needs.find((n) => n.title === "Falls asleep in lessons");
    const outcome = plan.sections.E.outcomes.find((o) =>
      JSON.stringify(o.statement).includes("stays awake until lunchtime"),
    );
    const provision = plan.sections.F.provisions.find((p) =>
      JSON.stringify(p.what).includes("trampoline break"),
    );
    expect(need).toBeDefined();
    expect(outcome?.needIds).toEqual([need?.id]);
    expect(provision?.outcomeIds).toEqual([outcome?.id]);
    expect(provision?.needIds).toEqual([need?.id]);
    // The focus stayed in the editor, in the new provision.
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
    expect(editor.state.selection.$from.node(2).attrs.id).toBe(provision?.id);
  });

  it("gives a pasted provision a fresh id and keeps its links to the plan's outcomes", async () => {
    const { container, editor } = await mount();
    const sectionF = editor.state.doc.child(6);
    expect(sectionF.type.name).toBe("sectionF");
    const first = sectionF.child(0);
    const html = (DOMSerializer.fromSchema(editor.schema).serializeNode(first) as HTMLElement)
      .outerHTML;
    await userEvent.click(field(container, "F", "provisionExpertise"));
    editor.view.pasteHTML(html);
    const provisions = planOf(editor).sections.F.provisions;
    expect(provisions).toHaveLength(good.sections.F.provisions.length + 1);
    const ids = provisions.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const copy = provisions.find((p) => !good.sections.F.provisions.some((g) => g.id === p.id));
    expect(copy?.outcomeIds).toEqual(good.sections.F.provisions[0]?.outcomeIds);
    // It went in after the provision the cursor was in, which stayed whole.
    expect(ids.indexOf(copy?.id as string)).toBe(1);
    expect(provisions[0]).toStrictEqual(good.sections.F.provisions[0]);
  });

  it("makes the sections a role may not change read-only, saying why", async () => {
    const { container, editor } = await mount({
      user: { name: "Dr Health", role: "health", color: "#047857" },
    });
    const F = container.querySelector<HTMLElement>('[data-section="F"]');
    await scrollToCards(container, '[data-section="F"] article');
    expect(F?.dataset.readonly).toBe("true");
    expect(F?.querySelector(".ehcp-readonly-note")?.textContent).toBe(
      "Read only: health may not change section F.",
    );
    expect(F?.querySelector("select, input")?.hasAttribute("disabled")).toBe(true);
    const before = planOf(editor);
    await userEvent.click(field(container, "F", "provisionDeliveredBy"));
    await userEvent.keyboard("{End} refused");
    expect(planOf(editor)).toStrictEqual(before);
    await userEvent.click(field(container, "G", "provisionDeliveredBy"));
    await userEvent.keyboard("{End} and nurse");
    expect(planOf(editor).sections.G.provisions[0]?.deliveredBy).toMatch(/ and nurse$/);
  });

  it("has no serious or critical accessibility problems, for a writer and a reader", async () => {
    for (const role of ["caseworker", "health"] as const) {
      const { container } = await mount({ user: { name: "Someone", role, color: "#7c3aed" } });
      expect(await seriousAxeProblems(container)).toEqual([]);
      unmountAll();
    }
  });

  it("lets two writers on a real collaboration server type into one field at once, agree, and undo only their own typing", async () => {
    const tokens = inject("tokens");
    const name = `plan-browser-${Date.now()}`;
    const connectTo = (token: string) => {
      const document = new Y.Doc();
      const provider = new HocuspocusProvider({
        url: `${inject("collabUrl")}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
        name,
        document,
        token,
      });
      const synced = new Promise<void>((resolve) => provider.on("synced", () => resolve()));
      return { document, provider, synced };
    };
    const alex = connectTo(tokens.caseworker as string);
    await alex.synced;
    planToYDoc({ ...good, id: name }, alex.document);
    const sam = connectTo(tokens.school as string);
    await sam.synced;
    for (let i = 0; i < 500 && sam.document.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const one = await mount({
      document: alex.document,
      provider: alex.provider,
      user: { name: "Alex", role: "caseworker", color: "#1d4ed8" },
    });
    const two = await mount({
      document: sam.document,
      provider: sam.provider,
      user: { name: "Sam", role: "school", color: "#b45309" },
    });
    await placeCaret(one.editor, "F", "provisionDeliveredBy", "end");
    await userEvent.keyboard(" and assistant");
    await placeCaret(two.editor, "F", "provisionDeliveredBy", "start");
    await userEvent.keyboard("Lead ");
    const text = (editor: Editor) => planOf(editor).sections.F.provisions[0]?.deliveredBy;
    for (let i = 0; i < 500 && text(one.editor) !== text(two.editor); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const original = good.sections.F.provisions[0]?.deliveredBy;
    expect(text(one.editor)).toBe(`Lead ${original} and assistant`);
    expect(text(two.editor)).toBe(text(one.editor));
    // Each writer's cards keep their labels through the other's typing.
    const labels = (container: HTMLElement) =>
      [...container.querySelectorAll<HTMLElement>("article.ehcp-item")].map(
        (card) => card.dataset.label,
      );
    expect(labels(one.container)).toEqual(expect.arrayContaining(["B1", "E1", "F1"]));
    expect(labels(two.container)).toEqual(labels(one.container));
    // Undo takes back only this writer's own typing, not the other's.
    await placeCaret(one.editor, "F", "provisionDeliveredBy", "end");
    await userEvent.keyboard("{Control>}z{/Control}");
    for (let i = 0; i < 500 && text(two.editor) !== `Lead ${original}`; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(text(one.editor)).toBe(`Lead ${original}`);
    expect(text(two.editor)).toBe(`Lead ${original}`);
    for (const p of [alex.provider, sam.provider]) p.destroy();
  });

  it("locks and unlocks the plan on the same editor, its document untouched, and takes typing at once", async () => {
    const document = new Y.Doc();
    planToYDoc(good, document);
    const editors = new Set<Editor>();
    const container = window.document.createElement("div");
    window.document.body.append(container);
    const root = createRoot(container);
    const render = (readOnly: boolean) =>
      act(async () =>
        root.render(
          <PlanEditor
            document={document}
            readOnly={readOnly}
            user={{ name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" }}
            onEditor={(e) => {
              if (e) editors.add(e);
            }}
          />,
        ),
      );
    try {
      await render(true);
      await expect.poll(() => editors.size).toBe(1);
      const [editor] = [...editors] as [Editor];
      await expect
        .poll(() => container.querySelectorAll("article.ehcp-item").length)
        .toBeGreaterThan(0);
      await scrollToCards(container, '[data-section="F"] article');
      // Disabled itself or by its fieldset, as a person using it finds it.
      const locked = () =>
        container
          .querySelector('[data-section="F"] .ehcp-card-controls select')
          ?.matches(":disabled");
      expect(locked()).toBe(true);
      // The buttons outside the text are locked with it: nothing the server would refuse.
      const addProvision = () =>
        container.querySelector<HTMLButtonElement>('[data-section="F"] .ehcp-add button');
      const budgetAsked = () =>
        container.querySelector<HTMLInputElement>('[data-section="J"] .ehcp-requested input');
      expect([addProvision()?.disabled, budgetAsked()?.disabled]).toEqual([true, true]);
      const updates: Uint8Array[] = [];
      document.on("update", (update: Uint8Array) => updates.push(update));

      await render(false);
      // A new editor bound to the open document once wrote an empty plan's details into it.
      expect([...editors]).toEqual([editor]);
      expect(editor.isEditable).toBe(true);
      await expect.poll(locked).toBe(false);
      expect([addProvision()?.disabled, budgetAsked()?.disabled]).toEqual([false, false]);
      expect(updates).toEqual([]);
      await userEvent.click(field(container, "F", "provisionDeliveredBy"));
      await userEvent.keyboard("{End} (Aisha Rahman)");
      const stored = docToPlan(
        yXmlFragmentToProseMirrorRootNode(document.getXmlFragment(PLAN_FRAGMENT_NAME), planSchema),
      );
      expect(stored.sections.F.provisions[0]?.deliveredBy).toBe(
        `${good.sections.F.provisions[0]?.deliveredBy} (Aisha Rahman)`,
      );
      expect(stored.meta).toEqual(good.meta);

      await render(true);
      expect([...editors]).toEqual([editor]);
      await expect.poll(locked).toBe(true);
      expect([addProvision()?.disabled, budgetAsked()?.disabled]).toEqual([true, true]);
    } finally {
      act(() => root.unmount());
      container.remove();
      // The next test's editor starts at the top, as a freshly opened page does.
      window.scrollTo(0, 0);
    }
  });

  it('offers the plan commands on "/" in an empty line, by keyboard', async () => {
    const { container, editor } = await mount();
    await userEvent.click(field(container, "B", "needTitle"));
    await userEvent.keyboard("{Alt>}{Shift>}N{/Shift}{/Alt}");
    const need = editor.state.selection.$from.node(2).attrs.id as string;
    await userEvent.keyboard("/");
    // The menu is drawn by React after the key: wait for it rather than read it at once.
    await expect
      .poll(() => document.querySelector('[role="menu"]')?.getAttribute("aria-label"))
      .toBe("Plan commands");
    await expect.poll(() => document.activeElement?.textContent).toMatch(/^Add a need to B/);
    await userEvent.keyboard("{Escape}");
    await expect.poll(() => document.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
    await userEvent.keyboard("/");
    await expect.poll(() => document.activeElement?.textContent).toMatch(/^Add a need to B/);
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(document.activeElement?.textContent).toMatch(/^Add an outcome for this need/);
    await userEvent.keyboard("{Enter}Reads a page aloud");
    const outcome = planOf(editor).sections.E.outcomes.find((o) => o.needIds.includes(need));
    expect(JSON.stringify(outcome?.statement)).toContain("Reads a page aloud");
    // The slash typed into the title opened the menu instead of being written.
    expect(planOf(editor).sections.B.needs.find((n) => n.id === need)?.title).toBe("");
  });

  it("keeps labels current when an item moves", async () => {
    const { container, editor } = await mount();
    await userEvent.click(field(container, "F", "provisionExpertise"));
    await userEvent.keyboard("{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}");
    const first = good.sections.F.provisions[0]?.id;
    const card = () =>
      container.querySelector(`[data-id="${first}"] .ehcp-item-label`)?.textContent;
    expect(card()).toBe("F2");
    expect(planOf(editor).sections.F.provisions[1]?.id).toBe(first);
  });
});
