import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ehcp } from "../test/ehcp.js";
import { exampleAdvicePath, examplePlanPath } from "@ehcp/fixtures/node";
import { exampleAdvice } from "@ehcp/fixtures";

const SALT = "Appendix 1: Speech and language therapy advice from Bethany Cole";
const EP = "Appendix 2: Educational psychology advice from Dr Zoë Hartley";
const squash = (s: string) => s.replace(/\s+/g, " ");

describe("ehcp export --advice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ehcp-export-advice-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = examplePlanPath("plan-good.json");

  it("appends each advice file given, or each in a folder, after the plan", async () => {
    const out = join(dir, "bundle.pdf");
    const result = await ehcp(
      "export",
      plan,
      "--format",
      "pdf",
      "--out",
      out,
      "--advice",
      exampleAdvicePath("advice-ep.json"),
      "--advice",
      exampleAdvicePath("advice-salt.json"),
    );
    expect(result.code, result.err).toBe(0);
    const text = squash(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" }));
    // The contents page names them first; then come the plan, its parts and the appendices.
    const at = (s: string) => text.lastIndexOf(s);
    expect(at(SALT)).toBeGreaterThan(at("From need to outcome to provision"));
    expect(at(EP)).toBeGreaterThan(at(SALT));
    expect(text).toContain("A calm space in the classroom");

    const folder = join(dir, "advice");
    mkdirSync(folder);
    for (const name of ["advice-ep.json", "advice-salt.json"])
      copyFileSync(exampleAdvicePath(name), join(folder, name));
    const docx = join(dir, "bundle.docx");
    expect(
      (await ehcp("export", plan, "--format", "docx", "--out", docx, "--advice", folder)).code,
    ).toBe(0);
    expect(existsSync(docx)).toBe(true);

    // --omit advice leaves the appendices out.
    expect(
      (
        await ehcp(
          "export",
          plan,
          "--format",
          "pdf",
          "--out",
          out,
          "--advice",
          folder,
          "--omit",
          "advice",
        )
      ).code,
    ).toBe(0);
    expect(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" })).not.toContain("Appendix 1");
  }, 120_000);

  it("names the advice file and the place in it that does not validate, and writes nothing", async () => {
    const bad = exampleAdvice("advice-ep.json") as {
      advice: { sections: { F: { provisions: Record<string, unknown>[] } } };
    };
    (bad.advice.sections.F.provisions[1] as Record<string, unknown>).ratio = 4;
    const file = join(dir, "bad-advice.json");
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, "refused.pdf");
    const args = ["export", plan, "--format", "pdf", "--out", out];
    const result = await ehcp(
      ...args,
      "--advice",
      exampleAdvicePath("advice-salt.json"),
      "--advice",
      file,
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file} is not valid advice (1 problem); nothing was written:`);
    expect(result.err).toContain("  advice.sections.F.provisions[1].ratio: ");
    expect(existsSync(out)).toBe(false);

    const other = exampleAdvice("advice-salt.json") as { planId: string };
    other.planId = "plan-kieran-doyle";
    writeFileSync(file, JSON.stringify(other));
    const wrongPlan = await ehcp(...args, "--advice", file);
    expect(wrongPlan.code).toBe(1);
    expect(wrongPlan.err).toContain(
      `${file}: planId: this advice was given for the plan plan-kieran-doyle, not for plan-matilda-brennan`,
    );
    writeFileSync(file, "{ advice: ");
    expect((await ehcp(...args, "--advice", file)).err).toContain("not JSON");
    const none = await ehcp(...args, "--include", "advice");
    expect(none.code).toBe(2);
    expect(none.err).toContain("--include advice needs --advice");
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
