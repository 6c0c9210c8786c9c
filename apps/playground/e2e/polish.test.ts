import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlanJson, spokenDate } from "@ehcp/schema";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { app, axeAtBothWidths, openPlan, person, screenshots, usePlayground } from "./harness.js";

// Noah's plan, an early-years draft clean under the checker, as the app is seeded with it: his
// request came on 17 August 2026, so his draft plan is due by 7 December 2026 and the final
// plan by 4 January 2027 (16 and 20 weeks on).
const noah = parsePlanJson(readFileSync(join(app, "examples", "noah-adeyemi.json"), "utf8"));
// A second copy to write in, so what is added there does not hold up Noah's final plan.
const ivo = {
  ...noah,
  id: "plan-example-ivo-writing",
  meta: { ...noah.meta, child: { ...noah.meta.child, fullName: "Ivo Adeyemi" } },
};
const playground = usePlayground([noah, ivo]);

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
/** The day `n` days from today, YYYY-MM-DD, worked out apart from the toolkit's own dates. */
const shift = (n: number) => new Date(Date.parse(today) + n * DAY).toISOString().slice(0, 10);
const parts = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year as string };
};

const card = (page: Page, name: string) => page.getByRole("article", { name, exact: true });
const section = (page: Page, key: string) => page.locator(`[data-section="${key}"]`);
/** Whether the element is within the window, as a reader would see it without scrolling. */
const onScreen = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.top < window.innerHeight;
  }, selector);

describe("the rough edges a new user found (issue 17)", () => {
  it("asks the date the request was received, and lets the plan details be changed from the summary list", async () => {
    const page = await person(playground, "Alex Morgan", "caseworker");
    await page.getByLabel("Child's full name").fill("Ivy Stone");
    await page.getByLabel("Date of birth").fill("2018-05-09");
    const request = page.getByRole("group", { name: /^Date the request for an assessment/ });
    // Today, until the caseworker says otherwise.
    expect(await request.getByLabel("Day").inputValue()).toBe(parts(today).day);
    expect(await request.getByLabel("Month").inputValue()).toBe(parts(today).month);
    expect(await request.getByLabel("Year").inputValue()).toBe(parts(today).year);
    // Not a day in the future: the error summary says so, takes the focus and links to the date.
    const tomorrow = parts(shift(1));
    await request.getByLabel("Day").fill(tomorrow.day);
    await request.getByLabel("Month").fill(tomorrow.month);
    await request.getByLabel("Year").fill(tomorrow.year);
    await page.getByRole("button", { name: "Create the plan" }).click();
    const summary = page.locator("#new-plan-errors");
    await summary
      .getByRole("link", { name: "The date the request was received must be today or in the past" })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-plan-errors");
    expect(await request.textContent()).toContain(
      "Error: The date the request was received must be today or in the past",
    );
    expect(await axeAtBothWidths(page)).toEqual([]);
    await summary.getByRole("link").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-request-day");

    // Received 30 days ago: the dates the law sets run from that day.
    const received = shift(-30);
    await request.getByLabel("Day").fill(parts(received).day);
    await request.getByLabel("Month").fill(parts(received).month);
    await request.getByLabel("Year").fill(parts(received).year);
    await page.getByRole("button", { name: "Create the plan" }).click();
    await page.getByRole("heading", { name: "Ivy Stone's plan" }).waitFor();
    await page.locator(".ehcp-editor").waitFor();
    const details = page.locator(".pg-summary");
    const row = (term: string) =>
      details.locator(".govuk-summary-list__row").filter({
        has: page.locator(".govuk-summary-list__key", { hasText: new RegExp(`^${term}$`) }),
      });
    expect(await row("Request for assessment received").textContent()).toContain(
      spokenDate(received),
    );
    const decision = page.locator(".pg-dates tr", {
      hasText: "Decision whether to carry out an assessment",
    });
    expect(await decision.textContent()).toContain(spokenDate(shift(12)));

    // Typed wrong, the day is mended from its own "Change" link, and every date follows it.
    await row("Request for assessment received")
      .getByRole("link", { name: "Change request for assessment received" })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-request-day");
    const mend = page.getByRole("group", { name: "Request for assessment received" });
    await mend.getByLabel("Day").fill(tomorrow.day);
    await mend.getByLabel("Month").fill(tomorrow.month);
    await mend.getByLabel("Year").fill(tomorrow.year);
    await page.getByRole("button", { name: "Save the date" }).click();
    await page
      .getByRole("link", { name: "The date the request was received must be today or in the past" })
      .waitFor();
    expect(await axeAtBothWidths(page)).toEqual([]);
    const mended = shift(-35);
    await mend.getByLabel("Day").fill(parts(mended).day);
    await mend.getByLabel("Month").fill(parts(mended).month);
    await mend.getByLabel("Year").fill(parts(mended).year);
    await page.getByRole("button", { name: "Save the date" }).click();
    await row("Request for assessment received").getByText(spokenDate(mended)).waitFor();
    await decision.getByText(spokenDate(shift(7))).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Change request for assessment received");

    // The year group and the caseworker, changed from the summary list's "Change" links.
    await row("Year group").getByRole("link", { name: "Change year group" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("detail-year-group");
    await page.getByLabel("Year group").fill("Year 3");
    await page.getByLabel("Caseworker", { exact: true }).fill("Alex Morgan");
    await page.getByLabel("Caseworker's email address").fill("not an address");
    await page.getByRole("button", { name: "Save the plan details" }).click();
    await page
      .getByRole("link", {
        name: "Enter an email address in the correct format, like name@example.com",
      })
      .waitFor();
    expect(await axeAtBothWidths(page)).toEqual([]);
    await page.getByLabel("Caseworker's email address").fill("alex.morgan@example.org");
    await page.getByRole("button", { name: "Save the plan details" }).click();
    await row("Year group").getByText("Year 3").waitFor();
    // Back on the row it came from.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Change year group",
    );
    expect(await row("Caseworker").textContent()).toContain("Alex Morganalex.morgan@example.org");

    // Kept by the server: still there after a reload, and for another person.
    await page.getByText("Saved", { exact: true }).waitFor();
    await page.reload();
    await page.locator(".ehcp-editor").waitFor();
    await row("Year group").getByText("Year 3").waitFor();
    expect(await row("Caseworker").textContent()).toContain("Alex Morgan");
    await page.context().close();
  });

  it("names the card's lists by their labels, and Alt+Shift+P puts the caret in the new provision's description, on screen", async () => {
    const page = await person(playground, "Sam Reid", "caseworker");
    await openPlan(page, "Ivo Adeyemi");
    const f1 = card(page, "F1 Provision");
    await f1.scrollIntoViewIfNeeded();
    // A card's controls are drawn as it comes near the screen.
    await f1.getByLabel("Ratio").waitFor();
    // Named by the label alone ("per", not "per day week fortnight…").
    expect(await f1.getByRole("combobox", { name: "per", exact: true }).count()).toBe(1);
    expect(await f1.getByRole("combobox", { name: "How long", exact: true }).count()).toBe(1);
    expect(await f1.getByLabel("per", { exact: true }).count()).toBe(1);

    const e1 = card(page, "E1 Outcome");
    await e1.scrollIntoViewIfNeeded();
    await e1.locator(".ehcp-field-content").first().click();
    await page.keyboard.press("End");
    const before = await page.locator('[data-section="F"] article').count();
    await page.keyboard.press("Alt+Shift+P");
    await expect.poll(() => page.locator('[data-section="F"] article').count()).toBe(before + 1);
    const where = () =>
      page.evaluate(() => {
        const node = document.getSelection()?.anchorNode;
        const at = node instanceof Element ? node : node?.parentElement;
        const box = at?.getBoundingClientRect();
        return {
          editing: document.activeElement?.classList.contains("ProseMirror") ?? false,
          card: at?.closest("article")?.querySelector("h3")?.textContent ?? "",
          field: at?.closest("[data-field]")?.getAttribute("data-field") ?? "",
          controls: !!at?.closest("article")?.querySelector(".ehcp-card-controls select"),
          // The caret's line, within the window.
          onScreen: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
        };
      });
    // Once its card has drawn its ratio and how-often controls, the caret is still in sight.
    await expect.poll(async () => (await where()).controls).toBe(true);
    expect(await where()).toMatchObject({ editing: true, field: "provisionWhat" });
    expect((await where()).card).toMatch(/^F\d+ Provision$/);
    await expect.poll(async () => (await where()).onScreen).toBe(true);
    await page.keyboard.type("Weekly swimming lesson");
    const added = page.locator('[data-section="F"] article', { hasText: "Weekly swimming lesson" });
    expect(await added.locator('[data-field="provisionWhat"]').textContent()).toContain(
      "Weekly swimming lesson",
    );

    // J's items are labelled as every other item is: a budget item for the new provision.
    await section(page, "J").locator(":scope > .ehcp-add").getByRole("button").click();
    await card(page, "J1 Item of the personal budget").waitFor();
    await page.context().close();
  });

  it("counts findings in one wording, names roles in plain words, and warns of advice due after the plan's dates", async () => {
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Noah Adeyemi");
    const form = caseworker.getByRole("form", { name: "Request advice" });
    await form.getByLabel("Name of the person asked").fill("Dr Ana Ruiz");
    await form.getByLabel("The role they advise in").selectOption("educational-psychologist");
    await form.getByRole("button", { name: "Request advice" }).click();
    // Asked today, due six weeks on: after both dates the plan must meet.
    const warning = `Advice from Dr Ana Ruiz, educational psychologist, is due ${spokenDate(shift(42))}: later than the date the draft plan must be issued by, 7 December 2026, and the date the final plan must be issued by, 4 January 2027.`;
    await caseworker.locator("#dates-advice-clash").getByText(warning).waitFor();
    await caseworker.locator("#requests-advice-clash").getByText(warning).waitFor();
    expect(await axeAtBothWidths(caseworker)).toEqual([]);

    // A finding made on F1: the panel, the task list and the card count it in the same words.
    const f1 = card(caseworker, "F1 Provision");
    await f1.scrollIntoViewIfNeeded();
    await f1.getByLabel("Ratio").fill("");
    const wording =
      /^(No findings|\d+ (must fix|to check|to consider)(, \d+ (must fix|to check|to consider))*)$/;
    const panel = caseworker.locator(".ehcp-quality [role=status]");
    await expect.poll(() => panel.textContent()).toMatch(/^\d+ /);
    expect(await panel.textContent()).toMatch(wording);
    const task = caseworker.locator("#task-F-hint");
    await expect.poll(() => task.textContent()).toMatch(/^\d+ /);
    expect(await task.textContent()).toMatch(wording);
    const onCard = f1.locator(".ehcp-card-findings summary");
    await expect.poll(() => onCard.textContent()).toMatch(wording);
    expect(await onCard.textContent()).toBe(await task.textContent());
    for (const hint of await caseworker.locator(".govuk-task-list__hint").allTextContents()) {
      expect(hint).toMatch(wording);
    }
    expect(await caseworker.getByText(/\b1 findings\b/).count()).toBe(0);

    // An educational psychologist reads A, which their role may not change, in plain words.
    const psychologist = await person(playground, "Dr Ana Ruiz", "educational-psychologist");
    await openPlan(psychologist, "Noah Adeyemi");
    expect(await section(psychologist, "A").locator(".ehcp-readonly-note").textContent()).toBe(
      "Read only: educational psychologist may not change section A.",
    );
    await psychologist.context().close();
    await caseworker.context().close();
  });

  it("asks before issuing or re-issuing the draft, saying what follows, and points to the banner once the final plan is issued", async () => {
    const page = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(page, "Noah Adeyemi");
    const state = page.locator("#lifecycle-state");
    await page.getByRole("button", { name: "Issue the draft" }).click();
    const confirm = page.getByRole("group", { name: "Issue the draft to the family?" });
    expect(await confirm.locator("#confirm-draft-warning").textContent()).toBe(
      `!WarningThe draft will be issued today, ${spokenDate(today)}, and a version of it kept. The family then have 15 days, until ${spokenDate(shift(15))}, to make representations on it and to ask for a school or setting. The final plan should not be issued before then without a reason.`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby"))).toBe(
      "confirm-draft-heading",
    );
    expect(await axeAtBothWidths(page)).toEqual([]);
    // Cancelled, nothing is issued.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Issue the draft");
    expect(await state.textContent()).toBe("Draft (issue 1), not yet issued to the family.");
    await page.getByRole("button", { name: "Issue the draft" }).click();
    await page.getByRole("button", { name: "Yes, issue the draft" }).click();
    await state.getByText(/The family's representations close .*: 15 days left\.$/).waitFor();
    // Re-issuing it starts the family's 15 days again, so that is asked too.
    const views = page.getByRole("navigation", { name: "Views of the plan" });
    const draftsIssued = async () => {
      await views.getByRole("link", { name: "Versions" }).click();
      const issued = page.locator('[aria-labelledby="versions-heading"] li', {
        hasText: /^Draft issued /,
      });
      await issued.first().waitFor();
      const count = await issued.count();
      await views.getByRole("link", { name: "Plan" }).click();
      return count;
    };
    expect(await draftsIssued()).toBe(1);
    await page.getByRole("button", { name: "Re-issue the draft instead" }).click();
    const again = page.getByRole("group", { name: "Re-issue the draft to the family?" });
    expect(await again.locator("#confirm-redraft-warning").textContent()).toBe(
      `!WarningThe draft as it stands will be issued again today, ${spokenDate(today)}, and a version of it kept. The family's 15 days to make representations start again, until ${spokenDate(shift(15))}.`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby"))).toBe(
      "confirm-redraft-heading",
    );
    await again.getByRole("button", { name: "Cancel" }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Re-issue the draft instead",
    );
    expect(await draftsIssued()).toBe(1);
    await page.getByRole("button", { name: "Re-issue the draft instead" }).click();
    await again.getByRole("button", { name: "Yes, re-issue the draft" }).click();
    await again.waitFor({ state: "detached" });
    expect(await draftsIssued()).toBe(2);

    await page.getByLabel("School or setting for section I").fill("Elm Tree Nursery");
    await page
      .getByLabel("Type of school or setting")
      .selectOption({ label: "Mainstream school or college" });
    await page.getByRole("button", { name: "Name it" }).click();
    await section(page, "I")
      .getByText(/Elm Tree Nursery/)
      .waitFor();
    await page.getByLabel("Officer signing off").fill("Pat Lee");
    await page.getByLabel("The officer’s role").fill("Head of SEN");
    await page
      .getByLabel("Why the final plan is issued now")
      .fill("The family agreed in writing so that Noah's support starts in January.");
    await page.getByRole("button", { name: "Issue the final plan" }).click();
    await state.getByText(/^Final plan \(issue 1\), issued /).waitFor();
    // The banner that says so is scrolled to and has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plan-status");
    expect(await onScreen(page, "#plan-status")).toBe(true);
    expect(await axeAtBothWidths(page)).toEqual([]);
    await page.context().close();
  });

  it("keeps a comment written while the connection is down, shows it as not yet sent, and sends it when the connection returns", async () => {
    const parent = await person(playground, "Grace Adeyemi", "parent");
    await openPlan(parent, "Ivo Adeyemi");
    const f1 = card(parent, "F1 Provision");
    await f1.scrollIntoViewIfNeeded();
    await f1.locator('[data-field="provisionWhat"] .ehcp-field-content').click();
    await parent.keyboard.press("Home");
    const box = parent.getByLabel(/^New comment on F1/);
    await box.fill("Can Noah's keyworker do this in the mornings?");
    // The browser loses the connection: nothing can reach the server.
    await parent.context().setOffline(true);
    await parent.getByRole("button", { name: "Add comment" }).click();
    const unsent = parent.locator(".ehcp-unsent");
    await unsent.getByText("1 comment not yet sent: the server cannot be reached.").waitFor();
    expect(await unsent.locator(".ehcp-unsent-comment").textContent()).toBe(
      "Not yet sent: your comment on F1Can Noah's keyworker do this in the mornings?",
    );
    expect(await parent.getByText("No open comments.").count()).toBe(1);
    expect(await axeAtBothWidths(parent)).toEqual([]);
    await parent.screenshot({ path: join(screenshots, "comment-unsent.png") });

    // Back online: it is sent, and reaches the caseworker.
    await parent.context().setOffline(false);
    await parent
      .locator(".ehcp-thread")
      .getByText("Can Noah's keyworker do this in the mornings?")
      .waitFor();
    // The comment reaches the thread through the shared plan a moment before the answer to its
    // sending clears it from the list of those not yet sent.
    await expect.poll(() => unsent.textContent()).toBe("");
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Ivo Adeyemi");
    await caseworker
      .locator(".ehcp-thread")
      .getByText("Can Noah's keyworker do this in the mornings?")
      .waitFor();
    await caseworker.context().close();
    await parent.context().close();
  });
});
