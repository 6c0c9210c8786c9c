import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ehcp } from "../test/ehcp.js";
import { examplePlanPath } from "@ehcp/fixtures/node";
import { examplePlan } from "@ehcp/fixtures";

describe("ehcp export", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ehcp-export-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a tagged PDF", async () => {
    const pdf = join(dir, "good.pdf");
    expect(
      (await ehcp("export", examplePlanPath("plan-good.json"), "--format", "pdf", "--out", pdf))
        .code,
    ).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(pdf).toString("latin1")).toContain("/StructTreeRoot");
  });

  it("writes a Word document and canonical JSON", async () => {
    const docx = join(dir, "good.docx");
    const result = await ehcp(
      "export",
      examplePlanPath("plan-good.json"),
      "--format",
      "docx",
      "--layout",
      "areas-of-need",
      "--out",
      docx,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^wrote .*good\.docx \(\d+ KB\)\n$/);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
    const json = join(dir, "good.json");
    expect(
      (await ehcp("export", examplePlanPath("plan-good.json"), "--format", "json", "--out", json))
        .code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8"))).toStrictEqual(examplePlan("plan-good.json"));
  });

  it("prints its usage and options for --help, and exits 0", async () => {
    const result = await ehcp("export", "--help");
    expect(result.code).toBe(0);
    expect(result.out).toContain("ehcp export <plan.json> --format docx|pdf|json");
    expect(result.out).toContain("areas-of-need");
    expect(result.out).not.toContain("ehcp serve");
  });

  it("names a character the PDF cannot print, with its item, and writes no file", async () => {
    const file = join(dir, "unprintable.json");
    const plan = structuredClone(examplePlan("plan-good.json")) as {
      sections: { F: { provisions: { deliveredBy: string }[] } };
    };
    (plan.sections.F.provisions[0] as { deliveredBy: string }).deliveredBy = "Teacher \u{16F00}";
    writeFileSync(file, JSON.stringify(plan));
    const out = join(dir, "unprintable.pdf");
    const result = await ehcp("export", file, "--format", "pdf", "--out", out);
    expect(result.code).toBe(1);
    expect(result.err).toContain("F1 (sections.F.provisions[0])");
    expect(result.err).toContain("U+16F00");
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("gives an invalid plan its errors and writes no file", async () => {
    const bad = join(dir, "bad.json");
    const plan = structuredClone(examplePlan("plan-good.json")) as {
      sections: Record<string, unknown>;
    };
    delete plan.sections.K;
    writeFileSync(bad, JSON.stringify(plan));
    const out = join(dir, "bad.docx");
    const result = await ehcp("export", bad, "--format", "docx", "--out", out);
    expect(result.code).toBe(1);
    expect(result.err).toContain("sections.K: is missing");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a plan that ehcp validate rejects, naming its items, unless a draft copy is asked for", async () => {
    const poor = examplePlanPath("plan-poor.json");
    const out = join(dir, "poor.pdf");
    const refused = await ehcp("export", poor, "--format", "pdf", "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      "plan-poor.json: the plan's structure has 2 problems; nothing was written (--allow-findings writes a draft copy anyway):\n" +
        '  sections.F.provisions[2].id: F3 has the id "p-2", which F2 already uses. Give each item its own id so links point to one item.\n' +
        '  sections.E.outcomes[2].needIds[0]: E3 links to the need "n-9", which is not in the plan. Link it to an existing need or remove the link.\n',
    );
    expect(existsSync(out)).toBe(false);

    const copy = await ehcp("export", poor, "--format", "pdf", "--allow-findings", "--out", out);
    expect(copy.code).toBe(0);
    const titlePage = execFileSync("pdftotext", ["-l", "1", out, "-"], { encoding: "utf8" });
    expect(titlePage).toContain("Draft copy, not for issue: the plan has 2 problems");
    expect(titlePage).toContain("(sections.F.provisions[2].id)");
  });

  it("puts the council's name and logo on the title page and adds the appendices the library offers", async () => {
    const logo = join(dir, "crest.png");
    writeFileSync(
      logo,
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ),
    );
    const earlier = structuredClone(examplePlan("plan-good.json")) as {
      sections: { F: { provisions: { deliveredBy: string }[] } };
    };
    (earlier.sections.F.provisions[0] as { deliveredBy: string }).deliveredBy = "Class teacher";
    const since = join(dir, "earlier.json");
    writeFileSync(since, JSON.stringify(earlier));
    const docx = join(dir, "bundle.docx");
    const result = await ehcp(
      "export",
      examplePlanPath("plan-good.json"),
      "--format",
      "docx",
      "--council-name",
      "Northbrook Council",
      "--logo",
      logo,
      "--logo-alt",
      "Northbrook Council crest",
      "--since",
      since,
      "--quality-appendix",
      "--out",
      docx,
    );
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const body = execFileSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" });
    expect(body).toContain('descr="Northbrook Council crest"');
    expect(body).toContain(">Northbrook Council<");
    expect(body).toContain("Appendix: changes since the draft plan, issue 1");
    expect(body).toContain("Class teacher");
    expect(body).toContain("Appendix: plan quality summary");

    const noAlt = await ehcp(
      "export",
      examplePlanPath("plan-good.json"),
      "--format",
      "pdf",
      "--logo",
      logo,
    );
    expect(noAlt.code).toBe(2);
    expect(noAlt.err).toContain("--logo needs --logo-alt");
    const gif = await ehcp(
      "export",
      examplePlanPath("plan-good.json"),
      "--format",
      "pdf",
      "--logo",
      join(dir, "crest.gif"),
      "--logo-alt",
      "Crest",
    );
    expect(gif.code).toBe(2);
    expect(gif.err).toContain("a logo is a .png or .jpg file");
  });

  it("leaves nothing behind when the file cannot be written", async () => {
    const result = await ehcp(
      "export",
      examplePlanPath("plan-good.json"),
      "--format",
      "docx",
      "--out",
      join(dir, "missing", "x.docx"),
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/cannot write .*x\.docx: no such folder/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("adds the family's rights from --council-settings, and leaves out a part with --omit", async () => {
    const settings = join(dir, "council-export.json");
    writeFileSync(
      settings,
      JSON.stringify({
        senTeam: { name: "Northshire SEN Team", email: "sen.team@northshire.example.gov.uk" },
        sendiass: { name: "Northshire SENDIASS", phone: "01632 960 123" },
        mediation: { name: "Dales Mediation Service", phone: "01632 960 456" },
      }),
    );
    const out = join(dir, "bundle.pdf");
    const args = ["export", examplePlanPath("plan-good.json"), "--format", "pdf", "--out", out];
    expect((await ehcp(...args, "--council-settings", settings, "--omit", "need-table")).code).toBe(
      0,
    );
    const text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" });
    expect(text).toContain("Your rights and who can help");
    expect(text).toContain("Northshire SENDIASS");
    expect(text).toContain("Summary of special educational provision (Section F)");
    expect(text).not.toContain("From need to outcome to provision");
    // A draft has no signature block unless asked for.
    expect(text).not.toContain("Signed for the council");
    expect((await ehcp(...args, "--include", "signature")).code).toBe(0);
    expect(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" })).toContain(
      "Signed for the council",
    );
  });

  it("names the wrong field of the council's settings, and writes nothing", async () => {
    const settings = join(dir, "wrong-settings.json");
    writeFileSync(
      settings,
      JSON.stringify({
        senTeam: { name: "Northshire SEN Team", email: "not an address" },
        sendiass: { name: "Northshire SENDIASS", phone: "01632 960 123" },
      }),
    );
    const out = join(dir, "wrong.docx");
    const args = ["export", examplePlanPath("plan-good.json"), "--format", "docx", "--out", out];
    const result = await ehcp(...args, "--council-settings", settings);
    expect(result.code).toBe(2);
    expect(result.err).toContain("wrong-settings.json: the council's settings are wrong");
    expect(result.err).toContain("  senTeam.email: expected an email address");
    expect(result.err).toContain("  mediation: is missing; this field is required");
    expect(existsSync(out)).toBe(false);
    writeFileSync(settings, "{ senTeam: ");
    expect((await ehcp(...args, "--council-settings", settings)).err).toContain("not JSON");
    const rights = await ehcp(...args, "--include", "rights");
    expect(rights.code).toBe(2);
    expect(rights.err).toContain("--include rights needs --council-settings");
    const unknown = await ehcp(...args, "--omit", "appendix");
    expect(unknown.err).toContain('no part "appendix"');
    expect(existsSync(out)).toBe(false);
  });

  it("explains its usage when called wrongly", async () => {
    expect((await ehcp("export", examplePlanPath("plan-good.json"))).err).toMatch(
      /^Usage: ehcp export/,
    );
    expect(
      (
        await ehcp(
          "export",
          examplePlanPath("plan-good.json"),
          "--format",
          "docx",
          "--layout",
          "columns",
        )
      ).code,
    ).toBe(2);
  });
});
