import { parsePlan, PLAN_FRAGMENT_NAME, planToYDoc, yDocToPlan } from "@ehcp/schema";
import axe from "axe-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { userEvent } from "vitest/browser";
import type * as Y from "yjs";
import { connectPlan, type EditRefusal, type PlanConnection } from "./connectPlan.js";
import { closeAll, mountWorkspace, until } from "../test/sharedPlan.js";
import "./styles.css";

const good = parsePlan(examplePlan("plan-good.json"));
afterEach(closeAll);

/** A caseworker's workspace on the good plan, alone. */
const mountGood = () =>
  mountWorkspace({
    plan: good,
    user: { name: "Alex Caseworker", role: "caseworker", color: "#1d4ed8" },
    quality: { today: "2026-11-22" },
  });

describe("PlanWorkspace", () => {
  it("finds vague wording once typing pauses, and takes the writer to it underlined", async () => {
    const { container, editor } = await mountGood();
    const what = container.querySelector<HTMLElement>(
      '[data-section="F"] [data-field="provisionWhat"] .ehcp-field-content p',
    );
    await userEvent.click(what as HTMLElement);
    // To the end of the paragraph ({End} stops at the end of a wrapped line).
    const paragraphEnd = editor.state.selection.$from.end();
    editor.commands.setTextSelection(paragraphEnd);
    await userEvent.keyboard(" Support as required.");
    const finding = () =>
      [...container.querySelectorAll<HTMLButtonElement>(".ehcp-quality button")].find((b) =>
        /as required/.test(b.textContent ?? ""),
      );
    await until(() => finding() !== undefined, "the vague-wording finding");
    expect(finding()?.closest("section")?.querySelector("h3")?.textContent).toBe(
      "Section F: Special educational provision",
    );
    // Move away, then follow the finding back.
    editor.commands.setTextSelection(2);
    await userEvent.click(finding() as HTMLButtonElement);
    const { from, to, $from } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe("as required");
    expect($from.node(2).attrs.id).toBe(good.sections.F.provisions[0]?.id);
    expect(container.querySelector(".ehcp-finding-highlight")?.textContent).toBe("as required");
    expect(document.activeElement?.classList.contains("ehcp-editor")).toBe(true);
  });

  it("underlines vague words in the text as typing pauses, and drops the underline once they are put right", async () => {
    const { container, editor } = await mountGood();
    const what = container.querySelector<HTMLElement>(
      '[data-section="F"] [data-field="provisionWhat"] .ehcp-field-content p',
    );
    const underlined = () =>
      [...container.querySelectorAll<HTMLElement>(".ehcp-finding-underline")].filter((u) =>
        /staffing/.test(u.textContent ?? ""),
      );
    // The well-written plan has nothing to underline in its words.
    expect(
      container.querySelectorAll(".ehcp-finding-underline[data-severity='error']"),
    ).toHaveLength(0);
    await userEvent.click(what as HTMLElement);
    editor.commands.setTextSelection(editor.state.selection.$from.end());
    await userEvent.keyboard(" Extra sessions when staffing allows.");
    await until(() => underlined().length === 1, "the underline under the vague words");
    const [underline] = underlined() as [HTMLElement];
    expect(underline.closest('[data-field="provisionWhat"]')).not.toBeNull();
    expect(underline.title).toMatch(/^F1 says '[^']*staffing allows'/);
    expect(["error", "warning"]).toContain(underline.dataset.severity);
    // The wavy line is drawn: the text is not merely wrapped in a span.
    expect(getComputedStyle(underline).textDecorationLine).toContain("underline");
    // Its words put right, the underline goes at the next pause.
    const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, "\n");
    expect(text).toContain("when staffing allows");
    await userEvent.keyboard("{Backspace}".repeat(" when staffing allows.".length));
    await userEvent.keyboard(" every Monday.");
    await until(() => underlined().length === 0, "the underline to go");
    expect(container.querySelector(".ehcp-finding-underline")?.textContent ?? "").not.toMatch(
      /Monday/,
    );
  });

  it("shows each need with its outcomes and provisions, and the section counts", async () => {
    const { container } = await mountGood();
    await until(() => container.querySelector(".ehcp-trace tbody tr") !== null, "the matrix");
    const needs =
      good.sections.B.needs.length + good.sections.C.needs.length + good.sections.D.needs.length;
    expect(container.querySelectorAll(".ehcp-trace tbody tr")).toHaveLength(needs);
    const nav = [...container.querySelectorAll(".ehcp-section-nav li")].map((li) => li.textContent);
    expect(nav[5]).toMatch(
      new RegExp(`^F Special educational provision \\(${good.sections.F.provisions.length} items`),
    );
    // The dates the law sets, counted from the plan's request date, with late ones said in words.
    const requested = good.meta.dates.requestReceived;
    const final = new Date(Date.parse(`${requested}T00:00:00Z`) + 140 * 86_400_000);
    const dates = [...container.querySelectorAll(".ehcp-dates li")].map((li) => li.textContent);
    expect(dates).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Final plan issued: ${final.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })} \\(`,
        ),
      ),
    );
    const result = await axe.run(container);
    const serious = result.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

describe("connectPlan", () => {
  it("drops a document the server refused an edit in, and syncs a fresh one", async () => {
    const tokens = inject("tokens");
    const name = `plan-refusal-${Date.now()}`;
    const url = inject("collabUrl");
    const writer = connectPlan({ url, planId: name, token: tokens.caseworker as string });
    await writer.synced;
    planToYDoc({ ...good, id: name }, writer.document);
    let refused: { refusal: EditRefusal; next: PlanConnection } | null = null;
    const health = connectPlan({
      url,
      planId: name,
      token: tokens.health as string,
      onRefused: (refusal, next) => {
        refused = { refusal, next };
      },
    });
    await health.synced;
    await until(() => health.document.getXmlFragment(PLAN_FRAGMENT_NAME).length > 0, "the plan");
    // A client that ignores the editor's guard writes into section F.
    const sectionF = health.document.getXmlFragment(PLAN_FRAGMENT_NAME).get(6) as Y.XmlElement;
    sectionF.delete(0, 1);
    await until(() => refused !== null, "the refusal");
    const { refusal, next } = refused as unknown as { refusal: EditRefusal; next: PlanConnection };
    expect(refusal).toEqual({ parts: ["F"], reason: "health may not change section F", kept: [] });
    await next.synced;
    await until(
      () => next.document.getXmlFragment(PLAN_FRAGMENT_NAME).length > 0,
      "the fresh plan",
    );
    expect(yDocToPlan(next.document).sections.F.provisions).toHaveLength(
      good.sections.F.provisions.length,
    );
    for (const c of [writer, next]) c.destroy();
  });
});
