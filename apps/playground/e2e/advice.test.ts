import { join } from "node:path";
import { spokenDate } from "@ehcp/schema";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  axeProblems,
  examplePlan,
  openPlan,
  person,
  screenshots,
  usePlayground,
} from "./harness.js";

const robin = examplePlan("robin-castell");
const playground = usePlayground([robin]);

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
/** The day `n` days from today, YYYY-MM-DD, worked out apart from the toolkit's own dates. */
const shift = (n: number) => new Date(Date.parse(today) + n * DAY).toISOString().slice(0, 10);

describe("asking for advice in the playground", () => {
  it("a caseworker asks two advisers; the due dates fall six weeks on, the late one is marked on the plan and the caseload, and another person sees them live", async () => {
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Robin Castell");
    const school = await person(playground, "Jo Hart", "school");
    await openPlan(school, "Robin Castell");
    // Only the caseworker asks.
    expect(await school.getByRole("button", { name: "Request advice" }).count()).toBe(0);
    await school.getByText("No one has been asked for advice yet.").waitFor();

    const form = caseworker.getByRole("form", { name: "Request advice" });
    // A request with no name is refused beside the field.
    await form.getByRole("button", { name: "Request advice" }).click();
    await form.getByText("give the name of the person asked").waitFor();
    // A request dated tomorrow is refused by the server, and its reason shown by the date.
    await form.getByLabel("Name of the person asked").fill("Dr Ana Ruiz");
    await form.getByLabel("The role they advise in").selectOption("educational-psychologist");
    const [y, m, d] = shift(1).split("-");
    await form.getByLabel("Day").fill(String(Number(d)));
    await form.getByLabel("Month").fill(String(Number(m)));
    await form.getByLabel("Year").fill(y as string);
    await form.getByRole("button", { name: "Request advice" }).click();
    await form.getByText(`a request cannot be dated after today (${spokenDate(today)})`).waitFor();

    // Sent 60 days ago, so due 42 days after that: 18 days late.
    const sent = shift(-60);
    const [sy, sm, sd] = sent.split("-");
    await form.getByLabel("Day").fill(String(Number(sd)));
    await form.getByLabel("Month").fill(String(Number(sm)));
    await form.getByLabel("Year").fill(sy as string);
    await form.getByRole("button", { name: "Request advice" }).click();
    await form
      .getByText(`Dr Ana Ruiz was asked for advice. It is due by ${spokenDate(shift(-18))}.`)
      .waitFor();

    // The second from the keyboard alone, made today: due in six weeks.
    await form.getByLabel("Name of the person asked").focus();
    await caseworker.keyboard.type("Li Wei");
    await caseworker.keyboard.press("Tab");
    await caseworker.keyboard.type("Speech");
    // Past the date's day, month and year, left blank, to the button.
    for (let i = 0; i < 4; i++) await caseworker.keyboard.press("Tab");
    await caseworker.keyboard.press("Enter");
    await form
      .getByText(`Li Wei was asked for advice. It is due by ${spokenDate(shift(42))}.`)
      .waitFor();

    const requests = caseworker.locator(".pg-advice-requests tbody tr");
    await requests.nth(1).waitFor();
    const spaced = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, " "));
    expect(spaced(await requests.allInnerTexts())).toEqual([
      `Dr Ana Ruiz (educational psychologist) Read the advice from Dr Ana Ruiz Withdraw the request to Dr Ana Ruiz ${spokenDate(sent)} ${spokenDate(shift(-18))} Late 18 days late`,
      `Li Wei (speech and language therapist) Read the advice from Li Wei Withdraw the request to Li Wei ${spokenDate(today)} ${spokenDate(shift(42))} Due 42 days left`,
    ]);
    // Beside the dates the law sets for the plan itself.
    const dates = caseworker.locator(".pg-dates tbody tr");
    expect(
      await dates
        .filter({ hasText: "Advice from Dr Ana Ruiz, educational psychologist" })
        .innerText(),
    ).toBe(
      `Advice from Dr Ana Ruiz, educational psychologist\t${spokenDate(shift(-18))}\tOverdue 18 days late`,
    );
    expect(await dates.filter({ hasText: "Advice from Li Wei" }).innerText()).toContain(
      "Due 42 days left",
    );

    // The school, in its own browser, saw both arrive without reloading.
    await school.locator(".pg-advice-requests tbody tr").nth(1).waitFor();
    expect(await school.locator(".pg-advice-requests tbody tr th").allInnerTexts()).toEqual([
      "Dr Ana Ruiz (educational psychologist)",
      "Li Wei (speech and language therapist)",
    ]);

    expect(await axeProblems(caseworker)).toEqual([]);
    await caseworker
      .locator(".pg-advice")
      .screenshot({ path: join(screenshots, "advice-requests.png") });

    // The caseload marks the plan waiting on late advice.
    await caseworker.getByRole("link", { name: "Caseload" }).first().click();
    const row = caseworker.locator(".pg-caseload-row", { hasText: "Robin Castell" });
    await row.locator(".pg-caseload-advice").waitFor();
    expect((await row.locator(".pg-caseload-advice").innerText()).trim()).toBe(
      "1 piece of advice late, of 2 awaited",
    );
    await caseworker.screenshot({ path: join(screenshots, "advice-caseload.png"), fullPage: true });
    await caseworker.context().close();
    await school.context().close();
  });

  it("the therapist writes her advice in her own browser, sees a vague recommendation flagged, submits it only with a reason, then revises it; the caseworker reads it live and no one else may open it", async () => {
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Robin Castell");
    const form = caseworker.getByRole("form", { name: "Request advice" });
    await form.getByLabel("Name of the person asked").fill("Priya Shah");
    await form.getByLabel("The role they advise in").selectOption("speech-and-language-therapist");
    await form.getByRole("button", { name: "Request advice" }).click();
    await form.getByText(/^Priya Shah was asked for advice/).waitFor();

    // She signs in as herself (a health professional) and finds the request on the plan.
    const therapist = await person(playground, "Priya Shah", "health");
    await openPlan(therapist, "Robin Castell");
    await therapist.getByRole("link", { name: "Write your advice from Priya Shah" }).click();
    await therapist
      .getByRole("heading", { name: "Your advice for Robin Castell's plan", level: 1 })
      .waitFor();
    const provision = therapist.locator('section.ehcp-section[data-section="F"]');
    expect(await provision.locator("h2").first().innerText()).toBe(
      "Recommended provision: special educational provision",
    );
    // The school named and a personal budget are not the adviser's.
    expect(await therapist.locator('section.ehcp-section[data-section="I"]').isVisible()).toBe(
      false,
    );

    await provision.locator(":scope > .ehcp-add button").click();
    await therapist.keyboard.type("Access to speech and language therapy as required");
    const checks = therapist.locator(".pg-advice-checks");
    await checks
      .getByText(/as required/)
      .first()
      .waitFor();
    await checks
      .getByText(/^To put right: Recommended provision F1 does not say how much/)
      .waitFor();
    await therapist.locator(".pg-advice-screen").screenshot({
      path: join(screenshots, "advice-writing.png"),
    });

    // The caseworker reads it as she types, and may not change it.
    await caseworker.goto(
      `${playground.url}/#/plans/${robin.id}/advice/${await requestIdOf(therapist)}`,
    );
    await caseworker
      .getByRole("heading", { name: "Advice for Robin Castell's plan", level: 1 })
      .waitFor();
    await caseworker
      .locator('section.ehcp-section[data-section="F"]')
      .getByText("Access to speech and language therapy as required")
      .waitFor();
    expect(await caseworker.getByRole("button", { name: /^Submit/ }).count()).toBe(0);
    // A parent may not open it at all.
    const parent = await person(playground, "Sam Castell", "parent");
    await parent.goto(
      `${playground.url}/#/plans/${robin.id}/advice/${await requestIdOf(therapist)}`,
    );
    await parent
      .getByRole("alert")
      .getByText("only Priya Shah, who was asked for this advice, writes it", { exact: false })
      .waitFor();

    // Submitting it as it is asks her why.
    await therapist.getByRole("button", { name: "Submit your advice" }).click();
    await therapist.getByText("The advice has things to put right").waitFor();
    await therapist
      .getByLabel("Why it is submitted as it is")
      .fill("The service has not set its frequency yet.");
    await therapist.getByRole("button", { name: "Submit it as it is" }).click();
    await therapist.getByText(/^Advice submitted .*The caseworker has it now\.$/).waitFor();

    // She rewrites it with how often, for how long and who, and submits the revision.
    const card = provision.locator("article.ehcp-item").last();
    const what = card.locator(".ehcp-field-content").first();
    await what.locator("p").first().click({ clickCount: 3 });
    await therapist.keyboard.type(
      "Direct therapy on following two-step instructions, using Blank's levels of questioning",
    );
    await card.locator(".ehcp-field-content").nth(1).click();
    await therapist.keyboard.type("Speech and language therapist");
    const often = card.locator(".ehcp-frequency input");
    await often.nth(0).fill("1");
    await often.nth(1).fill("45");
    await card.locator(".ehcp-frequency select").selectOption("week");
    await card.locator(".ehcp-duration select").selectOption({ label: "Until the next review" });
    await expect.poll(() => checks.getByText(/^To put right/).count(), { timeout: 20_000 }).toBe(0);
    await therapist.getByRole("button", { name: "Submit the revision" }).click();
    await therapist.getByText(/^Revision 2 submitted .*The caseworker has it now\.$/).waitFor();
    await expect.poll(() => therapist.locator(".pg-advice-versions li").count()).toBe(2);
    expect(await axeProblems(therapist)).toEqual([]);
    await therapist.locator(".pg-advice-screen").screenshot({
      path: join(screenshots, "advice-submitted.png"),
    });

    // On the plan, her advice counts as given.
    await caseworker.goto(`${playground.url}/#/plans/${robin.id}`);
    await caseworker
      .locator(".pg-advice-requests tbody tr", { hasText: "Priya Shah" })
      .getByText("Given")
      .waitFor();
    for (const page of [caseworker, therapist, parent]) await page.context().close();
  });

  it("the caseworker lifts two recommendations into F and an outcome into E, declines one with a reason, and sees each item's source; the psychologist revises one, and the plan item says the advice changed", async () => {
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    await openPlan(caseworker, "Robin Castell");
    const form = caseworker.getByRole("form", { name: "Request advice" });
    await form.getByLabel("Name of the person asked").fill("Dr Nia Evans");
    await form.getByLabel("The role they advise in").selectOption("educational-psychologist");
    await form.getByRole("button", { name: "Request advice" }).click();
    await form.getByText(/^Dr Nia Evans was asked for advice/).waitFor();

    // She writes an outcome and three recommendations of provision, and submits them.
    const psychologist = await person(playground, "Dr Nia Evans", "educational-psychologist");
    await openPlan(psychologist, "Robin Castell");
    await psychologist.getByRole("link", { name: "Write your advice from Dr Nia Evans" }).click();
    await psychologist.getByRole("heading", { name: /^Your advice for/, level: 1 }).waitFor();
    const outcomes = psychologist.locator('section.ehcp-section[data-section="E"]');
    await outcomes.locator(":scope > .ehcp-add button").click();
    await psychologist.keyboard.type("Robin follows a two-step instruction in class by July");
    const provision = psychologist.locator('section.ehcp-section[data-section="F"]');
    const recommended = [
      "Daily precision teaching of ten high-frequency words",
      "A visual timetable at his desk, checked with him each morning",
      "A quiet room for every test",
    ];
    for (const words of recommended) {
      await provision.locator(":scope > .ehcp-add button").click();
      await psychologist.keyboard.type(words);
    }
    await provision.getByText(recommended[2] as string).waitFor();
    const submitAsItIs = async (first: string) => {
      await psychologist.getByRole("button", { name: first }).click();
      await psychologist.getByText("The advice has things to put right").waitFor();
      await psychologist
        .getByLabel("Why it is submitted as it is")
        .fill("Who delivers it is for the school to settle.");
      await psychologist.getByRole("button", { name: "Submit it as it is" }).click();
    };
    await submitAsItIs("Submit your advice");
    await psychologist.getByText(/^Advice submitted .*The caseworker has it now\.$/).waitFor();

    // The caseworker reads it and decides each recommendation from the advice itself.
    await caseworker.getByRole("link", { name: "Read the advice from Dr Nia Evans" }).click();
    const panel = caseworker.getByRole("region", { name: "Recommendations, version 1" });
    await panel.getByRole("button", { name: "Add to plan as F… (F1)" }).click();
    await panel.getByText("F1 was added to the plan in section F.").waitFor();
    await panel.getByLabel("Section for F2").selectOption("F");
    await panel.getByRole("button", { name: "Add to plan as F… (F2)" }).click();
    await panel.getByText("F2 was added to the plan in section F.").waitFor();
    await panel.getByRole("button", { name: "Add to plan as E… (E1)" }).click();
    await panel.getByText("E1 was added to the plan in section E.").waitFor();
    // Not included only with a reason, which the server asks for.
    await panel.getByRole("button", { name: "Do not include F3" }).click();
    await panel.getByText("reason: give the reason in words").waitFor();
    await panel
      .getByLabel("Why F3 is not included")
      .fill("The school gives every child a quiet room for tests already.");
    await panel.getByRole("button", { name: "Do not include F3" }).click();
    await panel
      .getByText("Not included: The school gives every child a quiet room for tests already.")
      .waitFor();
    const uses = await panel.locator(".pg-recommendation-use").allInnerTexts();
    expect(uses.map((u) => u.replace(/\d+/g, "N"))).toEqual([
      "In the plan as EN",
      "In the plan as FN",
      "In the plan as FN",
      "Not included: The school gives every child a quiet room for tests already.",
    ]);
    expect(await axeProblems(caseworker)).toEqual([]);
    await caseworker.locator(".pg-advice-screen").screenshot({
      path: join(screenshots, "advice-recommendations.png"),
    });

    // In the plan, each lifted item says where it came from, linked to the advice.
    await caseworker.getByRole("link", { name: "Back to the plan" }).click();
    // Cards are made ready as they come near the screen: each is scrolled to, as a reader would.
    // By the item's own words: a provision that serves an outcome shows the outcome's words too.
    const cardWith = (words: string) =>
      caseworker.locator("article.ehcp-item").filter({
        has: caseworker.locator('[data-field="outcomeStatement"], [data-field="provisionWhat"]', {
          hasText: words,
        }),
      });
    const sourceOf = async (words: string) => {
      const card = cardWith(words);
      await card.scrollIntoViewIfNeeded();
      return card.locator(".pg-source-from").innerText();
    };
    const from = "From Dr Nia Evans's educational psychologist advice, version 1, recommendation";
    // The advice the notes name is fetched once the plan is open: until then a note reads
    // "From the advice", so each is read again until it names it.
    const named = { timeout: 20_000 };
    await expect
      .poll(() => sourceOf("Robin follows a two-step instruction"), named)
      .toBe(`${from} E1`);
    await expect.poll(() => sourceOf(recommended[0] as string), named).toBe(`${from} F1`);
    await expect.poll(() => sourceOf(recommended[1] as string), named).toBe(`${from} F2`);
    const lifted = cardWith(recommended[0] as string);
    await lifted.scrollIntoViewIfNeeded();

    // She revises her first recommendation and submits the revision.
    const first = provision.locator("article.ehcp-item").first();
    await first
      .locator(".ehcp-field-content")
      .first()
      .locator("p")
      .first()
      .click({ clickCount: 3 });
    await psychologist.keyboard.type("Precision teaching of ten high-frequency words, twice a day");
    await submitAsItIs("Submit the revision");
    await psychologist.getByText(/^Revision 2 submitted .*The caseworker has it now\.$/).waitFor();

    // The plan item says the advice changed, with the words before and after.
    const changed = lifted.locator(".pg-source-changed");
    await changed.getByText("The advice has changed").waitFor({ timeout: 20_000 });
    expect(await changed.locator("del").innerText()).toBe(recommended[0]);
    expect(await changed.locator("ins").innerText()).toBe(
      "Precision teaching of ten high-frequency words, twice a day",
    );
    expect(await axeProblems(caseworker)).toEqual([]);
    await lifted.screenshot({ path: join(screenshots, "advice-changed.png") });
    // She updates the item from it: the words follow the advice, and the notice goes.
    await changed.getByRole("button", { name: "Update the item from the advice" }).click();
    const updated = cardWith("twice a day");
    await updated.getByText("version 2, recommendation F1").waitFor();
    expect(await updated.locator(".pg-source-changed").count()).toBe(0);
    for (const page of [caseworker, psychologist]) await page.context().close();
  });
});

/** The request id of the advice a page shows, from its address. */
const requestIdOf = async (page: Page) =>
  decodeURIComponent(new URL(page.url()).hash.split("/").at(-1) ?? "");
