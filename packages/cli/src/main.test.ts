import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ehcp } from "../test/ehcp.js";
import { examplePlanPath } from "@ehcp/fixtures/node";
import { examplePlan } from "@ehcp/fixtures";

describe("ehcp validate", () => {
  let dir: string;
  const file = (name: string, content: string | object) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };
  const good = () => structuredClone(examplePlan("plan-good.json")) as Record<string, any>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ehcp-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 on the good fixture with a one-line summary of counts", async () => {
    const result = await ehcp("validate", examplePlanPath("plan-good.json"));
    expect(result).toEqual({
      code: 0,
      out: "plan-good.json: sound. 6 needs, 6 outcomes, 8 provisions.\n",
      err: "",
    });
  });

  it("exits 1 on the poor fixture, naming p-2 (duplicate id) and o-3 (dangling link)", async () => {
    const result = await ehcp("validate", examplePlanPath("plan-poor.json"));
    expect(result.code).toBe(1);
    expect(result.out).toContain("duplicate-id  p-2  sections.F.provisions[2].id");
    expect(result.out).toContain("dangling-link  o-3  sections.E.outcomes[2].needIds[0]");
  });

  it("gives machine-readable findings with --json", async () => {
    const result = await ehcp("validate", "--json", examplePlanPath("plan-poor.json"));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.valid).toBe(false);
    expect(
      report.findings.map((f: { rule: string; target: string }) => [f.rule, f.target]),
    ).toEqual([
      ["duplicate-id", "p-2"],
      ["dangling-link", "o-3"],
    ]);
  });

  const bad: [string, () => string | object, RegExp][] = [
    [
      "text that is not JSON",
      () => '{ "format": "ehcp-plan",\n  oops }',
      /not valid JSON at line 2, column 3/,
    ],
    [
      "a value of the wrong type",
      () => ({ ...good(), meta: { ...good().meta, issue: "first" } }),
      /meta\.issue: expected a number, got "first"/,
    ],
    [
      "a missing section",
      () => {
        const p = good();
        delete p.sections.E;
        return p;
      },
      /sections\.E: is missing/,
    ],
    [
      "an unknown rich-text node",
      () => {
        const p = good();
        p.sections.A.views[0].content = [{ type: "table" }];
        return p;
      },
      /sections\.A\.views\[0\]\.content\[0\]\.type: unknown rich-text node/,
    ],
    [
      "an unknown mark",
      () => {
        const p = good();
        p.sections.A.views[0].content = [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "highlight" }] }],
          },
        ];
        return p;
      },
      /content\[0\]\.marks\[0\]\.type: unknown mark/,
    ],
    [
      "a javascript: link",
      () => {
        const p = good();
        p.sections.A.views[0].content = [
          {
            type: "paragraph",
            content: [
              {
                type: "text",
                text: "x",
                marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
              },
            ],
          },
        ];
        return p;
      },
      /marks\[0\]\.attrs\.href: a link must be an http, https or mailto address/,
    ],
    [
      "a 10 MB string",
      () => {
        const p = good();
        p.meta.localAuthority = "x".repeat(10_000_000);
        return p;
      },
      /meta\.localAuthority: is too long: 10,000,000 characters/,
    ],
    [
      "nesting 10,000 deep",
      () =>
        `{"format":"ehcp-plan","formatVersion":1,"id":"p","meta":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      /meta(\[0\])+: nested more than 64 levels deep/,
    ],
    [
      "an id with spaces",
      () => {
        const p = good();
        p.sections.K.advice[0].id = "k parents";
        return p;
      },
      /sections\.K\.advice\[0\]\.id: an id is 1 to 64 characters/,
    ],
  ];
  for (const [what, content, expected] of bad) {
    it(`names where ${what} is wrong, exits 1 and shows no stack trace`, async () => {
      const result = await ehcp("validate", file("bad.json", content()));
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/^bad\.json is not a valid plan/);
      expect(result.out).toMatch(expected);
      expect(`${result.out}${result.err}`).not.toMatch(/\n\s+at |Error:/);
    });
  }

  it("says when the file cannot be read, with exit code 2", async () => {
    expect(await ehcp("validate", join(dir, "missing.json"))).toEqual({
      code: 2,
      out: "",
      err: `ehcp: cannot read ${join(dir, "missing.json")}: no such file\n`,
    });
    expect((await ehcp("validate", dir)).err).toMatch(/it is a folder/);
  });

  it("explains its usage when called wrongly", async () => {
    expect((await ehcp("validate")).code).toBe(2);
    const unknown = await ehcp("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"/);
    // An unknown option is named in plain words, with that command's usage only.
    const option = await ehcp("export", "plan.json", "--colour");
    expect(option.code).toBe(2);
    expect(option.err.split("\n")[0]).toBe("ehcp export: unknown option --colour");
    expect(option.err).toContain("ehcp export <plan.json>");
    expect(option.err).not.toContain("ehcp check <plan.json>");
    expect(option.err).not.toContain("positional");
    const missing = await ehcp("export", "plan.json", "--format");
    expect(missing.err.split("\n")[0]).toMatch(
      /^ehcp export: Option '--format <value>' argument missing$/,
    );
  });
});
