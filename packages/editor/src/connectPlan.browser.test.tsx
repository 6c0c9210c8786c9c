import { parsePlan, PLAN_FRAGMENT_NAME, yDocToPlan } from "@ehcp/schema";
import { afterEach, describe, expect, inject, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { userEvent } from "vitest/browser";
import * as Y from "yjs";
import { AWARENESS_INTERVAL_MS, UPDATE_BATCH_MS } from "./BatchedProvider.js";
import { SAVED_SETTLE_MS } from "./useSaveAnnouncement.js";
import { connectPlan, type EditRefusal, type PlanConnection } from "./connectPlan.js";
import { clearLocalCopies } from "./localCopy.js";
import {
  closeAll,
  connectAs,
  connectWithSpoilableToken,
  mountWorkspace,
  sharePlan,
  until,
} from "../test/sharedPlan.js";
import "./styles.css";

const good = parsePlan(examplePlan("plan-good.json"));
afterEach(closeAll);

/** A section's element in a plan's Yjs document. */
const sectionOf = (doc: Y.Doc, name: string) =>
  doc
    .getXmlFragment(PLAN_FRAGMENT_NAME)
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === name) as Y.XmlElement;

/** The first run of text in a section, as a writer's caret would find it. */
function firstText(element: Y.XmlElement): Y.XmlText {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return undefined as unknown as Y.XmlText;
}

describe("connectPlan", () => {
  it("undoes only a refused change: what the writer typed after it elsewhere reaches everyone", async () => {
    const name = `plan-refused-kept-${Date.now()}`;
    const writer = await sharePlan(good, name);
    const refusals: { refusal: EditRefusal; next: PlanConnection }[] = [];
    const health = connectPlan({
      url: inject("collabUrl"),
      planId: name,
      token: inject("tokens").health as string,
      localCopy: false,
      onRefused: (refusal, next) => refusals.push({ refusal, next }),
    });
    await health.synced;
    await until(() => sectionOf(health.document, "sectionC") !== undefined, "the plan");
    // A client past the editor's guard deletes a provision in F (health may not), and the writer
    // goes on typing in C (which health may change) before the server has answered: both go
    // in one message, which the server refuses whole. (Made apart, the typing in C could go in
    // the next batch, after the refusal or before it, by the machine's timing.)
    health.document.transact(() => {
      sectionOf(health.document, "sectionF").delete(0, 1);
      firstText(sectionOf(health.document, "sectionC")).insert(0, "Kept after the refusal. ");
    });
    await until(() => refusals.length > 0, "the refusal");
    const [{ refusal, next }] = refusals as [{ refusal: EditRefusal; next: PlanConnection }];
    expect(refusal).toEqual({
      parts: ["F"],
      reason: "health may not change section F",
      kept: ["C"],
    });
    // The fresh document has the server's F and the writer's C, and sends C as its own change.
    expect(yDocToPlan(next.document).sections.F.provisions).toHaveLength(
      good.sections.F.provisions.length,
    );
    expect(firstText(sectionOf(next.document, "sectionC")).toString()).toMatch(
      /^Kept after the refusal\. /,
    );
    await until(() => next.status.state === "saved", "the carried change to be saved");
    await until(
      () => firstText(sectionOf(writer.document, "sectionC")).toString().startsWith("Kept after"),
      "the caseworker to see it",
    );
    expect(yDocToPlan(writer.document).sections.F.provisions).toHaveLength(
      good.sections.F.provisions.length,
    );
    // Whatever embeds the editor, the writer is told which change went and why.
    const { container } = await mountWorkspace({
      document: next.document,
      provider: next.provider,
      user: { id: "user-health", name: "A health", role: "health", color: "#047857" },
    });
    expect(container.querySelector(".ehcp-refused")?.textContent).toBe(
      "The server refused an edit to section F: health may not change section F. That change has been undone; what you wrote in section C is kept.",
    );
    expect(container.querySelector(".ehcp-refused")?.getAttribute("role")).toBe("status");
    next.destroy();
  });

  it("keeps the writer's work in every section when a refusal names none, and says so", async () => {
    const name = `plan-refused-unnamed-${Date.now()}`;
    const writer = await sharePlan(good, name);
    const refusals: { refusal: EditRefusal; next: PlanConnection }[] = [];
    const health = connectPlan({
      url: inject("collabUrl"),
      planId: name,
      token: inject("tokens").health as string,
      localCopy: false,
      onRefused: (refusal, next) => refusals.push({ refusal, next }),
    });
    await health.synced;
    firstText(sectionOf(writer.document, "sectionC")).insert(0, "The caseworker's. ");
    await until(
      () => firstText(sectionOf(health.document, "sectionC")).toString().startsWith("The case"),
      "the caseworker's change",
    );
    // Typing under a client id the server has bound to someone else (as a Yjs clash, or a page
    // that outran its ids, gives): the server cannot say which section, and refuses it whole.
    health.document.clientID = writer.document.clientID;
    firstText(sectionOf(health.document, "sectionC")).insert(0, "Kept though no section named. ");
    await until(() => refusals.length > 0, "the refusal");
    const [{ refusal, next }] = refusals as [{ refusal: EditRefusal; next: PlanConnection }];
    expect(refusal.parts).toBeNull();
    expect(refusal.kept).toEqual(["C"]);
    await until(() => next.status.state === "saved", "the carried change to be saved");
    await until(
      () =>
        firstText(sectionOf(writer.document, "sectionC"))
          .toString()
          .startsWith("Kept though no section named. The caseworker's. "),
      "the caseworker to see it",
    );
    const { container } = await mountWorkspace({
      document: next.document,
      provider: next.provider,
      user: { id: "user-health", name: "A health", role: "health", color: "#047857" },
    });
    expect(container.querySelector(".ehcp-refused")?.textContent).toBe(
      `The server refused an edit: ${refusal.reason}. What you wrote in section C has been sent again.`,
    );
    next.destroy();
  });

  it("shows Saving… and Saved as they come, and tells screen readers only Saved once typing pauses, Offline and Cannot save at once", async () => {
    const name = `plan-status-${Date.now()}`;
    await sharePlan(good, name);
    const { writer, refuseToken, restoreToken } = await connectWithSpoilableToken(name);
    const { container, editor } = await mountWorkspace({
      document: writer.document,
      provider: writer.provider,
      user: { id: "user-caseworker", name: "A caseworker", role: "caseworker", color: "#1d4ed8" },
    });
    const status = container.querySelector<HTMLElement>(".ehcp-save-status") as HTMLElement;
    const polite = container.querySelector<HTMLElement>('[data-announce="polite"]') as HTMLElement;
    const urgent = container.querySelector<HTMLElement>(
      '[data-announce="assertive"]',
    ) as HTMLElement;
    expect(polite.getAttribute("role")).toBe("status");
    expect(polite.getAttribute("aria-live")).toBe("polite");
    expect(urgent.getAttribute("role")).toBe("alert");
    // What is shown is not itself read out on each change.
    expect(status.closest("[aria-live], [role=status], [role=alert]")).toBeNull();
    await until(() => polite.textContent === "Saved", "Saved announced once the plan is stored");

    // What was shown, and what a screen reader would have read out, in order.
    const shown: string[] = [];
    const readOut: string[] = [];
    let lastSavingAt = 0;
    let firstReadAt = 0;
    const observer = new MutationObserver((records) => {
      if (shown.at(-1) !== status.textContent) shown.push(status.textContent ?? "");
      if (status.textContent === "Saving…") lastSavingAt = performance.now();
      // A live region reads out what is added to it, so only a region that changed counts.
      for (const region of [polite, urgent]) {
        if (!records.some((record) => region.contains(record.target))) continue;
        const text = region.textContent ?? "";
        if (text) readOut.push(text);
        if (text && !firstReadAt) firstReadAt = performance.now();
      }
    });
    for (const node of [status, polite, urgent]) {
      observer.observe(node, { childList: true, characterData: true, subtree: true });
    }
    const field = () =>
      container.querySelector<HTMLElement>(
        '[data-section="F"] [data-field="provisionDeliveredBy"] .ehcp-field-content',
      );
    await until(() => field() !== null, "the plan on screen");
    await userEvent.click(field() as HTMLElement);
    editor.commands.setTextSelection(editor.state.selection.$from.end());
    // Typing with short pauses, as in a meeting: the status flips with each batch.
    for (const words of [" and a teaching", " assistant", " for 20 minutes", " each day"]) {
      await userEvent.keyboard(words);
      await new Promise((r) => setTimeout(r, SAVED_SETTLE_MS / 4));
    }
    await until(() => status.textContent === "Saved", "Saved shown");
    await until(() => readOut.length > 0, "Saved read out once typing paused");
    expect(shown.filter((s) => s === "Saving…").length).toBeGreaterThan(1);
    // Nothing while typing: "Saved" alone, once it had held for the settling time.
    expect(readOut).toEqual(["Saved"]);
    expect(firstReadAt - lastSavingAt).toBeGreaterThanOrEqual(SAVED_SETTLE_MS - 50);

    // Offline: said at once, not after a pause.
    writer.provider.configuration.websocketProvider.disconnect();
    await until(() => status.textContent?.startsWith("Offline") === true, "Offline shown");
    const offlineAt = performance.now();
    await until(() => polite.textContent?.startsWith("Offline") === true, "Offline read out");
    expect(performance.now() - offlineAt).toBeLessThan(SAVED_SETTLE_MS / 2);
    await userEvent.keyboard(" (typed offline)");
    void writer.provider.configuration.websocketProvider.connect();
    await until(() => status.textContent === "Saved", "Saved shown again");
    await until(() => polite.textContent === "Saved", "Saved read out again");

    // A failure to save: said at once, over whatever else is being read.
    refuseToken();
    await until(() => status.textContent?.startsWith("Cannot save") === true, "Cannot save shown");
    const failedAt = performance.now();
    await until(
      () => urgent.textContent?.startsWith("Cannot save") === true,
      "Cannot save read out",
    );
    expect(performance.now() - failedAt).toBeLessThan(SAVED_SETTLE_MS / 2);
    restoreToken();
    await until(() => status.textContent === "Saved", "Saved after the fresh sign-in");
    observer.disconnect();
    expect(readOut).toEqual([
      "Saved",
      "Offline – your changes are kept in this window until the connection returns: do not close it",
      "Saved",
      expect.stringMatching(
        /^Cannot save – the server stopped taking changes \(the token is not valid/,
      ),
    ]);
    await until(() => polite.textContent === "Saved", "Saved read out after the failure");
    writer.destroy();
    const other = await connectAs(name, "health");
    expect(yDocToPlan(other.document).sections.F.provisions[0]?.deliveredBy).toMatch(
      / and a teaching assistant for 20 minutes each day \(typed offline\)$/,
    );
  });

  it("sends typing in batches: 80 keystrokes a second go as a few messages a second", async () => {
    const name = `plan-batching-${Date.now()}`;
    const writer = await sharePlan(good, name);
    await until(() => !writer.provider.hasUnsyncedChanges, "the plan stored");
    let sent = 0;
    writer.provider.on("outgoingMessage", () => (sent += 1));
    const text = firstText(sectionOf(writer.document, "sectionF"));
    const keystrokes = 160;
    const started = performance.now();
    for (let i = 0; i < keystrokes; i++) {
      text.insert(0, "x");
      writer.provider.awareness?.setLocalStateField("section", i % 2 ? "F" : "E");
      await new Promise((r) => setTimeout(r, 12.5));
    }
    const seconds = (performance.now() - started) / 1000;
    await until(() => writer.status.state === "saved", "everything saved");
    // Two seconds of typing: about 50 batches of text and 8 of carets, not the 320 messages a
    // stock provider sends. Batches are timed, so a busy machine that types slower sends more of
    // them, but never more than a batch and a caret per window: a quarter of the server's limit.
    expect(sent).toBeLessThan(keystrokes / 2);
    expect(sent / seconds).toBeLessThan(1000 / UPDATE_BATCH_MS + 1000 / AWARENESS_INTERVAL_MS + 2);
    const reader = await connectAs(name, "health");
    expect(firstText(sectionOf(reader.document, "sectionF")).toString()).toMatch(/^x{160}/);
  });

  it("says why it cannot save when the token is refused, and reconnects by itself with a renewed one", async () => {
    const name = `plan-token-${Date.now()}`;
    const writer = await sharePlan(good, name);
    await until(() => writer.status.state === "saved", "the plan stored");
    const url = inject("collabUrl");
    const expired = connectPlan({
      url,
      planId: name,
      token: inject("tokens").expired as string,
      localCopy: false,
    });
    await until(() => expired.status.state === "cannot-save", "the refusal");
    expect(expired.status.message).toMatch(
      /^Cannot save – the token has expired: sign in again; trying again in \d+ s; your changes are kept in this window/,
    );
    expired.destroy();

    let asked = 0;
    const renewed = connectPlan({
      url,
      planId: name,
      token: inject("tokens").expired as string,
      localCopy: false,
      renewToken: () => {
        asked += 1;
        return inject("tokens").caseworker as string;
      },
    });
    await renewed.synced;
    await until(() => renewed.status.state === "saved", "Saved");
    expect(asked).toBe(1);
    expect(yDocToPlan(renewed.document).sections.F.provisions).toHaveLength(
      good.sections.F.provisions.length,
    );
    renewed.destroy();
  });

  it("when the server ends the connection, says why, reconnects by itself and saves what was typed meanwhile", async () => {
    const name = `plan-closed-${Date.now()}`;
    await sharePlan(good, name);
    const { writer, refuseToken, restoreToken } = await connectWithSpoilableToken(name);
    await until(() => writer.status.state === "saved", "Saved");
    const seen: string[] = [];
    writer.onStatus((status) => seen.push(status.message));
    // The server ends the connection on a socket that stays open.
    refuseToken();
    await until(() => writer.status.state === "cannot-save", "Cannot save");
    const text = firstText(sectionOf(writer.document, "sectionF"));
    text.insert(0, "Typed while refused. ");
    restoreToken();
    await until(() => writer.status.state === "saved", "Saved again");
    expect(seen[0]).toMatch(
      /^Cannot save – the server stopped taking changes \(the token is not valid/,
    );
    const reader = await connectAs(name, "health");
    expect(firstText(sectionOf(reader.document, "sectionF")).toString()).toMatch(
      /^Typed while refused\. /,
    );
    writer.destroy();
  });

  it("deletes the browser's copy of a plan closed with everything saved, unless another tab still uses it", async () => {
    const name = `plan-copies-${Date.now()}`;
    await sharePlan(good, name);
    const health = inject("tokens").health as string;
    const copies = async () => (await indexedDB.databases()).map((d) => d.name);
    const copy = `ehcp-plan:user-health:${name}`;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    const alone = connectPlan({ url: inject("collabUrl"), planId: name, token: health });
    await alone.synced;
    await until(() => alone.status.state === "saved", "Saved");
    expect(await copies()).toContain(copy);
    alone.destroy();
    await sleep(500);
    expect(await copies()).not.toContain(copy);

    const tabA = connectPlan({ url: inject("collabUrl"), planId: name, token: health });
    await tabA.synced;
    await until(() => tabA.status.state === "saved", "Saved");
    // Tab B, whose Wi-Fi is down, reads the same copy and types into it.
    const offline = "ws://127.0.0.1:9";
    const tabB = connectPlan({ url: offline, planId: name, token: health });
    await tabB.loaded;
    await until(() => sectionOf(tabB.document, "sectionC") !== undefined, "the kept plan");
    firstText(sectionOf(tabB.document, "sectionC")).insert(0, "Unsaved in tab B. ");
    await sleep(300);
    tabA.destroy(); // with everything saved, but tab B still has the plan open
    await sleep(300);
    tabB.destroy(); // with something unsaved: kept
    await sleep(300);
    const tabC = connectPlan({ url: offline, planId: name, token: health });
    await tabC.loaded;
    expect(firstText(sectionOf(tabC.document, "sectionC")).toString()).toMatch(
      /^Unsaved in tab B\. /,
    );
    tabC.destroy();
    await clearLocalCopies();
    expect(await copies()).not.toContain(copy);
  });
});
