import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  newContext,
  axeProblems,
  examplePlan,
  follow,
  openPlan,
  person,
  screenshots,
  usePlayground,
  view,
} from "./harness.js";

const robin = examplePlan("robin-castell");
const maya = examplePlan("maya-okoro");
// Robin's plan, and two more children at other stages: a draft issued long ago and a final.
const ash = {
  ...robin,
  id: "plan-journeys-ash",
  meta: { ...robin.meta, child: { ...robin.meta.child, fullName: "Ash Lindqvist" } },
};
const zed = {
  ...maya,
  id: "plan-journeys-zed",
  meta: {
    ...maya.meta,
    child: { ...maya.meta.child, fullName: "Zed Adeyemi" },
    dates: { ...maya.meta.dates, draftIssued: "2026-09-01" },
  },
};
const playground = usePlayground([robin, maya, ash, zed]);

// Each journey is long and the machine may be busy: a step that hangs still fails at 30 s.
const LONG = 180_000;

const rowNames = (page: Page) => page.locator(".pg-caseload-row td:first-child").allTextContents();

describe("the playground's journeys", () => {
  it(
    "lists the caseload by child, status, next statutory date and findings, sorted and filtered",
    async () => {
      const page = await person(playground, "Alex Morgan", "caseworker");
      await page.locator(".pg-caseload-row").nth(3).waitFor();
      // Names, never ids.
      expect(await page.locator(".pg-caseload").textContent()).not.toMatch(/plan-/);
      const zedRow = page.locator(".pg-caseload-row", { hasText: "Zed Adeyemi" });
      expect(await zedRow.locator("td").nth(1).textContent()).toBe("Draft issued issue 1");
      // Zed's draft went out on 1 September 2026: the final plan was due 20 weeks after the
      // request of 2 June, on 20 October.
      const late = Math.round(
        (Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse("2026-10-20")) / 86_400_000,
      );
      expect(await zedRow.locator("td").nth(2).textContent()).toBe(
        `Final plan issued: 20 October 2026${late} days late`,
      );
      expect(await zedRow.locator("td").nth(3).textContent()).toMatch(
        /^(No findings|\d+ (must fix|to check|to consider)(, \d+ (must fix|to check|to consider))*)$/,
      );

      await follow(page.getByRole("button", { name: "Child or young person" }));
      expect(await rowNames(page)).toEqual([
        "Ash Lindqvist",
        "Maya Okoro",
        "Robin Castell",
        "Zed Adeyemi",
      ]);
      expect(
        await page
          .getByRole("columnheader", { name: /Child or young person/ })
          .getAttribute("aria-sort"),
      ).toBe("ascending");
      await follow(page.getByRole("button", { name: /Child or young person/ }));
      expect(await rowNames(page)).toEqual([
        "Zed Adeyemi",
        "Robin Castell",
        "Maya Okoro",
        "Ash Lindqvist",
      ]);
      // Most must-fix findings first.
      await follow(page.getByRole("button", { name: "Findings" }));
      await follow(page.getByRole("button", { name: /Findings/ }));
      // "2 must fix, 1 to check"; a plan with none to fix leaves them out.
      const musts = (await page.locator(".pg-caseload-row td:nth-child(4)").allTextContents()).map(
        (text) => Number(/(\d+) must fix/.exec(text)?.[1] ?? 0),
      );
      expect(musts).toEqual([...musts].sort((a, b) => b - a));
      expect(musts[0]).toBeGreaterThan(musts.at(-1) ?? 0);

      await page.screenshot({ path: join(screenshots, "caseload.png"), fullPage: true });
      await page.getByLabel("Status").selectOption("Draft issued");
      expect(await rowNames(page)).toEqual(["Zed Adeyemi"]);
      await page.getByLabel("Status").selectOption("all");
      await page.getByLabel("Child's name").fill("rob");
      expect(await rowNames(page)).toEqual(["Robin Castell"]);
      await page.getByLabel("Child's name").fill("nobody");
      await page.getByText("No plan matches: change the filters above.").waitFor();
      expect(await page.locator(".pg-caseload caption").textContent()).toBe("0 of 4 plans");
      await page.context().close();
    },
    LONG,
  );

  it(
    "reaches Export from the top of a plan in a handful of Tab presses",
    async () => {
      const page = await person(playground, "Alex Morgan", "caseworker");
      await openPlan(page, robin.meta.child.fullName);
      // From the top: the plan's address opened afresh.
      await page.reload();
      await page.locator('[data-section="F"] .ehcp-item').first().waitFor();
      let presses = 0;
      while (presses < 30) {
        await page.keyboard.press("Tab");
        presses++;
        if ((await page.evaluate(() => document.activeElement?.textContent)) === "Export") break;
      }
      expect(presses).toBeLessThanOrEqual(10);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Export" }).waitFor();
      await page.getByRole("button", { name: "PDF" }).waitFor();
      await page.context().close();
    },
    LONG,
  );

  it(
    "warns before a final plan is issued inside the family's 15 days, asks why, and records it",
    async () => {
      const page = await person(playground, "Alex Morgan", "caseworker");
      await openPlan(page, robin.meta.child.fullName);
      await page.getByRole("button", { name: "Issue the draft" }).click();
      await page.getByRole("button", { name: "Yes, issue the draft" }).click();
      await page
        .locator("#lifecycle-state")
        .getByText(/: 15 days left\.$/)
        .waitFor();
      await page.getByLabel("School or setting for section I").fill("Hillside Primary");
      await page
        .getByLabel("Type of school or setting")
        .selectOption({ label: "Mainstream school or college" });
      await page.getByRole("button", { name: "Name it" }).click();
      // The school named for the final plan shows in the plan's details at once.
      await page
        .getByRole("definition")
        .filter({ hasText: /^Hillside Primary$/ })
        .waitFor();
      await page.getByLabel("Officer signing off").fill("Pat Lee");
      await page.getByLabel("The officer’s role").fill("Head of SEN");
      expect(await page.locator("#early-warning").textContent()).toMatch(
        /The family may make representations on the draft until .* \(15 days left\)/,
      );
      // Without a reason, the server refuses, and the plan stays a draft.
      await page.getByRole("button", { name: "Issue the final plan" }).click();
      await page
        .getByRole("alert")
        .getByText(/^The family's 15 days for representations on the draft run until /)
        .waitFor();
      expect(await page.locator("#lifecycle-state").textContent()).toMatch(/^Draft \(issue 1\)/);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, "early-final.png") });

      await page
        .getByLabel("Why the final plan is issued now")
        .fill("The family asked for the final plan before the new term.");
      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel("Date of the family's written agreement, if they gave it").fill(today);
      await page.getByRole("button", { name: "Issue the final plan" }).click();
      await page.getByText(/^Final plan \(issue 1\), issued /).waitFor();
      // Issued today, signed off, with the school named in its details.
      const spokenToday = new Date().toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      expect(await page.locator("#lifecycle-state").textContent()).toContain(
        `issued ${spokenToday}`,
      );
      expect(
        await page
          .getByRole("definition")
          .filter({ hasText: /^Hillside Primary$/ })
          .count(),
      ).toBe(1);
      // The reason is kept with the plan, where everyone reads the council's decisions.
      await page
        .locator(".ehcp-council-decisions li")
        .getByText(
          /^Final plan issued before the family's 15 days .*The family asked for the final plan before the new term\.” \(the family agreed in writing on /,
        )
        .waitFor();
      await page.context().close();
    },
    LONG,
  );

  it(
    "lists what blocks a final plan as an error summary whose links go to each item",
    async () => {
      const page = await person(playground, "Alex Morgan", "caseworker");
      await openPlan(page, maya.meta.child.fullName);
      await page.getByRole("button", { name: "Issue the draft" }).click();
      await page.getByRole("button", { name: "Yes, issue the draft" }).click();
      await page.getByLabel("School or setting for section I").fill("Brook Lane School");
      await page.getByLabel("Type of school or setting").selectOption({ label: "Special school" });
      await page.getByRole("button", { name: "Name it" }).click();
      await page
        .getByRole("definition")
        .filter({ hasText: /^Brook Lane School$/ })
        .waitFor();
      await page.getByLabel("Officer signing off").fill("Pat Lee");
      await page.getByLabel("The officer’s role").fill("Head of SEN");
      await page.getByLabel("Why the final plan is issued now").fill("Agreed at the meeting.");
      await page.getByRole("button", { name: "Issue the final plan" }).click();
      const summary = page.locator("#final-blockers");
      await summary.getByText(/^The checker reports \d+ errors?: put them right first$/).waitFor();
      const links = summary.getByRole("link", { name: /^Section / });
      expect(await links.count()).toBeGreaterThan(0);
      const first = (await links.first().textContent()) ?? "";
      const section = /^Section (\w+)/.exec(first)?.[1];
      await follow(links.first());
      // The writer is taken to the item, in the editor.
      await page.waitForFunction((key) => {
        const selection = document.getSelection();
        const node = selection?.anchorNode;
        const element = node instanceof Element ? node : node?.parentElement;
        return element?.closest(`[data-section="${key}"]`) !== null && element !== undefined;
      }, section);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, "final-refused.png") });
      await page.context().close();
    },
    LONG,
  );

  for (const width of [1400, 768]) {
    it(
      `has nothing axe objects to on any screen at ${width} px`,
      async () => {
        const context = await newContext(playground.browser, { viewport: { width, height: 900 } });
        const signIn = await context.newPage();
        await signIn.goto(playground.url);
        await signIn.getByRole("button", { name: "Sign in" }).waitFor();
        expect(await axeProblems(signIn)).toEqual([]);
        await context.close();

        const page = await person(playground, "Sam Reid", "caseworker", width);
        expect(await axeProblems(page)).toEqual([]);
        await openPlan(page, robin.meta.child.fullName);
        expect(await axeProblems(page)).toEqual([]);
        if (width === 1400) {
          await page.screenshot({ path: join(screenshots, "plan-desktop.png") });
          await page.evaluate(() => document.getElementById("sections-heading")?.scrollIntoView());
          await page.screenshot({ path: join(screenshots, "plan-sections.png") });
        } else await page.screenshot({ path: join(screenshots, "plan-768.png") });
        for (const [name, heading] of [
          ["Traceability matrix", "Traceability matrix"],
          ["Comments and suggestions", "Comments and suggestions"],
          ["Versions", "Versions"],
          ["Export", "Export"],
        ] as const) {
          await view(page, name);
          await page.getByRole("heading", { name: heading, exact: true }).waitFor();
          expect(await axeProblems(page), name).toEqual([]);
          console.log(new Date().toISOString(), width, name);
          if (width === 1400 && name === "Traceability matrix") {
            await page.screenshot({ path: join(screenshots, "matrix.png") });
          }
        }
        await view(page, "Versions");
        await page.getByLabel("Name of the version").fill(`Before the meeting (${width} px)`);
        await follow(page.getByRole("button", { name: "Take a snapshot" }));
        await follow(page.getByRole("link", { name: `Before the meeting (${width} px)` }));
        await page.getByRole("heading", { name: /read only/ }).waitFor();
        expect(await axeProblems(page)).toEqual([]);
        await page.context().close();
      },
      // axe reads every node of a long plan on each of seven screens.
      2 * LONG,
    );
  }
});
