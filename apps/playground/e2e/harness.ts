import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CollabServer, createCollabServer } from "@ehcp/collab-server";
import { type Plan, parsePlanJson } from "@ehcp/schema";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@ehcp/fixtures/chromium";

export const app = fileURLToPath(new URL("..", import.meta.url));
// The tests' own plans, kept apart from the example plans the app is seeded with.
export const examples = join(app, "e2e", "plans");

/** An example plan of the playground's, as it is stored on first start. */
export const examplePlan = (name: string): Plan =>
  parsePlanJson(readFileSync(join(examples, `${name}.json`), "utf8"));

/** The app as `npm start` serves it: built, then served by the collaboration server. */
export interface Playground {
  readonly url: string;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export async function startPlayground(seed: readonly Plan[]): Promise<Playground> {
  await build({ root: app, logLevel: "error", configFile: join(app, "vite.config.ts") });
  const dir = mkdtempSync(join(tmpdir(), "ehcp-playground-"));
  const server: CollabServer = createCollabServer({
    port: 0,
    db: join(dir, "plans.sqlite"),
    signIn: { developmentSignIn: true },
    app: join(app, "dist"),
    seed: [...seed],
  });
  const url = (await server.start()).replace(/^ws/, "http");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The sign-in page, in a browser context of its own. */
export async function signInPage(playground: Playground, width = 1400): Promise<Page> {
  const context = await playground.browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`[browser] ${message.text()}`);
  });
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  // Nothing the playground does may reach another site.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(playground.url);
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  return page;
}

/** A person in their own browser context, signed in under a name and a role. */
export async function person(
  playground: Playground,
  name: string,
  role: string,
  width = 1400,
): Promise<Page> {
  const page = await signInPage(playground, width);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Your role").selectOption(role);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Caseload" }).waitFor();
  return page;
}

/** Opens a plan from the caseload by its child's name, and waits for its editor. */
export async function openPlan(page: Page, child: string) {
  await page.getByRole("link", { name: child, exact: true }).click();
  await page.locator('[data-section="F"] .ehcp-item').first().waitFor();
}

/** What axe finds serious or critical on the page. */
export async function axeProblems(page: Page): Promise<string[]> {
  const source = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");
  // Evaluated through the DevTools protocol, which the app's content security policy allows.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
          ) => Promise<{ violations: { id: string; impact: string; help: string }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
  });
}

/** Activates a link or button from the keyboard. */
export const follow = (control: Locator) => control.press("Enter");

/** Opens one of the plan's views (Plan, Traceability matrix, …, Export) from its navigation. */
export const view = (page: Page, name: string) =>
  follow(page.getByRole("navigation", { name: "Views of the plan" }).getByRole("link", { name }));
