import { blankPlan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { mountEditor, planOf, seriousAxeProblems, unmountAll } from "../test/mountEditor.js";

afterEach(unmountAll);

const blank = () =>
  blankPlan({
    child: {
      fullName: "Ada Ng",
      preferredName: "Ada",
      dateOfBirth: "2016-04-02",
      pronouns: "she/her",
      yearGroup: "Year 5",
    },
    requestReceived: "2026-09-01",
  });

const section = (container: HTMLElement, key: string) =>
  container.querySelector<HTMLElement>(`section.ehcp-section[data-section="${key}"]`)!;
const addButton = (container: HTMLElement, key: string) =>
  section(container, key).querySelector<HTMLButtonElement>(":scope > .ehcp-add button")!;
/** The form control labelled `text` (its label starts with it) inside `root`. */
function control<T extends HTMLElement>(root: HTMLElement, text: string): T {
  const label = [...root.querySelectorAll("label")].find((l) =>
    l.textContent?.trim().startsWith(text),
  );
  const found = label?.querySelector("input, select");
  if (!found) throw new Error(`no control labelled "${text}"`);
  return found as T;
}
const lastCard = (container: HTMLElement, key: string) =>
  [...section(container, key).querySelectorAll<HTMLElement>("article.ehcp-item")].at(-1)!;
const frames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function clickAdd(container: HTMLElement, key: string) {
  await userEvent.click(addButton(container, key));
  await frames();
}

describe("writing every part of a plan", () => {
  it("shows an Add button with its shortcut on every section that takes items", async () => {
    const { container } = await mountEditor({ plan: blank() });
    const texts = Object.fromEntries(
      ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "J", "K"].map((key) => [
        key,
        addButton(container, key)?.textContent,
      ]),
    );
    expect(texts).toEqual({
      A: "Add a view (Alt+Shift+V)",
      B: "Add a need (Alt+Shift+N)",
      C: "Add a health need (Alt+Shift+N)",
      D: "Add a social care need (Alt+Shift+N)",
      E: "Add an outcome (Alt+Shift+O)",
      F: "Add a provision (Alt+Shift+P)",
      G: "Add health provision (Alt+Shift+P)",
      H1: "Add social care provision (Alt+Shift+P)",
      H2: "Add social care provision (Alt+Shift+P)",
      J: "Add an item to the personal budget (Alt+Shift+B)",
      K: "Add advice (Alt+Shift+K)",
    });
    expect(section(container, "I").textContent).toContain("No school or setting is named yet");
  });

  it("takes a plan from nothing to views, a need, an outcome with steps, a provision answering all five questions, a personal budget and advice", async () => {
    const { container, editor } = await mountEditor({ plan: blank() });

    await clickAdd(container, "A");
    await userEvent.keyboard("I like building Lego cities");
    const view = lastCard(container, "A");
    await userEvent.selectOptions(control(view, "Who speaks"), "The child");
    await userEvent.selectOptions(control(view, "Topic"), "What is important to me now");
    await userEvent.click(control(view, "In their own words"));
    await userEvent.fill(control(view, "How this view was gathered"), "Talking mat with Ms Patel");

    await clickAdd(container, "B");
    await userEvent.keyboard("Reading at word level");
    const needId = planOf(editor).sections.B.needs[0]!.id;
    await userEvent.selectOptions(
      control(lastCard(container, "B"), "Area of need"),
      "Cognition and learning",
    );

    await clickAdd(container, "E");
    await userEvent.keyboard("By July 2027 Ada reads a Year 4 book aloud");
    const outcome = lastCard(container, "E");
    await userEvent.selectOptions(control(outcome, "Link a need"), "B1 Reading at word level");
    await userEvent.click(
      lastCard(container, "E").querySelector<HTMLButtonElement>(".ehcp-add button")!,
    );
    await userEvent.keyboard("Reads 50 common words on sight");
    await userEvent.fill(
      lastCard(container, "E").querySelector<HTMLInputElement>(".ehcp-step-date input")!,
      "2027-02",
    );

    await clickAdd(container, "F");
    await userEvent.keyboard("Daily precision teaching of common words");
    const provision = lastCard(container, "F");
    const fields = provision.querySelectorAll<HTMLElement>(".ehcp-field-content");
    await userEvent.click(fields[1]!);
    await userEvent.keyboard("A teaching assistant");
    await userEvent.click(fields[2]!);
    await userEvent.keyboard("Trained in precision teaching by the educational psychologist");
    await userEvent.fill(control(provision, "Ratio"), "1:1");
    const often = provision.querySelectorAll<HTMLInputElement>(".ehcp-frequency input");
    await userEvent.fill(often[0]!, "5");
    await userEvent.fill(often[1]!, "10");
    await userEvent.selectOptions(control(provision, "per"), "week");
    await userEvent.fill(control(provision, "Hours a week"), "1");
    await userEvent.selectOptions(
      provision.querySelector<HTMLSelectElement>(".ehcp-duration select")!,
      "Until the next review",
    );
    const serves = control<HTMLSelectElement>(provision, "Link an outcome");
    await userEvent.selectOptions(
      serves,
      [...serves.options].find((o) => o.textContent?.startsWith("E1 "))!.value,
    );

    await userEvent.click(
      section(container, "J").querySelector<HTMLInputElement>(".ehcp-requested input")!,
    );
    await clickAdd(container, "J");
    await userEvent.keyboard("Reading at home with a tutor");
    const item = lastCard(container, "J");
    await userEvent.fill(control(item, "Amount in pounds"), "1200");
    await userEvent.selectOptions(control(item, "Arrangement"), "Organised arrangement");

    await clickAdd(container, "K");
    // The new piece of advice has no text: its first box takes the focus.
    await expect
      .poll(() => document.activeElement?.closest("[data-section]")?.getAttribute("data-section"))
      .toBe("K");
    const advice = lastCard(container, "K");
    await userEvent.keyboard("Educational psychology advice");
    await userEvent.fill(control(advice, "From (name)"), "Dr Sam Okafor");
    await userEvent.fill(control(advice, "Their role"), "Educational psychologist");
    await userEvent.selectOptions(control(advice, "Agency"), "Education");
    await userEvent.fill(control(advice, "Requested on"), "2026-09-10");
    await userEvent.fill(control(advice, "Received on"), "2026-10-20");

    const plan = planOf(editor);
    expect(plan.sections.A.views).toEqual([
      expect.objectContaining({
        voice: "child",
        topic: "important-now",
        directQuote: true,
        gatheredHow: "Talking mat with Ms Patel",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "I like building Lego cities" }] },
        ],
      }),
    ]);
    expect(plan.sections.B.needs[0]).toMatchObject({
      area: "cognition-learning",
      title: "Reading at word level",
    });
    const e1 = plan.sections.E.outcomes[0]!;
    expect(e1.needIds).toEqual([needId]);
    expect(e1.steps).toEqual([
      expect.objectContaining({ text: "Reads 50 common words on sight", byWhen: "2027-02" }),
    ]);
    expect(plan.sections.F.provisions[0]).toMatchObject({
      deliveredBy: "A teaching assistant",
      expertise: "Trained in precision teaching by the educational psychologist",
      ratio: "1:1",
      frequency: { sessions: 5, minutes: 10, per: "week" },
      hoursPerWeek: 1,
      duration: "until next review",
      outcomeIds: [e1.id],
    });
    expect(plan.sections.J).toMatchObject({
      requested: true,
      items: [
        {
          provisionId: plan.sections.F.provisions[0]!.id,
          amountGBP: 1200,
          arrangement: "organised-arrangement",
        },
      ],
    });
    expect(plan.sections.K.advice).toEqual([
      expect.objectContaining({
        title: "Educational psychology advice",
        from: { name: "Dr Sam Okafor", role: "Educational psychologist" },
        agency: "education",
        requested: "2026-09-10",
        received: "2026-10-20",
        appended: true,
      }),
    ]);
    expect(await seriousAxeProblems(container)).toEqual([]);
  });

  it("reaches the Add buttons by Tab and adds with Enter, the focus going to what was added", async () => {
    const { container, editor } = await mountEditor({ plan: blank() });
    editor.view.focus();
    // A blank plan's only text is the notes on the personal budget, where the caret starts: Tab
    // goes on to J's button, and Shift+Tab back through the sections' buttons before it.
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toBe(addButton(container, "J"));
    let presses = 0;
    while (document.activeElement !== addButton(container, "B") && presses < 12) {
      await userEvent.keyboard("{Shift>}{Tab}{/Shift}");
      presses++;
    }
    // Back over the notes, J's checkbox and the buttons of H2, H1, G, F, E, D and C.
    expect(presses).toBe(10);
    await userEvent.keyboard("{Enter}");
    await frames();
    await userEvent.keyboard("Toileting");
    expect(planOf(editor).sections.B.needs.map((n) => n.title)).toEqual(["Toileting"]);
  });

  it("selects a field's words with Ctrl+A, so typing over them replaces that field only; pressed again, the whole plan", async () => {
    const { container, editor } = await mountEditor({ plan: blank() });
    await clickAdd(container, "F");
    await userEvent.keyboard("Access to support as required");
    await userEvent.click(
      lastCard(container, "F").querySelectorAll<HTMLElement>("[data-field]")[1]!,
    );
    await userEvent.keyboard("A teaching assistant");
    // Back in the first field, its words selected and typed over.
    await userEvent.click(lastCard(container, "F").querySelector<HTMLElement>("[data-field]")!);
    await userEvent.keyboard("{Control>}a{/Control}");
    expect(window.getSelection()?.toString()).toBe("Access to support as required");
    await userEvent.keyboard("Daily precision teaching of common words");
    const plan = planOf(editor);
    expect(JSON.stringify(plan.sections.F.provisions[0]?.what)).toContain(
      "Daily precision teaching of common words",
    );
    expect(JSON.stringify(plan.sections.F.provisions[0]?.what)).not.toContain("Access to");
    expect(plan.sections.F.provisions[0]?.deliveredBy).toBe("A teaching assistant");
    expect(plan.sections.J).toEqual(blank().sections.J);
    // Pressed twice, the whole plan, for copying.
    await userEvent.keyboard("{Control>}a{/Control}{Control>}a{/Control}");
    expect(editor.state.selection.from).toBe(0);
    expect(editor.state.selection.to).toBe(editor.state.doc.content.size);
  });

  it("adds views, steps, budget items and advice by their shortcuts", async () => {
    const { container, editor } = await mountEditor({ plan: blank() });
    await clickAdd(container, "E");
    await userEvent.keyboard("Ada swims a length");
    await userEvent.keyboard("{Alt>}{Shift>}S{/Shift}{/Alt}Floats on her back");
    await userEvent.keyboard("{Alt>}{Shift>}P{/Shift}{/Alt}Swimming lessons");
    await userEvent.keyboard("{Alt>}{Shift>}B{/Shift}{/Alt}Lessons at the leisure centre");
    await userEvent.keyboard("{Alt>}{Shift>}V{/Shift}{/Alt}I love the water");
    await userEvent.keyboard("{Alt>}{Shift>}K{/Shift}{/Alt}");
    await frames();
    const plan = planOf(editor);
    expect(plan.sections.E.outcomes[0]?.steps.map((s) => s.text)).toEqual(["Floats on her back"]);
    expect(plan.sections.J.items[0]?.provisionId).toBe(plan.sections.F.provisions[0]?.id);
    expect(JSON.stringify(plan.sections.J.items[0]?.outcomesMet)).toContain("leisure centre");
    expect(JSON.stringify(plan.sections.A.views[0]?.content)).toContain("I love the water");
    expect(plan.sections.K.advice).toHaveLength(1);
  });

  it("shows the school in section I once it is named, and keeps the Add buttons off for a reader", async () => {
    const { container, editor } = await mountEditor({ plan: blank() });
    nameSchool(editor);
    await expect
      .poll(() => section(container, "I").textContent)
      .toContain("Oakfield Primary School (Mainstream school or college)");
    unmountAll();
    const reader = await mountEditor({
      plan: blank(),
      user: { name: "Dr Health", role: "health", color: "#047857" },
    });
    expect(addButton(reader.container, "F").disabled).toBe(true);
    expect(addButton(reader.container, "G").disabled).toBe(false);
  });
});

function nameSchool(editor: Editor) {
  let pos = -1;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === "sectionI") pos = offset;
  });
  editor.view.dispatch(
    editor.state.tr.setNodeAttribute(pos, "placement", {
      institutionName: "Oakfield Primary School",
      institutionType: "mainstream",
    }),
  );
}
