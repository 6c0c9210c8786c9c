import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { spokenDate } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  app,
  axeProblems,
  examplePlan,
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
    expect(await requests.allInnerTexts()).toEqual([
      `Dr Ana Ruiz (educational psychologist)\t${spokenDate(sent)}\t${spokenDate(shift(-18))}\tLate 18 days late`,
      `Li Wei (speech and language therapist)\t${spokenDate(today)}\t${spokenDate(shift(42))}\tDue 42 days left`,
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
});
