import { parsePlan, PLAN_FRAGMENT_NAME, planToYDoc } from "@ehcp/schema";
import { afterEach, describe, expect, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import * as Y from "yjs";
import { closeAll, mountWorkspace, until } from "../test/sharedPlan.js";
import "./styles.css";

const good = parsePlan(examplePlan("plan-good.json"));
afterEach(closeAll);

/**
 * Every text the quality panel's problem line shows from now on, however briefly: a React render
 * can show it and take it away between two polls of a test.
 */
function recordProblems(): { readonly seen: string[]; stop(): void } {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const problem of document.querySelectorAll(".ehcp-quality .ehcp-problem")) {
      const text = problem.textContent ?? "";
      if (seen.at(-1) !== text) seen.push(text);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

const status = (container: HTMLElement) =>
  container.querySelector(".ehcp-quality [role=status]")?.textContent ?? "";

describe("QualityPanel on a shared plan", () => {
  it("says nothing is wrong while the plan is still on its way from the server, then shows its findings", async () => {
    const problems = recordProblems();
    // Mounted before the plan has arrived, as a page does when it opens a plan: the shared
    // document is empty until the server's answer to the sync comes in.
    const doc = new Y.Doc();
    const { container } = await mountWorkspace({
      document: doc,
      user: { name: "A caseworker", role: "caseworker", color: "#1d4ed8" },
      quality: { today: "2026-11-22" },
    });
    // Longer than the panel waits after a change, on a slow network.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(status(container)).toBe("Checking…");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(planToYDoc(good)));
    await until(
      () => /^(No findings|\d+ (must fix|to check|to consider)\b)/.test(status(container)),
      "the findings",
    );
    problems.stop();
    expect(problems.seen).toEqual([]);
  });

  it("still says so when the plan that arrived cannot be read", async () => {
    // A document whose plan details lost the plan's id: a real problem, shown as one.
    const doc = planToYDoc(good);
    const details = doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(0) as Y.XmlElement;
    details.removeAttribute("planId");
    const { container } = await mountWorkspace({
      document: doc,
      user: { name: "A caseworker", role: "caseworker", color: "#1d4ed8" },
      quality: { today: "2026-11-22" },
    });
    await until(
      () => container.querySelector(".ehcp-quality .ehcp-problem") !== null,
      "the problem shown",
    );
    expect(container.querySelector(".ehcp-quality .ehcp-problem")?.textContent).toMatch(
      /^Invalid plan: id: expected a string, got null/,
    );
  });
});
