import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan } from "@ehcp/quality";
import { parsePlan } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ehcp } from "../test/ehcp.js";
import { examplePlanPath } from "@ehcp/fixtures/node";
import { examplePlan } from "@ehcp/fixtures";

describe("ehcp check", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ehcp-check-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 on the good plan, which has no error", async () => {
    const result = await ehcp("check", examplePlanPath("plan-good.json"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^plan-good\.json: 0 errors, 0 warnings, \d+ for information\n/);
  });

  it("exits 1 on the poor plan and groups its findings by section, with labels", async () => {
    const result = await ehcp("check", examplePlanPath("plan-poor.json"));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^plan-poor\.json: 9 errors, \d+ warnings, \d+ for information\n/);
    const headings = result.out.split("\n").filter((l) => l.startsWith("Section "));
    expect(headings).toEqual([
      "Section A: Views, interests and aspirations",
      "Section B: Special educational needs",
      "Section C: Health needs",
      "Section D: Social care needs",
      "Section E: Outcomes",
      "Section F: Special educational provision",
      "Section G: Health provision",
      "Section I: Placement",
      "Section J: Personal budget",
      "Section K: Advice and information",
    ]);
    expect(result.out).toContain(
      "  error   provision-missing-who: F1 does not say who delivers it.",
    );
  });

  it("prints the findings array as JSON", async () => {
    const result = await ehcp("check", "--format", "json", examplePlanPath("plan-poor.json"));
    expect(result.code).toBe(1);
    const plan = parsePlan(examplePlan("plan-poor.json"));
    expect(JSON.parse(result.out)).toEqual(checkPlan(plan));
  });

  it("applies a council's settings, and names a wrong setting", async () => {
    const errorsToWarnings = Object.fromEntries(
      [
        "duplicate-id",
        "dangling-link",
        "placement-in-draft",
        "need-without-provision",
        "provision-hours-only",
        "provision-not-quantified",
        "provision-missing-who",
        "pfa-outcomes-missing",
      ].map((r) => [r, "warning"]),
    );
    const config = join(dir, "council.json");
    writeFileSync(config, JSON.stringify({ rules: errorsToWarnings }));
    expect((await ehcp("check", "--config", config, examplePlanPath("plan-poor.json"))).code).toBe(
      0,
    );

    writeFileSync(config, JSON.stringify({ rules: { jargon: "quiet" } }));
    const bad = await ehcp("check", "--config", config, examplePlanPath("plan-poor.json"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'rules.jargon: expected one of "off", "error", "warning", "info", got "quiet"',
    );
  });

  it("finds text copied from the plans in a corpus folder", async () => {
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    const other = structuredClone(examplePlan("plan-good.json")) as {
      id: string;
      meta: { child: { fullName: string; preferredName: string } };
    };
    other.id = "plan-other-child";
    other.meta.child.fullName = "Other Child";
    other.meta.child.preferredName = "Other";
    writeFileSync(join(corpus, "other.json"), JSON.stringify(other));
    writeFileSync(join(corpus, "notes.json"), "not a plan");
    const result = await ehcp(
      "check",
      "--corpus",
      corpus,
      "--format",
      "json",
      examplePlanPath("plan-good.json"),
    );
    expect(result.err).toBe(`ehcp: skipped notes.json in ${corpus}: it is not a valid plan\n`);
    const copied = JSON.parse(result.out).filter((f: { rule: string }) => f.rule === "copied-text");
    expect(copied.length).toBeGreaterThan(5);
    expect(copied[0].message).toContain("(plan-other-child)");
  });

  it("explains its usage when called wrongly", async () => {
    expect((await ehcp("check")).code).toBe(2);
    expect((await ehcp("check", "--format", "xml", examplePlanPath("plan-good.json"))).err).toMatch(
      /^Usage: ehcp check/,
    );
  });
});
