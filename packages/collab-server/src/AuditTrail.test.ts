import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AuditTrail } from "./AuditTrail.js";
import { SqliteDocumentStore } from "./store/SqliteDocumentStore.js";

const dir = mkdtempSync(join(tmpdir(), "ehcp-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("AuditTrail", () => {
  it("coalesces each user's changes per minute and writes an entry once its minute is over", async () => {
    const store = new SqliteDocumentStore(join(dir, "audit.sqlite"));
    let now = Date.parse("2026-11-22T15:04:10Z");
    const audit = new AuditTrail(store, () => now);
    const school = { id: "u-school", role: "school" };
    const health = { id: "u-health", role: "health" };
    audit.record("plan-1", school, ["F"], ["prov-1"]);
    now += 20_000;
    audit.record("plan-1", school, ["F"], ["prov-2"]);
    audit.record("plan-1", health, ["G"], ["prov-9"]);
    await audit.flush();
    // Nothing written while the minute is still going on, but the entries can be read.
    expect(await store.listAudit("plan-1")).toEqual([]);
    expect(audit.pending("plan-1")).toHaveLength(2);

    now = Date.parse("2026-11-22T15:05:01Z");
    audit.record("plan-1", school, ["E"], ["out-1"]);
    await audit.flush();
    expect(await store.listAudit("plan-1")).toEqual([
      {
        user: school,
        minute: "2026-11-22T15:04:00.000Z",
        parts: ["F"],
        items: ["prov-1", "prov-2"],
        changes: 2,
      },
      {
        user: health,
        minute: "2026-11-22T15:04:00.000Z",
        parts: ["G"],
        items: ["prov-9"],
        changes: 1,
      },
    ]);
    expect(audit.pending("plan-1")).toEqual([
      expect.objectContaining({ minute: "2026-11-22T15:05:00.000Z", parts: ["E"] }),
    ]);
    await audit.flush("plan-1", true);
    expect(await store.listAudit("plan-1")).toHaveLength(3);
    expect(audit.pending("plan-1")).toEqual([]);
    await store.close();
  });

  it("keeps refused edits beside accepted ones: who, the minute, the kind and the parts, counted", async () => {
    const store = new SqliteDocumentStore(join(dir, "refusals.sqlite"));
    const now = Date.parse("2026-11-22T15:04:10Z");
    const audit = new AuditTrail(store, () => now);
    const parent = { id: "u-parent", role: "parent" };
    audit.refuse("plan-1", parent, "role", ["F"]);
    audit.refuse("plan-1", parent, "role", ["F"]);
    audit.refuse("plan-1", parent, "pending");
    audit.record("plan-1", parent, ["A"], ["a-about"]);
    await audit.flush("plan-1", true);
    expect(await store.listAudit("plan-1")).toEqual([
      {
        user: parent,
        minute: "2026-11-22T15:04:00.000Z",
        parts: ["A"],
        items: ["a-about"],
        changes: 1,
        refused: [
          { reason: "role", parts: ["F"], count: 2 },
          { reason: "pending", parts: [], count: 1 },
        ],
      },
    ]);
    await store.close();
  });
});
