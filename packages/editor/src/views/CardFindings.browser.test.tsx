import { parsePlan, type Plan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";
import type { Editor } from "@tiptap/core";
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { PlanEditor } from "../PlanEditor.js";
import { QualityPanel } from "../QualityPanel.js";
import { usePlanFindings } from "../usePlanFindings.js";
import { planOf, seriousAxeProblems } from "../../test/mountEditor.js";
import { scrollToCards } from "../../test/scrollToCards.js";

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = "";
});

/** The editor with the quality panel beside it, as a page would lay them out. */
function Page({ plan, onEditor }: { plan: Plan; onEditor: (e: Editor | null) => void }) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const findings = usePlanFindings(editor, { today: "2026-11-20" }, 50);
  return (
    <div style={{ display: "flex" }}>
      <main style={{ flex: 2 }}>
        <PlanEditor
          plan={plan}
          user={{ name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" }}
          onEditor={(e) => {
            setEditor(e);
            onEditor(e);
          }}
        />
      </main>
      <aside style={{ flex: 1, position: "sticky", top: 0, maxHeight: "100vh", overflow: "auto" }}>
        <QualityPanel editor={editor} findings={findings} />
      </aside>
    </div>
  );
}

async function mountPage(plan: Plan) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  let editor: Editor | null = null;
  await act(async () => {
    root.render(<Page plan={plan} onEditor={(e) => (editor = e)} />);
  });
  for (let i = 0; i < 250 && !editor; i++) await new Promise((r) => setTimeout(r, 20));
  if (!editor) throw new Error("the editor did not start");
  return { container, editor: editor as Editor };
}

const inView = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
};

describe("findings where the writing is", () => {
  it("counts an item's findings on its card, and each finding there takes the writer to it", async () => {
    const poor = parsePlan(examplePlan("plan-poor.json"));
    const { container, editor } = await mountPage(poor);
    const card = () => container.querySelector<HTMLElement>('article[data-label="B3"]')!;
    await expect
      .poll(() => card().querySelector(".ehcp-card-findings summary")?.textContent)
      .toMatch(/^\d+ (must fix|to check|to consider)(, \d+ (must fix|to check|to consider))*$/);
    // Counted in the words the task list and the panel use: "2 must fix, 1 to check".
    const count = (card().querySelector("summary")!.textContent!.match(/\d+/g) ?? [])
      .map(Number)
      .reduce((a, b) => a + b, 0);
    const own = container.querySelectorAll(".ehcp-quality li");
    expect(count).toBeGreaterThan(1);
    expect(own.length).toBeGreaterThanOrEqual(count);
    await userEvent.click(card().querySelector("summary")!);
    await expect.poll(() => card().querySelector(".ehcp-card-findings li button")).not.toBeNull();
    const first = card().querySelector<HTMLButtonElement>(".ehcp-card-findings li button")!;
    expect(first.textContent).toMatch(/^(Must fix|To check|To consider): .*\bB3\b/);
    await userEvent.click(first);
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
    expect(editor.state.selection.$from.node(2)?.attrs.id).toBe(poor.sections.B.needs[2]?.id);
    expect(await seriousAxeProblems(container)).toEqual([]);
  });

  it("goes by keyboard from an item's words to its findings and back to the words one is about", async () => {
    const poor = parsePlan(examplePlan("plan-poor.json"));
    const { container, editor } = await mountPage(poor);
    const card = () => container.querySelector<HTMLElement>('article[data-label="B3"]')!;
    await expect.poll(() => card().querySelector(".ehcp-card-findings summary")).not.toBeNull();
    const underline = () =>
      card().querySelector<HTMLElement>(".ehcp-finding-underline[data-severity]");
    await userEvent.click(card().querySelector('[data-field="needDescription"] p')!);
    await userEvent.keyboard("{Alt>}{Shift>}Q{/Shift}{/Alt}");
    const summary = card().querySelector<HTMLElement>(".ehcp-card-findings summary")!;
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+q");
    await expect.poll(() => card().querySelector(".ehcp-card-findings li button")).not.toBeNull();
    await userEvent.tab();
    const first = document.activeElement as HTMLElement;
    expect(first.closest(".ehcp-card-findings li")).not.toBeNull();
    await userEvent.keyboard("{Enter}");
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
    expect(editor.state.selection.$from.node(2)?.attrs.id).toBe(poor.sections.B.needs[2]?.id);
    // The words a finding is about are underlined where they stand: B3's jargon, dotted.
    expect(underline()?.textContent).toBe("dysregulation");
    expect(underline()?.dataset.severity).toBe("info");
    expect(underline()?.title).toMatch(/^B3 uses 'dysregulation'/);
  });

  it("takes the writer from a finding on a whole need, far down the page, to that need", async () => {
    const poor = parsePlan(examplePlan("plan-poor.json"));
    const { container, editor } = await mountPage(poor);
    const need = poor.sections.C.needs[0]!;
    const button = async () => {
      await expect
        .poll(() =>
          [...container.querySelectorAll<HTMLButtonElement>(".ehcp-quality button")].some((b) =>
            b.textContent?.includes(`No outcome in section E names C1`),
          ),
        )
        .toBe(true);
      return [...container.querySelectorAll<HTMLButtonElement>(".ehcp-quality button")].find((b) =>
        b.textContent?.includes(`No outcome in section E names C1`),
      )!;
    };
    window.scrollTo(0, 0);
    const card = container.querySelector<HTMLElement>(`article[data-id="${need.id}"]`)!;
    const found = await button();
    await userEvent.click(found);
    await expect.poll(() => inView(card)).toBe(true);
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
    expect(editor.state.selection.$from.node(2)?.attrs.id).toBe(need.id);
  });

  it("keeps a provision's label after its 'per' is changed", async () => {
    const poor = parsePlan(examplePlan("plan-poor.json"));
    const { container, editor } = await mountPage(poor);
    const card = () =>
      container.querySelector<HTMLElement>(
        `article[data-id="${poor.sections.F.provisions[1]!.id}"]`,
      )!;
    await scrollToCards(container, `article[data-id="${poor.sections.F.provisions[1]!.id}"]`);
    const per = [...card().querySelectorAll<HTMLSelectElement>(".ehcp-frequency select")][0]!;
    await userEvent.selectOptions(per, "fortnight");
    expect(planOf(editor).sections.F.provisions[1]?.frequency?.per).toBe("fortnight");
    expect(card().querySelector(".ehcp-item-label")?.textContent).toBe("F2");
  });
});
