import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { spokenDate } from "@ehcp/schema";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  app,
  axeProblems,
  examplePlan,
  follow,
  openPlan,
  person,
  type Playground,
  startPlayground,
} from "./harness.js";

const robin = examplePlan("robin-castell");
const screenshots = join(app, "screenshots");
let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground([robin]);
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => playground?.stop());

const today = new Date().toISOString().slice(0, 10);

/** Asks someone for advice from the caseworker's plan screen. */
async function ask(caseworker: Page, name: string, role: string) {
  const form = caseworker.getByRole("form", { name: "Request advice" });
  await form.getByLabel("Name of the person asked").fill(name);
  await form.getByLabel("The role they advise in").selectOption(role);
  await form.getByRole("button", { name: "Request advice" }).click();
  await form.getByText(new RegExp(`^${name} was asked for advice`)).waitFor();
}

/** Submits the advice on an adviser's screen as it is, with the reason asked for. */
async function submitAsItIs(page: Page, first: string) {
  await page.getByRole("button", { name: first }).click();
  await page.getByText("The advice has things to put right").waitFor();
  await page.getByLabel("Why it is submitted as it is").fill("Who delivers it is for the school.");
  await page.getByRole("button", { name: "Submit it as it is" }).click();
}

/** The text of the element that has the focus. */
const focused = (page: Page) =>
  page.evaluate(() =>
    ((document.activeElement as HTMLElement | null)?.innerText ?? "").replace(/\s+/g, " "),
  );

describe("advice: co-authors, withdrawing a request, and how the advice was used", () => {
  it("a psychologist writes her advice with the co-author she invites; the caseworker withdraws a request (the therapist's screen says why), decides each recommendation, and finds every one in one view, reached and used from the keyboard", async () => {
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Robin Castell");
    await ask(caseworker, "Dr Nia Evans", "educational-psychologist");
    await ask(caseworker, "Tom Hale", "occupational-therapist");

    // Dr Evans invites a colleague, from the keyboard.
    const psychologist = await person(playground, "Dr Nia Evans", "educational-psychologist");
    await openPlan(psychologist, "Robin Castell");
    await psychologist.getByRole("link", { name: "Write your advice from Dr Nia Evans" }).click();
    await psychologist.getByRole("heading", { name: /^Your advice for/, level: 1 }).waitFor();
    const authors = psychologist.getByRole("region", { name: "Who writes this advice" });
    await follow(authors.getByRole("button", { name: "Invite a co-author" }));
    await authors.getByText("Give the name of the person invited").waitFor();
    await authors.getByLabel("Name of the person to invite").fill("Ben Cole");
    await follow(authors.getByRole("button", { name: "Invite a co-author" }));
    await authors.getByText("Ben Cole may now write this advice with you.").waitFor();
    // Words hidden but for screen readers ("in the plan") read as a line of their own.
    const spaced = (texts: string[]) =>
      texts.map((t) => t.replace(/\s+/g, " ").replace(/ ,/g, ",").trim());
    expect(spaced(await authors.getByRole("listitem").allInnerTexts())).toEqual([
      "Dr Nia Evans (you), asked for it",
      "Ben Cole, co-author Remove Ben Cole",
    ]);
    expect(await axeProblems(psychologist)).toEqual([]);
    await psychologist.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await authors.screenshot({ path: join(screenshots, "advice-co-author.png") });

    // Ben, in his own browser, writes the recommendations; she sees them as he types.
    const colleague = await person(playground, "Ben Cole", "educational-psychologist");
    await openPlan(colleague, "Robin Castell");
    await colleague
      .getByRole("link", { name: "Write the advice with them from Dr Nia Evans" })
      .click();
    await colleague.getByRole("heading", { name: /^Your advice for/, level: 1 }).waitFor();
    // He writes; he chooses no one else.
    expect(await colleague.getByRole("button", { name: "Invite a co-author" }).count()).toBe(0);
    await colleague.getByText("Ben Cole (you), co-author").waitFor();
    const outcomes = colleague.locator('section.ehcp-section[data-section="E"]');
    await outcomes.locator(":scope > .ehcp-add button").click();
    await colleague.keyboard.type("Robin reads twenty common words by sight by July");
    const provision = colleague.locator('section.ehcp-section[data-section="F"]');
    const recommended = [
      "Precision teaching of common words, ten minutes a day",
      "A reading scheme book sent home each week",
      "Paired reading with an older pupil",
      "A reading assessment each term",
    ];
    for (const words of recommended) {
      await provision.locator(":scope > .ehcp-add button").click();
      await colleague.keyboard.type(words);
    }
    await psychologist
      .locator('section.ehcp-section[data-section="F"]')
      .getByText(recommended[3] as string)
      .waitFor();
    await submitAsItIs(psychologist, "Submit your advice");
    await psychologist.getByText(/^Advice submitted .*The caseworker has it now\.$/).waitFor();

    // The therapist is writing when the caseworker withdraws his request: the school's
    // occupational therapist has advised already (reg 6(4)).
    const therapist = await person(playground, "Tom Hale", "health");
    await openPlan(therapist, "Robin Castell");
    await therapist.getByRole("link", { name: "Write your advice from Tom Hale" }).click();
    await therapist.getByRole("heading", { name: /^Your advice for/, level: 1 }).waitFor();
    await therapist.locator('section.ehcp-section[data-section="F"]').waitFor();

    const withdraw = caseworker.getByRole("button", { name: "Withdraw the request to Tom Hale" });
    await follow(withdraw);
    // The question takes the focus; cancelling it gives it back to the button.
    await expect.poll(() => focused(caseworker)).toBe("Withdraw the request to Tom Hale?");
    await follow(caseworker.getByRole("button", { name: "Cancel" }));
    await expect.poll(() => focused(caseworker)).toBe("Withdraw the request to Tom Hale");
    expect(await caseworker.locator(".pg-withdraw-confirm").count()).toBe(0);
    await follow(withdraw);
    await caseworker
      .getByLabel("Why it is withdrawn (optional)")
      .fill("The school's occupational therapist advised in March.");
    expect(await axeProblems(caseworker)).toEqual([]);
    await caseworker
      .locator(".pg-advice")
      .screenshot({ path: join(screenshots, "advice-withdraw-confirm.png") });
    await follow(caseworker.getByRole("button", { name: "Yes, withdraw the request" }));
    await caseworker
      .getByText("The request to Tom Hale was withdrawn. They can no longer write the advice.")
      .waitFor();
    const row = caseworker.locator(".pg-advice-requests tbody tr", { hasText: "Tom Hale" });
    expect((await row.locator("td").nth(2).innerText()).replace(/\s+/g, " ")).toBe(
      `Withdrawn ${spokenDate(today)} The school's occupational therapist advised in March.`,
    );
    expect(await row.getByRole("button").count()).toBe(0);
    // His editor goes, and his screen says why, without his reloading it.
    await therapist
      .getByRole("alert")
      .getByText(
        `The caseworker withdrew the request for this advice on ${spokenDate(today)}: it is no longer written`,
      )
      .waitFor();
    expect(await therapist.locator(".ehcp-section").count()).toBe(0);
    await therapist.getByRole("link", { name: "Back to the caseload" }).waitFor();
    await therapist.screenshot({ path: join(screenshots, "advice-withdrawn.png") });

    // The caseworker decides the recommendations: E1 merged into the plan's first outcome, F1
    // and F3 added to the plan, F2 not included, F4 left for later.
    await caseworker.getByRole("link", { name: "Read the advice from Dr Nia Evans" }).click();
    const panel = caseworker.getByRole("region", { name: "Recommendations, version 1" });
    await panel.getByLabel("Merge E1 into…").selectOption({ index: 1 });
    await panel.getByRole("button", { name: "Merge E1" }).click();
    await panel.getByText("E1 is recorded as merged.").waitFor();
    await panel.getByRole("button", { name: "Add to plan as F… (F1)" }).click();
    await panel.getByText("F1 was added to the plan in section F.").waitFor();
    await panel
      .getByLabel("Why F2 is not included")
      .fill("Robin's school sends a book home daily.");
    await panel.getByRole("button", { name: "Do not include F2" }).click();
    await panel.getByText("Not included: Robin's school sends a book home daily.").waitFor();
    await panel.getByRole("button", { name: "Add to plan as F… (F3)" }).click();
    await panel.getByText("F3 was added to the plan in section F.").waitFor();

    // She revises F1 and F3.
    const ownProvision = psychologist.locator('section.ehcp-section[data-section="F"]');
    for (const [n, words] of [
      [0, "Precision teaching of common words, fifteen minutes a day"],
      [2, "Paired reading with a trained older pupil, three times a week"],
    ] as const) {
      await ownProvision
        .locator("article.ehcp-item")
        .nth(n)
        .locator(".ehcp-field-content")
        .first()
        .locator("p")
        .first()
        .click({ clickCount: 3 });
      await psychologist.keyboard.type(words);
    }
    await submitAsItIs(psychologist, "Submit the revision");
    await psychologist.getByText(/^Revision 2 submitted .*The caseworker has it now\.$/).waitFor();

    // On the plan, the caseworker keeps F3's item as it is, with a reason. The item's source
    // note never shows the recommendation's id while the advice is read.
    await caseworker.getByRole("link", { name: "Back to the plan" }).click();
    const cardWith = (words: string) =>
      caseworker.locator("article.ehcp-item").filter({ hasText: words });
    const notes: string[] = [];
    const sourceOf = async (words: string) => {
      const card = cardWith(words);
      await card.scrollIntoViewIfNeeded();
      const note = await card.locator(".pg-source-from").innerText();
      notes.push(note);
      return note;
    };
    const named = { timeout: 20_000 };
    await expect
      .poll(() => sourceOf(recommended[2] as string), named)
      .toBe("From Dr Nia Evans's educational psychologist advice, version 1, recommendation F3");
    expect(notes.filter((n) => /(prov|out|need)-/.test(n))).toEqual([]);
    const kept = cardWith(recommended[2] as string);
    await kept.getByText("The advice has changed").waitFor(named);
    await kept.getByRole("button", { name: "Keep it as it is…" }).click();
    await kept
      .getByLabel("Why the item stays as it is")
      .fill("The school has no trained pupils this year.");
    await kept.getByRole("button", { name: "Keep it as it is" }).click();
    await expect.poll(() => kept.locator(".pg-source-changed").count()).toBe(0);

    // The overview, from a link on the plan screen, from the keyboard.
    await follow(
      caseworker.getByRole("link", {
        name: "How the advice was used: each recommendation and what became of it",
      }),
    );
    const overview = caseworker.getByRole("region", { name: "How the advice was used" });
    await overview.getByText("1 recommendation has no decision yet.").waitFor();
    const nia = overview.getByRole("region", { name: "Dr Nia Evans, educational psychologist" });
    const rows = nia.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(5);
    const said = spaced(await rows.allInnerTexts()).map((t) => t.replace(/[EF]\d+ in/g, "X in"));
    const lifted = `lifted from version 1 on ${spokenDate(today)}`;
    expect(said).toEqual([
      "E1, recommended outcome Robin reads twenty common words by sight by July Merged into X in the plan",
      `F1, recommended provision Precision teaching of common words, fifteen minutes a day In the plan Changed since As X in the plan, ${lifted}; the advice has changed since: update the item or keep it`,
      "F2, recommended provision A reading scheme book sent home each week Not included Robin's school sends a book home daily.",
      `F3, recommended provision Paired reading with a trained older pupil, three times a week In the plan Kept despite a change As X in the plan, ${lifted} Kept as it is after version 2: The school has no trained pupils this year.`,
      "F4, recommended provision A reading assessment each term No decision yet Decide in the advice (F4, recommended provision)",
    ]);
    await overview
      .getByRole("region", { name: "Tom Hale, occupational therapist" })
      .getByText(
        `Withdrawn on ${spokenDate(today)}: The school's occupational therapist advised in March.`,
      )
      .waitFor();
    expect(await axeProblems(caseworker)).toEqual([]);
    await overview.screenshot({ path: join(screenshots, "advice-overview.png") });

    // From the keyboard alone: Tab to F1's item and take it there, in the plan.
    const link = rows.nth(1).getByRole("link", { name: /in the plan$/ });
    const label = (await link.innerText()).replace(/\s+in the plan$/, "").trim();
    await link.focus();
    await caseworker.keyboard.press("Enter");
    await caseworker.locator(".pg-plan-layout:not([hidden])").waitFor();
    await expect
      .poll(() =>
        caseworker.evaluate(() => {
          const at = window.getSelection()?.anchorNode;
          const card = (at instanceof Element ? at : at?.parentElement)?.closest("article");
          return card?.querySelector(".ehcp-item-label")?.textContent ?? "";
        }),
      )
      .toBe(label);
    for (const page of [caseworker, psychologist, colleague, therapist]) {
      await page.context().close();
    }
  });
});
