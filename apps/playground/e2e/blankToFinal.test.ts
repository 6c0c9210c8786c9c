import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  axeAtBothWidths,
  person,
  screenshots,
  signInPage,
  usePlayground,
  view,
} from "./harness.js";

// From nothing: the server starts with no plan at all, as a council's first morning would.
const playground = usePlayground([]);

const JOURNEY = 290_000;
const today = () => new Date().toISOString().slice(0, 10);

const section = (page: Page, key: string) => page.locator(`[data-section="${key}"]`);
/** An item's card, by the label and kind its heading reads ("F1 Provision"). */
const card = (page: Page, name: string) => page.getByRole("article", { name, exact: true });
/** A text field of a card, by its visible label, clicked into as a writer would. */
const into = async (place: Locator, label: string) =>
  place.getByRole("group", { name: label, exact: true }).locator(".ehcp-field-content").click();
/** Chooses the option of a list whose words match, as a person reading the list would. */
async function choose(select: Locator, words: RegExp) {
  const label = await select.locator("option").filter({ hasText: words }).first().textContent();
  await select.selectOption({ label: label ?? "" });
}
const addButton = (page: Page, key: string) =>
  section(page, key).locator(":scope > .ehcp-add").getByRole("button");

/** What has the keyboard's focus, as a person would name it: a control's label, or the text field the caret is in. */
const focusName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return "";
    if (element.classList.contains("ProseMirror")) {
      const node = document.getSelection()?.anchorNode;
      const at = node instanceof Element ? node : node?.parentElement;
      const card = at?.closest("article")?.getAttribute("data-label") ?? "";
      const group = at?.closest("[role=group][aria-labelledby]");
      const label = group
        ? document.getElementById(group.getAttribute("aria-labelledby") ?? "")?.textContent
        : "text";
      return `${card} ${label}`.trim();
    }
    const card = element.closest("article")?.getAttribute("data-label") ?? "";
    const label =
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.getAttribute("aria-label") ??
      element.textContent ??
      "";
    return `${card} ${label.replace(/\s+/g, " ").trim()}`.trim();
  });

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `name` matches, as someone reading the
 * screen would stop there; fails if it is not reached within `most` presses.
 */
async function tabTo(page: Page, name: RegExp, { back = false, most = 60 } = {}) {
  const seen: string[] = [];
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const here = await focusName(page);
    if (name.test(here)) return presses + 1;
    seen.push(here);
  }
  throw new Error(`${name} was not reached by ${back ? "Shift+Tab" : "Tab"}: ${seen.join(" | ")}`);
}

describe("a plan from a blank page to a final plan", () => {
  it(
    "is written, issued as a draft, answered by the family, made final inside their 15 days with a reason, and exported",
    async () => {
      const signIn = await signInPage(playground);
      expect(await axeAtBothWidths(signIn)).toEqual([]);
      await signIn.context().close();

      const caseworker = await person(playground, "Alex Morgan", "caseworker");
      await caseworker.getByText("There are no plans you may open yet.").waitFor();
      expect(await axeAtBothWidths(caseworker)).toEqual([]);
      await caseworker.getByLabel("Child's full name").fill("Lena Hart");
      await caseworker.getByLabel("Date of birth").fill("2017-03-14");
      await caseworker.getByRole("button", { name: "Create the plan" }).click();
      await caseworker.getByRole("heading", { name: "Lena Hart's plan" }).waitFor();
      await caseworker.locator(".ehcp-editor").waitFor();
      expect(await caseworker.locator("#lifecycle-state").textContent()).toBe(
        "Draft (issue 1), not yet issued to the family.",
      );
      expect(await caseworker.locator(".ehcp-item").count()).toBe(0);
      expect(await axeAtBothWidths(caseworker)).toEqual([]);
      const type = (text: string) => caseworker.keyboard.type(text);

      // A: the child's own words, and a parent's hopes.
      await addButton(caseworker, "A").click();
      await type("I like drawing and being with my friend Sam. Loud rooms make my head hurt.");
      const a1 = card(caseworker, "A1 View");
      await a1.getByLabel("In their own words (a direct quote)").check();
      await a1
        .getByLabel("How this view was gathered")
        .fill("Talking with Lena at school, with her drawings");
      await addButton(caseworker, "A").click();
      await type("We hope Lena can stay at a local school with her friends.");
      const a2 = card(caseworker, "A2 View");
      await a2.getByRole("combobox", { name: /^Who speaks/ }).selectOption({ label: "A parent" });
      await a2
        .getByRole("combobox", { name: /^Topic/ })
        .selectOption({ label: "Hopes and aspirations" });

      // B and C: a need each, described.
      await addButton(caseworker, "B").click();
      await type("Finds it hard to follow spoken instructions in class");
      const b1 = card(caseworker, "B1 Need");
      await into(b1, "What the need is");
      await type(
        "Lena loses track of spoken instructions longer than two steps, then waits for a friend to show her what to do.",
      );
      await b1
        .getByRole("combobox", { name: /^Area of need/ })
        .selectOption({ label: "Communication and interaction" });
      await addButton(caseworker, "C").click();
      await type("Has headaches after time in noisy rooms");
      await into(card(caseworker, "C1 Need"), "What the need is");
      await type("Her GP has recorded headaches after loud lessons, two or three times a week.");

      // E: an outcome for each need, the first with a step towards it.
      await addButton(caseworker, "E").click();
      await type(
        "By July 2027 Lena follows three-step spoken instructions in class without help, four times out of five",
      );
      const e1 = card(caseworker, "E1 Outcome");
      await e1.getByLabel("By when").fill("2027-07");
      await choose(e1.getByRole("combobox", { name: "Link a need" }), /^B1 /);
      await e1.getByRole("button", { name: /^Add a step towards E1/ }).click();
      await type("By February 2027 Lena follows two-step instructions with a picture prompt");
      await addButton(caseworker, "E").click();
      await type(
        "By July 2027 Lena has no more than one headache a week after lessons, as her diary records",
      );
      const e2 = card(caseworker, "E2 Outcome");
      await e2.getByLabel("By when").fill("2027-07");
      await choose(e2.getByRole("combobox", { name: "Link a need" }), /^C1 /);

      // F and G: provision with all five questions answered: what, who, with what expertise,
      // how often and for how long.
      const provision = async (
        key: "F" | "G",
        label: string,
        answers: {
          what: string;
          who: string;
          expertise: string;
          ratio: string;
          sessions: string;
          minutes: string;
          per: string;
          outcome: RegExp;
        },
      ) => {
        await addButton(caseworker, key).click();
        await type(answers.what);
        const item = card(caseworker, `${label} Provision`);
        await into(item, "Who delivers it");
        await type(answers.who);
        await into(item, "With what expertise");
        await type(answers.expertise);
        await item.getByLabel("Ratio").fill(answers.ratio);
        await item.getByLabel("Sessions", { exact: true }).fill(answers.sessions);
        await item.getByRole("spinbutton", { name: "min" }).fill(answers.minutes);
        await item.getByRole("combobox", { name: /^per/ }).selectOption({ label: answers.per });
        await item
          .getByRole("combobox", { name: "How long" })
          .selectOption({ label: "Until the next review" });
        await choose(item.getByRole("combobox", { name: "Link an outcome" }), answers.outcome);
        return item;
      };
      const f1 = await provision("F", "F1", {
        what: "A listening programme with picture prompts for each step, in a group of four",
        who: "Teaching assistant",
        expertise: "Trained in the listening programme by the speech and language therapist",
        ratio: "1:4",
        sessions: "3",
        minutes: "20",
        per: "week",
        outcome: /^E1 /,
      });
      await provision("G", "G1", {
        what: "A review of Lena's headache diary with her and her parents",
        who: "School nurse",
        expertise: "Registered school nurse",
        ratio: "1:1",
        sessions: "1",
        minutes: "30",
        per: "term",
        outcome: /^E2 /,
      });

      // J: the family asked for a personal budget for the listening programme's materials.
      await section(caseworker, "J")
        .getByLabel("The child's parent or the young person has asked for a personal budget")
        .check();
      await addButton(caseworker, "J").click();
      await type("The outcomes of E1, at home as well as at school");
      const budgetItem = section(caseworker, "J").getByRole("article");
      await choose(budgetItem.getByRole("combobox", { name: /^Pays for/ }), /^F1 /);
      await budgetItem.getByLabel("Amount in pounds").fill("450");
      await budgetItem
        .getByRole("combobox", { name: /^Arrangement/ })
        .selectOption({ label: "Direct payment" });
      await into(section(caseworker, "J"), "Notes on the personal budget");
      await type("Paid to the family each term for the programme's picture cards.");

      // K: the advice the plan rests on.
      await addButton(caseworker, "K").click();
      const k1 = section(caseworker, "K").getByRole("article").last();
      await k1.getByLabel("Title").fill("Speech and language therapy advice");
      await k1.getByLabel("From (name)").fill("Ruth Okafor");
      await k1.getByLabel("Their role").fill("Speech and language therapist");
      await k1.getByRole("combobox", { name: /^Agency/ }).selectOption({ label: "Health" });
      await k1.getByLabel("Requested on").fill("2026-10-01");
      await k1.getByLabel("Received on").fill("2026-10-20");

      // Everything written shows in the task list and on the page after a reload.
      await caseworker.getByText("Saved", { exact: true }).waitFor();
      await caseworker.reload();
      await card(caseworker, "G1 Provision").waitFor();
      expect(
        await section(caseworker, "J")
          .getByRole("group", { name: "Notes on the personal budget" })
          .textContent(),
      ).toContain("Paid to the family each term");
      // A card's controls are built as it comes near the screen, as a reader scrolls to it.
      await f1.scrollIntoViewIfNeeded();
      expect(await f1.getByRole("combobox", { name: /^per/ }).inputValue()).toBe("week");
      const tasks = caseworker.getByRole("navigation", { name: "Sections" });
      for (const key of ["A", "B", "C", "E", "F", "G", "J", "K"]) {
        const task = tasks
          .getByRole("listitem")
          .filter({ has: caseworker.getByRole("link", { name: new RegExp(`^${key}\\. `) }) });
        expect(await task.textContent(), key).not.toMatch(/Not started/);
      }
      await f1.scrollIntoViewIfNeeded();
      // Cards are drawn as they come into view: the picture waits for F1's words.
      await f1.getByText("A listening programme with picture prompts").waitFor();
      await caseworker.screenshot({ path: join(screenshots, "journey-written.png") });
      expect(await axeAtBothWidths(caseworker)).toEqual([]);

      await caseworker.getByRole("button", { name: "Issue the draft" }).click();

      await caseworker.getByRole("button", { name: "Yes, issue the draft" }).click();
      await caseworker
        .locator("#lifecycle-state")
        .getByText(/The family's representations close .*: 15 days left\.$/)
        .waitFor();

      // The parent, in a browser of their own, suggests a word in F and asks about it.
      const parent = await person(playground, "Jo Hart", "parent");
      await parent.getByRole("link", { name: "Lena Hart", exact: true }).click();
      const parentF1 = card(parent, "F1 Provision");
      await parentF1.waitFor();
      await into(parentF1, "Who delivers it");
      await parent.keyboard.press("End");
      await parent.keyboard.type(" who knows Lena");
      await parent.getByText("Saved", { exact: true }).waitFor();
      await into(parentF1, "Who delivers it");
      await parent.keyboard.press("Home");
      for (let i = 0; i < "Teaching".length; i++) await parent.keyboard.press("Shift+ArrowRight");
      await parent
        .getByLabel("New comment on F1: “Teaching”")
        .fill("Will it be the same assistant each week?");
      await parent.getByRole("button", { name: "Add comment" }).click();
      await parent.locator(".ehcp-comment").getByText("Teaching").waitFor();
      await parent.getByRole("link", { name: /^F\. Special educational provision/ }).waitFor();
      await parent.screenshot({ path: join(screenshots, "journey-parent.png") });
      expect(await axeAtBothWidths(parent)).toEqual([]);

      // The caseworker sees both, and accepts the suggestion with a reason.
      const suggestion = caseworker.locator(".ehcp-suggestion-item");
      await suggestion
        .getByText("Jo Hart (parent) suggests adding “ who knows Lena” in F1.")
        .waitFor();
      await caseworker.locator(".ehcp-comment").getByText("Teaching").waitFor();
      await suggestion
        .getByLabel("Reason for the decision on F1")
        .fill("Agreed: the same assistant works with Lena each week.");
      await suggestion.getByRole("button", { name: "Accept" }).click();
      await caseworker.getByText("No suggestions waiting.").waitFor();
      await caseworker
        .locator('[data-section="F"] [data-field="provisionDeliveredBy"]')
        .getByText("Teaching assistant who knows Lena")
        .waitFor();

      // The placement, with its type, then the final plan inside the family's 15 days.
      await caseworker.getByLabel("School or setting for section I").fill("Hillside Primary");
      await caseworker.getByRole("button", { name: "Name it" }).click();
      await caseworker.getByText("Choose the type of school or setting").waitFor();
      await caseworker
        .getByLabel("Type of school or setting")
        .selectOption({ label: "Mainstream school or college" });
      await caseworker.getByRole("button", { name: "Name it" }).click();
      await section(caseworker, "I")
        .getByText("Hillside Primary (Mainstream school or college)")
        .waitFor();
      await caseworker.getByLabel("Officer signing off").fill("Pat Lee");
      await caseworker.getByLabel("The officer’s role").fill("Head of SEN");
      expect(await caseworker.locator("#early-warning").textContent()).toMatch(
        /The family may make representations on the draft until .* \(15 days left\)/,
      );
      await caseworker.getByRole("button", { name: "Issue the final plan" }).click();
      await caseworker
        .getByRole("alert")
        .getByText(/^The family's 15 days for representations on the draft run until /)
        .waitFor();
      await caseworker
        .getByLabel("Why the final plan is issued now")
        .fill("The family asked in writing for the final plan before the new term.");
      await caseworker
        .getByLabel("Date of the family's written agreement, if they gave it")
        .fill(today());
      await caseworker.locator("#early-warning").scrollIntoViewIfNeeded();
      await caseworker.screenshot({ path: join(screenshots, "journey-early-final.png") });
      expect(await axeAtBothWidths(caseworker)).toEqual([]);
      await caseworker.getByRole("button", { name: "Issue the final plan" }).click();
      await caseworker.getByText(/^Final plan \(issue 1\), issued /).waitFor();

      // The final plan's banner says why it went out early, and when the family agreed.
      const spokenToday = new Date().toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      expect(await caseworker.locator("#early-final-reason").textContent()).toBe(
        `Issued before the family's 15 days for representations on the draft were over. The council's reason, recorded by Alex Morgan: “The family asked in writing for the final plan before the new term.” The family agreed in writing on ${spokenToday}.`,
      );
      expect(await caseworker.locator(".pg-dates").textContent()).not.toMatch(/representations/);
      await caseworker.locator(".ehcp-editor[contenteditable='false']").waitFor();
      await caseworker.evaluate(() => window.scrollTo(0, 0));
      await caseworker.screenshot({ path: join(screenshots, "journey-final.png") });
      expect(await axeAtBothWidths(caseworker)).toEqual([]);

      // The final plan as PDF and Word: real files, with the child and the provision in them.
      await view(caseworker, "Export");
      await caseworker.getByRole("heading", { name: "Export" }).waitFor();
      expect(await axeAtBothWidths(caseworker)).toEqual([]);
      const save = async (button: string) => {
        const [download] = await Promise.all([
          caseworker.waitForEvent("download"),
          caseworker.getByRole("button", { name: button }).click(),
        ]);
        const path = join(playground.downloads, download.suggestedFilename());
        await download.saveAs(path);
        return path;
      };
      const pdf = await save("PDF");
      // The file is named for the child and the plan's issue, not by the plan's id.
      expect(pdf).toMatch(/\/Lena Hart, final plan, issue \d+\.pdf$/);
      expect(statSync(pdf).size).toBeGreaterThan(20_000);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Tagged:\s+yes/);
      // The words as a reader gets them, with table cells' line breaks read as spaces.
      const pdfText = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      expect(pdfText).toContain("Lena Hart");
      expect(pdfText).toContain("Teaching assistant who knows Lena");
      expect(pdfText).toContain("A listening programme with picture prompts for each step");
      expect(pdfText).toContain("Hillside Primary");
      const docx = await save("Word (DOCX)");
      expect(statSync(docx).size).toBeGreaterThan(5_000);
      const words = (await mammoth.extractRawText({ path: docx })).value;
      expect(words).toContain("Lena Hart");
      expect(words).toContain("A listening programme with picture prompts for each step");
      expect(words).toContain("Paid to the family each term for the programme's picture cards.");
      await caseworker.context().close();
      await parent.context().close();
    },
    JOURNEY,
  );
  it(
    "can be taken from a blank page to an exported final plan by keyboard alone",
    async () => {
      const page = await signInPage(playground);
      const press = (key: string) => page.keyboard.press(key);
      const type = (text: string) => page.keyboard.type(text);
      await tabTo(page, /^Your name$/);
      await type("Sam Reid");
      await tabTo(page, /^Your role/);
      expect(await page.getByLabel("Your role").inputValue()).toBe("caseworker");
      await tabTo(page, /^Sign in$/);
      await press("Enter");
      await page.getByRole("heading", { name: "Caseload" }).waitFor();

      await tabTo(page, /^Child's full name$/);
      await type("Kai Berry");
      await press("Tab");
      // Month, day and year, as the browser's date field takes them.
      await type("09022012");
      expect(await page.getByLabel("Date of birth").inputValue()).toBe("2012-09-02");
      await tabTo(page, /^Create the plan$/);
      await press("Enter");
      await page.getByRole("heading", { name: "Kai Berry's plan" }).waitFor();
      await page.locator(".ehcp-editor").waitFor();

      // A: Tab goes on from the task list into the plan, to its first section's Add button.
      await page.getByRole("link", { name: /^A\. Views/ }).waitFor();
      await tabTo(page, /^A\. Views/);
      await tabTo(page, /^Add a view/, { most: 20 });
      await press("Enter");
      await type("I want to be a vet. I like working with my hands, not copying from the board.");
      await tabTo(page, /^A1 In their own words/, { back: true });
      await press("Space");
      // Back into the view's words: the shortcuts work where the caret is.
      await tabTo(page, /^A1 text$/);
      // B: a need, its description a Tab away.
      await press("Alt+Shift+N");
      await type("Reads well below the level of his year group");
      await tabTo(page, /^B1 What the need is$/);
      await type("Kai reads at the level of a seven-year-old and avoids reading aloud in class.");
      // E: an outcome for the need the caret is in, with a step towards it.
      await press("Alt+Shift+O");
      await type(
        "By July 2027 Kai reads a page of a Year 8 text aloud to an adult, with no more than five errors",
      );
      await press("Alt+Shift+S");
      await type(
        "By March 2027 Kai reads a page of a Year 5 text aloud with no more than five errors",
      );
      await tabTo(page, /^E1 By when$/, { back: true });
      await type("7");
      await press("ArrowRight");
      await type("2027");
      await tabTo(page, /^E1 Preparing for adulthood/);
      expect(
        await card(page, "E1 Outcome").getByLabel("By when", { exact: true }).first().inputValue(),
      ).toBe("2027-07");
      // Down the list of preparing-for-adulthood outcomes to "Employment".
      await press("ArrowDown");
      expect(
        await card(page, "E1 Outcome")
          .getByRole("combobox", { name: /^Preparing/ })
          .inputValue(),
      ).toBe("employment");
      // F: provision for the outcome, its five questions answered.
      await tabTo(page, /^E1 Step towards it$/);
      await press("Alt+Shift+P");
      await type("Precision Teaching of the words Kai misreads, with a reading diary kept at home");
      await press("Tab");
      expect(await focusName(page)).toBe("F1 Who delivers it");
      await type("Teaching assistant");
      await press("Tab");
      await type("Trained in Precision Teaching by the school's SENCO");
      await tabTo(page, /^F1 Ratio$/, { back: true });
      await type("1:1");
      await tabTo(page, /^F1 Sessions$/);
      await type("4");
      await tabTo(page, /^F1 min$/);
      // The minutes a session start at 30 once the sessions are given: typed over.
      await press("Control+A");
      await type("15");
      await tabTo(page, /^F1 per/);
      await tabTo(page, /^F1 How long/);
      await press("ArrowDown");
      const f1 = card(page, "F1 Provision");
      expect(await f1.getByRole("combobox", { name: "How long" }).inputValue()).toBe("review");
      expect(await f1.locator(".ehcp-chip").textContent()).toMatch(/^E1 /);
      expect(await f1.getByRole("spinbutton", { name: "min" }).inputValue()).toBe("15");
      // K: the advice, each control a Tab after the last.
      await tabTo(page, /^F1 What the provision is$/);
      await press("Alt+Shift+K");
      expect(await focusName(page)).toMatch(/^K1 Title$/);
      await type("Educational psychologist's advice");
      await press("Tab");
      await type("Dr Nia Evans");
      await press("Tab");
      await type("Educational psychologist");
      await press("Tab");
      expect(await focusName(page)).toMatch(/^K1 Agency/);
      await press("Tab");
      await type("10012026");
      await tabTo(page, /^K1 Received on$/);
      await type("10202026");
      const k1 = section(page, "K").getByRole("article");
      expect(await k1.getByLabel("Requested on").inputValue()).toBe("2026-10-01");
      expect(await k1.getByLabel("Received on").inputValue()).toBe("2026-10-20");
      expect(await axeAtBothWidths(page)).toEqual([]);

      // Up to the plan's next steps: issue the draft.
      await tabTo(page, /^Issue the draft$/, { most: 120 });
      await press("Enter");
      // Asked first, saying what will happen: the confirmation takes the focus, its button a Tab on.
      await page
        .getByText(/The draft will be issued today, .* The family then have 15 days, until /)
        .waitFor();
      await tabTo(page, /^Yes, issue the draft$/, { most: 5 });
      await press("Enter");
      await page
        .locator("#lifecycle-state")
        .getByText(/: 15 days left\.$/)
        .waitFor();

      // The parent, by keyboard too: words suggested in F1, and a comment on one of them.
      const parent = await signInPage(playground);
      await tabTo(parent, /^Your name$/);
      await parent.keyboard.type("Ann Berry");
      await tabTo(parent, /^Your role/);
      // The list's options are found by typing their first words, as in any select.
      await parent.keyboard.type("Parent");
      expect(await parent.getByLabel("Your role").inputValue()).toBe("parent");
      await tabTo(parent, /^Sign in$/);
      await parent.keyboard.press("Enter");
      await tabTo(parent, /^Kai Berry$/);
      await parent.keyboard.press("Enter");
      await card(parent, "F1 Provision").waitFor();
      await parent.getByRole("link", { name: /^F\. Special educational provision/ }).waitFor();
      await tabTo(parent, /^F\. Special educational provision/);
      await parent.keyboard.press("Enter");
      await parent.keyboard.press("Tab");
      expect(await focusName(parent)).toBe("F1 Who delivers it");
      await parent.keyboard.press("End");
      await parent.keyboard.type(" who knows Kai");
      // The words are selected once the suggestion is saved, as the page then says.
      await parent.getByText("Saved", { exact: true }).waitFor();
      await parent.keyboard.press("Home");
      for (let i = 0; i < "Teaching".length; i++) await parent.keyboard.press("Shift+ArrowRight");
      await parent.keyboard.press("Alt+Shift+C");
      // The box names the words once the selection has settled.
      await parent.getByLabel("New comment on F1: “Teaching”").waitFor();
      expect(await focusName(parent)).toBe("New comment on F1: “Teaching”");
      await parent.keyboard.type("Is this the assistant Kai already knows?");
      await parent.keyboard.press("Tab");
      await parent.keyboard.press("Enter");
      await parent.locator(".ehcp-comment").getByText("Teaching").waitFor();
      expect(await axeAtBothWidths(parent)).toEqual([]);

      // The caseworker reaches the suggestion from the plan's next steps and accepts it.
      await page.getByText("Ann Berry (parent) suggests adding “ who knows Kai” in F1.").waitFor();
      await tabTo(page, /^Reason for the decision on F1$/, { most: 200 });
      await type("Agreed: the same assistant stays with Kai.");
      await tabTo(page, /^Accept$/);
      await press("Enter");
      await page.getByText("No suggestions waiting.").waitFor();
      await section(page, "F").getByText("Teaching assistant who knows Kai").waitFor();

      await tabTo(page, /^School or setting for section I/, { most: 200 });
      await type("Riverside Academy");
      await tabTo(page, /^Type of school or setting$/);
      // The list, in the order it is written: down to "Resourced provision in a mainstream school".
      await press("ArrowDown");
      await press("ArrowDown");
      await tabTo(page, /^Name it$/);
      await press("Enter");
      await section(page, "I")
        .getByText("Riverside Academy (Resourced provision in a mainstream school)")
        .waitFor();
      await tabTo(page, /^Officer signing off$/);
      await type("Pat Lee");
      await press("Tab");
      await type("Head of SEN");
      await tabTo(page, /^Why the final plan is issued now$/);
      await type("Kai's family agreed in writing, so that the support starts this term.");
      await press("Tab");
      await type(
        new Date()
          .toISOString()
          .slice(0, 10)
          .replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$2$3$1"),
      );
      await tabTo(page, /^Issue the final plan$/);
      await press("Enter");
      await page.getByText(/^Final plan \(issue 1\), issued /).waitFor();
      expect(await page.locator("#early-final-reason").textContent()).toMatch(
        /“Kai's family agreed in writing, so that the support starts this term\.” The family agreed in writing on /,
      );

      // The banner that says so has the focus; the plan's views are just above it.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("plan-status");
      await tabTo(page, /^Export$/, { back: true, most: 10 });
      await press("Enter");
      await page.getByRole("heading", { name: "Export" }).waitFor();
      await tabTo(page, /^PDF$/);
      const [download] = await Promise.all([page.waitForEvent("download"), press("Enter")]);
      const pdf = join(playground.downloads, `keyboard-${download.suggestedFilename()}`);
      await download.saveAs(pdf);
      const words = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      expect(words).toContain("Kai Berry");
      expect(words).toContain("Precision Teaching of the words Kai misreads");
      expect(words).toContain("Riverside Academy");
      expect(words).toContain("Teaching assistant who knows Kai");
      await page.context().close();
      await parent.context().close();
    },
    JOURNEY,
  );
});
