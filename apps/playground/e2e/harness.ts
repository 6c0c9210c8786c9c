import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CollabServer, createCollabServer } from "@ehcp/collab-server";
import { type Plan, parsePlanJson } from "@ehcp/schema";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@ehcp/fixtures/chromium";

export const app = fileURLToPath(new URL("..", import.meta.url));
// The tests' own plans, kept apart from the example plans the app is seeded with.
export const examples = join(app, "e2e", "plans");
/** Where the journeys leave their screenshots, to be looked at. */
export const screenshots = join(app, "screenshots");

/** An example plan of the playground's, as it is stored on first start. */
export const examplePlan = (name: string): Plan =>
  parsePlanJson(readFileSync(join(examples, `${name}.json`), "utf8"));

/** The app as `npm start` serves it: built, then served by the collaboration server. */
export interface Playground {
  readonly url: string;
  readonly browser: Browser;
  stop(): Promise<void>;
}

/** Builds the app with Vite, into its dist/ or into `outDir`. */
export async function buildApp(outDir?: string): Promise<void> {
  await build({
    root: app,
    logLevel: "error",
    configFile: join(app, "vite.config.ts"),
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
  });
}

/** The machine's Chromium, as every end-to-end test drives it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/**
 * A browser context that waits as a patient user would: a minute, not Playwright's 30 s, for a
 * peer's words or a check to show. CI shares two cores between three browsers, the server and
 * the checker, and a wait that times out there says nothing about the product (speed is in the
 * benchmarks).
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(60_000);
  return context;
}

export async function startPlayground(seed: readonly Plan[]): Promise<Playground> {
  await buildApp();
  const dir = mkdtempSync(join(tmpdir(), "ehcp-playground-"));
  const server: CollabServer = createCollabServer({
    port: 0,
    db: join(dir, "plans.sqlite"),
    signIn: { developmentSignIn: true },
    app: join(app, "dist"),
    seed: [...seed],
  });
  const url = (await server.start()).replace(/^ws/, "http");
  const browser = await launchChromium();
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

/** A test file's playground, with a folder of its own for what the browser downloads. */
export interface PlaygroundRun extends Playground {
  readonly downloads: string;
}

/**
 * The playground for the tests of one file: started with `seed` before them (the screenshots'
 * folder made, a temporary folder for downloads), stopped and cleared after them. Read its
 * fields only inside a test or a hook.
 */
export function usePlayground(seed: readonly Plan[]): PlaygroundRun {
  let started: Playground | undefined;
  let downloads: string | undefined;
  beforeAll(async () => {
    started = await startPlayground(seed);
    downloads = mkdtempSync(join(tmpdir(), "ehcp-e2e-downloads-"));
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await started?.stop();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });
  const ready = () => {
    if (!started || !downloads) throw new Error("the playground has not started yet");
    return { ...started, downloads };
  };
  return {
    get url() {
      return ready().url;
    },
    get browser() {
      return ready().browser;
    },
    get downloads() {
      return ready().downloads;
    },
    stop: () => ready().stop(),
  };
}

/** Signs in on the sign-in page under a name and a role, and waits for the caseload. */
export async function signIn(page: Page, name: string, role: string): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Your role").selectOption(role);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Caseload" }).waitFor();
}

/** The sign-in page, in a browser context of its own. */
export async function signInPage(playground: Playground, width = 1400): Promise<Page> {
  const context = await newContext(playground.browser, {
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
  await signIn(page, name, role);
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

/** What axe finds on the screen at a desktop's 1,400 px and a tablet's 768 px. */
export async function axeAtBothWidths(page: Page): Promise<string[]> {
  const found = await axeProblems(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  found.push(...(await axeProblems(page)).map((problem) => `at 768 px: ${problem}`));
  await page.setViewportSize({ width: 1400, height: 900 });
  return found;
}

/**
 * Resolves once the server's stored copy of plan `id`, read through its API with the page's own
 * sign-in, holds `text`: what a page typed may take a moment to be stored on a busy machine.
 */
export async function serverHas(page: Page, id: string, text: string, timeout = 60_000) {
  // Not `page.waitForFunction`: it takes the Promise an async predicate returns as truthy at once,
  // so a wait written with it passed before the server had anything.
  const until = Date.now() + timeout;
  for (;;) {
    const has = await page.evaluate(
      async ([planId, wanted]) => {
        const stored = sessionStorage.getItem("ehcp-playground-session") ?? "{}";
        const { token } = JSON.parse(stored) as { token?: string };
        try {
          const response = await fetch(`/plans/${encodeURIComponent(planId)}`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          return response.ok && (await response.text()).includes(wanted);
        } catch {
          // Offline, or the server restarting: asked again.
          return false;
        }
      },
      [id, text] as const,
    );
    if (has) return;
    if (Date.now() > until) {
      throw new Error(`the server's copy of ${id} did not hold “${text}” within ${timeout} ms`);
    }
    await page.waitForTimeout(100);
  }
}
