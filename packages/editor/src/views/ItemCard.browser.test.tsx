import { AREA_NAMES, parsePlan, PFA_NAMES } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";
import { afterEach, describe, expect, it } from "vitest";
import { mountEditor, unmountAll } from "../../test/mountEditor.js";
import { scrollToCards } from "../../test/scrollToCards.js";

const good = parsePlan(examplePlan("plan-good.json"));
afterEach(unmountAll);

const optionTexts = (select: HTMLSelectElement | null) =>
  [...(select?.options ?? [])].map((o) => o.textContent);

describe("item cards", () => {
  it("offer coded values by their plain names, never by their codes", async () => {
    const { container } = await mountEditor({ plan: good });
    await scrollToCards(container);
    const need = container.querySelector<HTMLElement>('[data-section="B"] article.ehcp-need')!;
    const area = need.querySelector<HTMLSelectElement>("select");
    expect(optionTexts(area)).toEqual([
      "Communication and interaction",
      "Cognition and learning",
      "Social, emotional and mental health",
      "Sensory and/or physical needs",
    ]);
    expect(area?.selectedOptions[0]?.textContent).toBe(AREA_NAMES[good.sections.B.needs[0]!.area]);
    const outcome = container.querySelector<HTMLElement>(
      '[data-section="E"] article.ehcp-outcome',
    )!;
    const pfa = [...outcome.querySelectorAll<HTMLSelectElement>("select")].find((s) =>
      s.closest("label")?.textContent?.startsWith("Preparing for adulthood"),
    );
    expect(optionTexts(pfa ?? null)).toEqual(["Not set", ...Object.values(PFA_NAMES)]);
    const allOptions = [...container.querySelectorAll("option")].map((o) => o.textContent ?? "");
    for (const code of ["semh", "communication-interaction", "independent-living"]) {
      expect(allOptions).not.toContain(code);
    }
  });
});
