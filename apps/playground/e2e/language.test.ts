import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  axeProblems,
  examplePlan,
  follow,
  openPlan,
  person,
  usePlayground,
  view,
} from "./harness.js";

const robin = examplePlan("robin-castell");
const parentsView = robin.sections.A.views.find((v) => v.voice === "parent");
const childsView = robin.sections.A.views.find((v) => v.voice === "child");

const playground = usePlayground([robin]);

const card = (page: Page, id: string) => page.locator(`.ehcp-view[data-id="${id}"]`);
/** The view's words, as the browser lays them out: their language and direction. */
const wordsOf = (page: Page, id: string) =>
  card(page, id)
    .locator(".ehcp-item-fields")
    .evaluate((el) => ({
      lang: el.getAttribute("lang"),
      dir: el.getAttribute("dir"),
      direction: getComputedStyle(el.querySelector("p") as Element).direction,
    }));

describe("languages in the plan", () => {
  it("marks a parent's view as Urdu, shown right to left to everyone, and as Lang in the PDF", async () => {
    expect(parentsView && childsView).toBeTruthy();
    const viewId = parentsView?.id as string;
    const caseworker = await person(playground, "Alex Morgan", "caseworker");
    const parent = await person(playground, "Sam Castell", "parent");
    await openPlan(caseworker, robin.meta.child.fullName);
    await openPlan(parent, robin.meta.child.fullName);

    // The view's card says which language it is written in: a list of names, or any tag.
    await card(caseworker, viewId).scrollIntoViewIfNeeded();
    const written = card(caseworker, viewId).getByRole("combobox", { name: "Written in" });
    await written.fill("not a language!");
    await written.press("Enter");
    await expect
      .poll(() => card(caseworker, viewId).getByRole("alert").textContent())
      .toMatch(/is not a language: choose one from the list, or type a language tag/);
    expect((await wordsOf(caseworker, viewId)).lang).toBeNull();
    await written.fill("Urdu");
    await written.press("Enter");
    await expect
      .poll(() => wordsOf(caseworker, viewId))
      .toEqual({
        lang: "ur",
        dir: "rtl",
        direction: "rtl",
      });
    expect(await written.inputValue()).toBe("ur");
    // Another browser, signed in as the parent, sees the same.
    await expect
      .poll(() => wordsOf(parent, viewId), { timeout: 20_000 })
      .toEqual({
        lang: "ur",
        dir: "rtl",
        direction: "rtl",
      });

    // From the keyboard: words selected in the child's view, marked as Welsh through the menu.
    const words = card(caseworker, childsView?.id as string)
      .locator("p")
      .first();
    await words.click();
    await caseworker.keyboard.press("Home");
    await caseworker.keyboard.press("Shift+End");
    await caseworker.keyboard.press("Alt+Shift+L");
    const menu = caseworker.getByRole("dialog", { name: "Language of the text" });
    await menu.waitFor();
    expect(await menu.getByRole("radio", { name: "The selected words" }).isChecked()).toBe(true);
    expect(await axeProblems(caseworker)).toEqual([]);
    await caseworker.keyboard.type("Welsh");
    await caseworker.keyboard.press("Enter");
    await menu.waitFor({ state: "detached" });
    const welsh = card(parent, childsView?.id as string).locator('span[lang="cy"]');
    await expect.poll(() => welsh.count(), { timeout: 20_000 }).toBe(1);
    expect(await welsh.getAttribute("dir")).toBeNull();
    // And taken away again, the caret in those words.
    await caseworker.keyboard.press("ArrowLeft");
    await caseworker.keyboard.press("ArrowRight");
    await caseworker.keyboard.press("Alt+Shift+L");
    await menu.waitFor();
    await follow(menu.getByRole("button", { name: "Remove the language" }));
    await expect.poll(() => welsh.count(), { timeout: 20_000 }).toBe(0);
    // Found without knowing the shortcut: the card says it, and "/" on an empty line offers it.
    expect(
      await card(caseworker, childsView?.id as string)
        .getByText("For some words only, select them and press Alt+Shift+L.")
        .isVisible(),
    ).toBe(true);
    await caseworker.keyboard.press("End");
    await caseworker.keyboard.press("Enter");
    await caseworker.keyboard.type("/");
    await follow(
      caseworker.getByRole("menuitem", { name: /Mark the language of this paragraph or view/ }),
    );
    await menu.waitFor();
    await caseworker.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    await caseworker.keyboard.press("Backspace");

    // The PDF the caseworker exports gives the view's paragraphs the language Urdu.
    await view(caseworker, "Export");
    const [download] = await Promise.all([
      caseworker.waitForEvent("download"),
      follow(caseworker.getByRole("button", { name: "PDF" })),
    ]);
    const path = join(playground.downloads, download.suggestedFilename());
    await download.saveAs(path);
    const pdf = readFileSync(path, "latin1");
    const urduParagraphs = [...pdf.matchAll(/<<\s*\/S \/P\b(?:(?!>>)[\s\S])*?\/Lang \(ur\)/g)];
    expect(urduParagraphs.length).toBeGreaterThan(0);
    expect(pdf).not.toContain("/Lang (cy)");
    await caseworker.context().close();
    await parent.context().close();
  });
});
