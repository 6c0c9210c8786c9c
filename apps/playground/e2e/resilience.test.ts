import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { connect as tcp } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  newContext,
  buildApp,
  examplePlan,
  examples,
  launchChromium,
  openPlan,
  screenshots,
  serverHas,
  signIn,
} from "./harness.js";

// The playground as a council laptop on poor Wi-Fi meets it: the page is served from one place
// (here a small front server in this process, which also relays the API and the WebSocket), and
// the collaboration server (`ehcp serve`, a real process) goes away and comes back behind it.
const bin = fileURLToPath(new URL("../../../packages/cli/bin/ehcp.js", import.meta.url));
const shots = process.env.EHCP_SHOTS ?? screenshots;
const robin = examplePlan("robin-castell");
const maya = examplePlan("maya-okoro");

let dir: string;
let site: string;
let front: Server;
let backend: { child: ChildProcess; port: number } | null = null;
let browser: Browser;
/** When set, the front answers no page either: the app and the server are one process. */
let appDown = false;
/** When set, a WebSocket opened while the server is down waits for it (a slow network). */
let holdSockets = false;
/** For how long a new WebSocket hears nothing more from the server after signing in (slow). */
let slowRepliesMs = 0;

/** Starts `ehcp serve` on the test's data folder; resolves once it listens. */
async function startBackend(): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      bin,
      "serve",
      "--port",
      "0",
      "--db",
      join(dir, "data", "ehcp.sqlite"),
      "--dev-sign-in",
      "--seed",
      examples,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("exit", () => reject(new Error(`ehcp serve exited: ${output}`)));
  });
  backend = { child, port };
}

/** Kills the collaboration server at once, as a power cut or a crash would. */
async function killBackend(): Promise<void> {
  const child = backend?.child;
  backend = null;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** The built app from `site`; the API and the WebSocket relayed to the server, when it is up. */
function startFront(): Promise<string> {
  front = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://front").pathname;
    if (/^\/(plans|dev|healthz)(\/|$)/.test(path)) {
      if (!backend) {
        res.writeHead(502, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "the server cannot be reached" }));
        return;
      }
      const upstream = request(
        {
          host: "127.0.0.1",
          port: backend.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    if (appDown) {
      res.socket?.destroy();
      return;
    }
    const file = join(site, normalize(path === "/" ? "/index.html" : path));
    readFile(file).then(
      (body) => {
        res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  front.on("upgrade", async (req, socket, head) => {
    while (!backend && holdSockets) await new Promise((r) => setTimeout(r, 50));
    if (!backend) {
      socket.destroy();
      return;
    }
    const upstream = tcp(backend.port, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream);
      // With `slowRepliesMs`, what the server sends after its first answer (the sign-in's)
      // waits that long: the page is signed in and shows its presence, but hears the plan late.
      const slow = slowRepliesMs;
      const held: Buffer[] = [];
      let first = true;
      let quietUntil = 0;
      const release = () => {
        for (const chunk of held.splice(0)) socket.write(chunk);
      };
      upstream.on("data", (chunk: Buffer) => {
        if (first && slow > 0) {
          first = false;
          quietUntil = Date.now() + slow;
          setTimeout(release, slow);
          socket.write(chunk);
        } else if (Date.now() < quietUntil) held.push(chunk);
        else {
          release();
          socket.write(chunk);
        }
      });
    });
    upstream.on("error", () => socket.destroy());
    upstream.on("close", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
    socket.on("close", () => upstream.destroy());
  });
  return new Promise((resolve) =>
    front.listen(0, "127.0.0.1", () => {
      const address = front.address() as { port: number };
      resolve(`http://127.0.0.1:${address.port}`);
    }),
  );
}

let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ehcp-resilience-"));
  site = join(dir, "site");
  // Built into a folder of its own, so the other end-to-end file's build is not disturbed.
  await buildApp(site);
  await startBackend();
  url = await startFront();
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await killBackend();
  await new Promise((resolve) => front?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

declare global {
  interface Window {
    /** Each text the save status showed, in order (see `person`). */
    ehcpStatuses: string[];
  }
}

/**
 * A person in their own browser, signed in; counts the WebSocket closes the page sees. With
 * `indexedDb: false`, a browser that has no IndexedDB (some locked-down council builds).
 */
async function person(name: string, role: string, { indexedDb = true } = {}) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  if (!indexedDb) {
    await context.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    });
  }
  await context.addInitScript(() => {
    window.ehcpStatuses = [];
    const record = () => {
      const text = document.querySelector(".ehcp-save-status")?.textContent;
      if (text && window.ehcpStatuses.at(-1) !== text) window.ehcpStatuses.push(text);
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${name}] ${error.message}`));
  const socket = { closes: 0, sent: 0 };
  page.on("websocket", (ws) => {
    ws.on("framesent", () => (socket.sent += 1));
    ws.on("close", () => (socket.closes += 1));
  });
  await page.goto(url);
  await signIn(page, name, role);
  return { page, socket };
}

const status = (page: Page) => page.locator(".ehcp-save-status");

/** Puts the caret at the end of a field's text. */
async function caretAtEnd(page: Page, selector: string) {
  await page.locator(selector).first().click();
  await page.keyboard.press("End");
}

const F1_WHO = '[data-section="F"] [data-field="provisionDeliveredBy"] .ehcp-field-content';
const C1_TITLE = '[data-section="C"] [data-field="needTitle"] .ehcp-field-content';

/** Types `text` at `perSecond` characters a second, in bursts of a tenth of a second. */
async function typeAt(page: Page, text: string, perSecond: number) {
  const started = Date.now();
  const burst = Math.max(1, Math.round(perSecond / 10));
  for (let i = 0; i < text.length; i += burst) {
    await page.keyboard.type(text.slice(i, i + burst));
    const due = started + ((i + burst) / perSecond) * 1000;
    await page.waitForTimeout(Math.max(0, due - Date.now()));
  }
  return Date.now() - started;
}

/** Words a writer might dictate, `length` characters of them. */
const words = (length: number, seed: string) =>
  `${seed} `
    .concat("attends a weekly session with the speech and language therapist, ".repeat(20))
    .slice(0, length);

describe("the playground, when the connection is poor", () => {
  it("keeps every character of 10 s of typing at 80 a second, on one connection", async () => {
    const { page, socket } = await person("Alex Morgan", "caseworker");
    await openPlan(page, robin.meta.child.fullName);
    await status(page).getByText("Saved", { exact: true }).waitFor();
    await caretAtEnd(page, F1_WHO);
    const sentBefore = socket.sent;
    const typed = words(800, " Dictated:");
    const took = await typeAt(page, typed, 80);
    // A busy machine types slower than asked (Chromium takes each burst in its turn: with the
    // other end-to-end file beside it on two cores it took 20 s, and 91 s with the two cores
    // shared ten ways), hence the long timeout; the figure is logged.
    console.log(`typed ${typed.length} characters in ${took} ms`);
    await status(page).getByText("Saved", { exact: true }).waitFor({ timeout: 30_000 });
    await serverHas(page, robin.id, typed.trim());
    expect(socket.closes).toBe(0);
    const statuses = await page.evaluate(() => window.ehcpStatuses);
    expect(statuses.filter((s) => !["Saved", "Saving…"].includes(s))).toEqual([]);
    // Batched: one message per batch of keystrokes and a few carets a second, where a stock
    // provider sends two messages a keystroke. Batches are timed, so a machine that types slower
    // than asked sends more of them per keystroke; per second of typing they stay few.
    const sent = socket.sent - sentBefore;
    const perKeystroke = sent / typed.length;
    const perSecond = sent / (took / 1000);
    console.log(
      `messages sent while typing 80 a second: ${perKeystroke.toFixed(3)} a keystroke, ${perSecond.toFixed(1)} a second`,
    );
    // At most one message a keystroke or a batch every 40 ms, whichever is fewer, and a caret
    // every 250 ms: at 80 a second, 0.37 a keystroke and 29 a second, under a third of the
    // server's 100, where a stock provider sends 2 a keystroke.
    const seconds = took / 1000;
    expect(sent).toBeLessThanOrEqual(
      Math.min(typed.length, seconds * 25 + 1) + Math.ceil(seconds * 4) + 5,
    );
    await page.screenshot({ path: join(shots, "status-saved.png") });
    await page.context().close();
  }, 180_000);

  it("keeps typing through a killed server and a restart: everything reaches the server and a second writer", async () => {
    const { page } = await person("Alex Morgan", "caseworker");
    await openPlan(page, maya.meta.child.fullName);
    await status(page).getByText("Saved", { exact: true }).waitFor();
    await caretAtEnd(page, F1_WHO);
    const before = words(80, " Before the crash:");
    await typeAt(page, before, 40);
    const killed = killBackend();
    const during = words(400, " While it was down:");
    await typeAt(page, during, 40);
    await killed;
    await status(page)
      .getByText(/^Offline – your changes are kept on this device/)
      .waitFor();
    await page.screenshot({ path: join(shots, "status-offline.png") });
    await startBackend();
    await status(page).getByText("Saved", { exact: true }).waitFor({ timeout: 30_000 });
    await serverHas(page, maya.id, `${before}${during}`.trim());
    const statuses = await page.evaluate(() => window.ehcpStatuses);
    const offline = statuses.findIndex((s) => s.startsWith("Offline"));
    expect(offline).toBeGreaterThan(-1);
    expect(statuses.at(-1)).toBe("Saved");

    const second = await person("Dr Priya Shah", "health");
    await openPlan(second.page, maya.meta.child.fullName);
    await second.page.waitForFunction(
      (text) => document.querySelector(".ehcp-editor")?.textContent?.includes(text),
      `${before}${during}`.trim(),
    );
    await page.context().close();
    await second.page.context().close();
  }, 120_000);

  it("merges two writers' work done offline, across a reload each, when the server returns after a minute", async () => {
    const caseworker = await person("Alex Morgan", "caseworker");
    const health = await person("Dr Priya Shah", "health");
    for (const { page } of [caseworker, health]) {
      await openPlan(page, robin.meta.child.fullName);
      await status(page).getByText("Saved", { exact: true }).waitFor();
    }
    await killBackend();
    const downAt = Date.now();
    const fromCaseworker = " offline words of the caseworker";
    const fromHealth = " offline words of the nurse";
    await caretAtEnd(caseworker.page, F1_WHO);
    await caseworker.page.keyboard.type(fromCaseworker);
    await caretAtEnd(health.page, C1_TITLE);
    await health.page.keyboard.type(fromHealth);
    for (const { page } of [caseworker, health]) {
      await status(page)
        .getByText(/^Offline/)
        .waitFor();
      // IndexedDB writes each change as it is made; give the last a moment to land.
      await page.waitForTimeout(500);
      await page.reload();
    }
    // Reloaded with no server: each page has its own work back from the browser.
    await caseworker.page.locator(F1_WHO).getByText(fromCaseworker.trim()).first().waitFor();
    await health.page.locator(C1_TITLE).getByText(fromHealth.trim()).first().waitFor();
    await health.page.screenshot({ path: join(shots, "status-offline-reloaded.png") });
    // Down for a minute, as a council laptop's Wi-Fi may be: the pages' retries have backed off
    // to their longest wait by then, and must still find the server soon after it returns.
    await health.page.waitForTimeout(Math.max(0, downAt + 60_000 - Date.now()));
    await startBackend();
    for (const { page } of [caseworker, health]) {
      await status(page).getByText("Saved", { exact: true }).waitFor({ timeout: 30_000 });
      for (const text of [fromCaseworker, fromHealth]) {
        await page.waitForFunction(
          (wanted) => document.querySelector(".ehcp-editor")?.textContent?.includes(wanted),
          text.trim(),
        );
      }
    }
    await serverHas(caseworker.page, robin.id, fromCaseworker.trim());
    await serverHas(caseworker.page, robin.id, fromHealth.trim());
    await caseworker.page.screenshot({ path: join(shots, "status-merged.png") });
    await caseworker.page.context().close();
    await health.page.context().close();
  }, 180_000);
  it("warns before the tab closes with changes the server does not have, when nothing is kept on the device", async () => {
    const { page } = await person("Alex Morgan", "caseworker", { indexedDb: false });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      // Stay on the page: the writer chose not to lose their changes.
      void dialog.dismiss();
    });
    await openPlan(page, robin.meta.child.fullName);
    await status(page).getByText("Saved", { exact: true }).waitFor();
    await caretAtEnd(page, F1_WHO);
    await page.keyboard.type(" saved before leaving");
    await status(page).getByText("Saved", { exact: true }).waitFor();
    await killBackend();
    const unsaved = " typed with the server away";
    await page.keyboard.type(unsaved);
    await status(page)
      .getByText(/^Offline – your changes are kept in this window until the connection returns/)
      .waitFor();
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(["beforeunload"]);
    // Still open, with the words on it; once the server has them, the tab closes without a word.
    expect(page.isClosed()).toBe(false);
    await page.locator(F1_WHO).getByText(unsaved.trim()).first().waitFor();
    await startBackend();
    await status(page).getByText("Saved", { exact: true }).waitFor({ timeout: 30_000 });
    await serverHas(page, robin.id, unsaved.trim());
    const closed = new Promise((resolve) => page.once("close", resolve));
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(dialogs).toEqual(["beforeunload"]);
    await page.context().close();
  }, 90_000);

  it("keeps what was typed through a SIGKILL and a reload that cannot load, with a second writer there", async () => {
    const caseworker = await person("Casey Worker", "caseworker");
    const health = await person("Hana Health", "health");
    for (const { page } of [caseworker, health]) {
      await openPlan(page, maya.meta.child.fullName);
      await status(page).getByText("Saved", { exact: true }).waitFor();
    }
    const { page } = caseworker;
    const planUrl = page.url();
    await caretAtEnd(page, F1_WHO);
    const before = words(240, " Typed before the crash:");
    const during = words(480, " Typed while it was down:");
    await typeAt(page, before, 80);
    // Killed mid-typing, as the same process serves the page: the reload cannot load it.
    const killed = killBackend();
    appDown = true;
    await typeAt(page, during, 80);
    await killed;
    await status(page)
      .getByText(/^Offline – your changes are kept on this device/)
      .waitFor();
    // IndexedDB writes each change as it is made; give the last a moment to land.
    await page.waitForTimeout(500);
    await page.reload().catch(() => {});
    await page.waitForURL(/^chrome-error:/);
    // The page comes back before the server does, on a slow network: its WebSocket waits for
    // the server, whose answers then take a while; the writer moves about the plan meanwhile,
    // so the page's presence reaches the server before what it kept from before the reload.
    appDown = false;
    holdSockets = true;
    await page.goto(planUrl);
    await page.locator(F1_WHO).getByText("Typed while it was down").first().waitFor();
    slowRepliesMs = 2_500;
    await startBackend();
    holdSockets = false;
    for (const selector of [C1_TITLE, F1_WHO, C1_TITLE, F1_WHO, C1_TITLE]) {
      await page.locator(selector).first().click();
      await page.waitForTimeout(300);
    }
    slowRepliesMs = 0;
    const typed = `${before}${during}`.trim();
    await status(page).getByText("Saved", { exact: true }).waitFor({ timeout: 30_000 });
    await serverHas(page, maya.id, typed);
    for (const { page: each } of [caseworker, health]) {
      await each.waitForFunction(
        (text) => document.querySelector(".ehcp-editor")?.textContent?.includes(text),
        typed,
        { timeout: 30_000 },
      );
    }
    expect(await page.locator(".ehcp-refused").count()).toBe(0);
    await page.context().close();
    await health.page.context().close();
  }, 150_000);
});
