import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as WorkerThreads from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { SqliteDocumentStore } from "./SqliteDocumentStore.js";

// The store's threads, as it starts them, so that a test can end one the way a crash would.
const threads = vi.hoisted(() => [] as WorkerThreads.Worker[]);
vi.mock("node:worker_threads", async (original) => {
  const actual = await original<typeof WorkerThreads>();
  class Recorded extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      threads.push(this);
    }
  }
  return { ...actual, Worker: Recorded };
});

const dir = mkdtempSync(join(tmpdir(), "ehcp-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typedUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (const ch of "abc") doc.getText("t").insert(doc.getText("t").length, ch);
  return updates;
}

const settled = (promise: Promise<unknown>) =>
  promise.then(
    () => "saved",
    (error: Error) => `not saved: ${error.message}`,
  );

describe("SQLite store off the event loop", () => {
  it("tells the writer an update was not saved while another program holds the file, and saves again once it lets go", async () => {
    const file = join(dir, "locked.sqlite");
    const store = new SqliteDocumentStore(file);
    const [a, b] = typedUpdates() as [Uint8Array, Uint8Array];
    await store.append("doc", a);
    const other = new Database(file);
    other.exec("BEGIN EXCLUSIVE");
    // SQLite waits for the lock (five seconds), then gives up: the append fails, it is not lost
    // silently. Meanwhile the event loop runs (before, the wait was inside the commit, on it).
    const happened: string[] = [];
    const appended = settled(store.append("doc", b)).then((outcome) => {
      happened.push("append answered");
      return outcome;
    });
    setTimeout(() => happened.push("a timer of 50 ms"), 50);
    expect(await appended).toBe("not saved: database is locked");
    expect(happened).toEqual(["a timer of 50 ms", "append answered"]);
    other.exec("ROLLBACK");
    other.close();
    expect(await settled(store.append("doc", b))).toBe("saved");
    expect((await store.load("doc")).updates).toEqual([a, b]);
    await store.close();
  });

  it("tells each writer whose commit was under way that it was not saved when the store's thread dies, and carries on in a new one", async () => {
    const store = new SqliteDocumentStore(join(dir, "crash.sqlite"), { groupCommitMs: 1_000 });
    const [a, b, c] = typedUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    await store.load("doc");
    const thread = threads.at(-1) as WorkerThreads.Worker;
    const waiting = [store.append("doc", a), store.append("doc", b)].map(settled);
    // The thread is told to end, then another request sends the group to it ahead of itself:
    // the group reaches a thread that never answers. (Ending a thread in the middle of a failing
    // statement takes the whole process down in better-sqlite3, so it is not done here.)
    const ended = thread.terminate();
    const listed = settled(store.list());
    await ended;
    expect(await Promise.all(waiting)).toEqual([
      "not saved: the SQLite store's thread stopped (exit code 1); not saved",
      "not saved: the SQLite store's thread stopped (exit code 1); not saved",
    ]);
    expect(await listed).toMatch(/^not saved/);
    expect(await settled(store.append("doc", c))).toBe("saved");
    expect(threads.at(-1)).not.toBe(thread);
    expect((await store.load("doc")).updates).toEqual([c]);
    await store.close();
  });

  it("keeps what waits for its group when the thread dies before it is sent: it goes to the next thread", async () => {
    const store = new SqliteDocumentStore(join(dir, "crash-before.sqlite"), {
      groupCommitMs: 200,
    });
    const [a, b] = typedUpdates() as [Uint8Array, Uint8Array];
    await store.load("doc");
    const thread = threads.at(-1) as WorkerThreads.Worker;
    const waiting = [store.append("doc", a), store.append("doc", b)].map(settled);
    await thread.terminate();
    expect(await Promise.all(waiting)).toEqual(["saved", "saved"]);
    expect((await store.load("doc")).updates).toEqual([a, b]);
    await store.close();
  });

  it("refuses a file that is not a database when it is opened, naming the problem", () => {
    const file = join(dir, "not-a-database.sqlite");
    writeFileSync(file, "Plans are kept elsewhere. ".repeat(200));
    expect(() => new SqliteDocumentStore(file)).toThrow("file is not a database");
  });
});
