import { describe, expect, it } from "vitest";
import { type Plan, PlanFormatError, parsePlan, safeParsePlan } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const good = () => structuredClone(examplePlan("plan-good.json")) as Plan & Record<string, unknown>;

/** The issues parsePlan reports for `input`, as `path: message` lines. */
function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parsePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFormatError);
    return (error as PlanFormatError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error("expected parsePlan to refuse the input");
}

function nested(depth: number): unknown {
  let block: unknown = { type: "paragraph" };
  for (let i = 0; i < depth; i++) {
    block = { type: "bulletList", content: [{ type: "listItem", content: [block] }] };
  }
  return block;
}

describe("parsePlan", () => {
  it("reads both example plans unchanged", () => {
    for (const name of ["plan-good.json", "plan-poor.json"]) {
      const raw = examplePlan(name);
      expect(parsePlan(raw)).toStrictEqual(raw);
    }
  });

  it("does not change the input it reads", () => {
    const input = good();
    const before = structuredClone(input);
    parsePlan(input);
    expect(input).toStrictEqual(before);
  });

  it("names the path of a value of the wrong type", () => {
    const plan = good();
    (plan.meta as Record<string, unknown>).issue = "two";
    (plan.sections.F.provisions[1] as Record<string, unknown>).frequency = {
      sessions: 2,
      per: "month",
      minutes: 30,
    };
    expect(issuesOf(plan)).toEqual([
      { path: "meta.issue", message: 'expected a number, got "two"' },
      {
        path: "sections.F.provisions[1].frequency.per",
        message:
          'expected one of "day", "week", "fortnight", "half-term", "term", "year", got "month"',
      },
    ]);
  });

  it("names a missing section", () => {
    const plan = good();
    delete (plan.sections as Partial<Plan["sections"]>).G;
    expect(issuesOf(plan)).toEqual([
      { path: "sections.G", message: "is missing; this field is required" },
    ]);
  });

  it("names an unknown field", () => {
    const plan = good();
    (plan.sections.B.needs[0] as Record<string, unknown>).severity = "high";
    expect(issuesOf(plan)).toEqual([
      {
        path: "sections.B.needs[0].severity",
        message: 'unknown field "severity"; Plan JSON version 1 has no such field here',
      },
    ]);
  });

  it("refuses rich-text nodes and marks the format does not list", () => {
    const plan = good();
    plan.sections.B.needs[0]?.description.push({ type: "image", attrs: { src: "x.png" } } as never);
    plan.sections.E.outcomes[0]?.statement.push({
      type: "paragraph",
      content: [{ type: "text", text: "struck", marks: [{ type: "strike" } as never] }],
    });
    const issues = issuesOf(plan);
    expect(issues).toHaveLength(2);
    expect(issues[0]?.path).toBe("sections.B.needs[0].description[1].type");
    expect(issues[0]?.message).toMatch(
      /unknown rich-text node.*paragraph, heading, bulletList and orderedList.*got "image"/,
    );
    expect(issues[1]?.path).toBe("sections.E.outcomes[0].statement[1].content[0].marks[0].type");
    expect(issues[1]?.message).toMatch(/unknown mark.*got "strike"/);
  });

  it("refuses a javascript: link and accepts http, https and mailto", () => {
    const withLink = (href: string) => {
      const plan = good();
      plan.sections.B.needs[0]?.description.push({
        type: "paragraph",
        content: [{ type: "text", text: "report", marks: [{ type: "link", attrs: { href } }] }],
      });
      return plan;
    };
    expect(issuesOf(withLink("javascript:alert(1)"))).toEqual([
      {
        path: "sections.B.needs[0].description[1].content[0].marks[0].attrs.href",
        message: "a link must be an http, https or mailto address",
      },
    ]);
    expect(issuesOf(withLink(" JAVASCRIPT:alert(1)"))[0]?.message).toMatch(/http, https or mailto/);
    for (const href of [
      "https://example.org/a",
      "http://example.org",
      "mailto:sendco@example.org",
    ]) {
      expect(safeParsePlan(withLink(href)).success).toBe(true);
    }
  });

  it("refuses a 10 MB string with its length, without echoing it", () => {
    const plan = good();
    plan.sections.F.provisions[0]!.deliveredBy = "x".repeat(10_000_000);
    const issues = issuesOf(plan);
    expect(issues).toEqual([
      {
        path: "sections.F.provisions[0].deliveredBy",
        message: "is too long: 10,000,000 characters where at most 2,000 fit",
      },
    ]);
    const inText = good();
    inText.sections.A.views[0]!.content = [
      { type: "paragraph", content: [{ type: "text", text: "y".repeat(10_000_000) }] },
    ];
    expect(issuesOf(inText)[0]?.path).toBe("sections.A.views[0].content[0].content[0].text");
  });

  it("refuses nesting 10,000 deep without overflowing the stack", () => {
    const plan = good();
    plan.sections.B.needs[0]!.description = [nested(10_000) as never];
    const issues = issuesOf(plan);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toMatch(
      /^sections\.B\.needs\[0\]\.description\[0\]\.content\[0\]\.content\[0\]/,
    );
    expect(issues[0]?.message).toBe(
      "nested more than 64 levels deep; a plan is never nested this deeply",
    );
  });

  it("accepts lists nested as deeply as a real plan nests them", () => {
    const plan = good();
    plan.sections.B.needs[0]!.description = [nested(8) as never];
    expect(parsePlan(plan).sections.B.needs[0]?.description).toStrictEqual([nested(8)]);
  });

  it("refuses ids with spaces and says what an id may hold", () => {
    const plan = good();
    plan.sections.F.provisions[0]!.id = "prov salt";
    plan.sections.E.outcomes[0]!.needIds = ["need slc"];
    expect(issuesOf(plan)).toEqual([
      {
        path: "sections.E.outcomes[0].needIds[0]",
        message: "an id is 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_' (no spaces)",
      },
      {
        path: "sections.F.provisions[0].id",
        message: "an id is 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_' (no spaces)",
      },
    ]);
  });

  it("refuses input that is not a plan at all", () => {
    expect(issuesOf("hello")).toEqual([
      {
        path: "",
        message: "a plan is a JSON object with format, formatVersion, id, meta and sections",
      },
    ]);
    expect(issuesOf({ format: "something-else" })[0]?.path).toBe("format");
    expect(issuesOf([])[0]?.path).toBe("");
    expect(issuesOf(null)[0]?.path).toBe("");
  });

  it("checks a need's area against its section", () => {
    const plan = good();
    plan.sections.B.needs[0]!.area = "health" as never;
    expect(issuesOf(plan)[0]).toEqual({
      path: "sections.B.needs[0].area",
      message:
        'expected one of "communication-interaction", "cognition-learning", "semh", "sensory-physical", got "health"',
    });
  });

  it("checks calendar dates, months and the duration's two forms", () => {
    const plan = good();
    plan.meta.child.dateOfBirth = "2016-02-30";
    plan.sections.E.outcomes[0]!.byWhen = "2027-13";
    plan.sections.F.provisions[0]!.duration = "for a while" as never;
    expect(issuesOf(plan).map((i) => i.path)).toEqual([
      "meta.child.dateOfBirth",
      "sections.E.outcomes[0].byWhen",
      "sections.F.provisions[0].duration",
    ]);
  });

  it("refuses a mark given twice on one text", () => {
    const plan = good();
    plan.sections.B.needs[0]!.description = [
      {
        type: "paragraph",
        content: [{ type: "text", text: "twice", marks: [{ type: "bold" }, { type: "bold" }] }],
      },
    ];
    expect(issuesOf(plan)).toEqual([
      {
        path: "sections.B.needs[0].description[0].content[0].marks",
        message: "a mark appears twice on one text node",
      },
    ]);
  });

  it("puts rich text in normal form: marks in order, equal neighbours joined, no empty arrays", () => {
    const plan = good();
    plan.sections.B.needs[0]!.description = [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Sam ", marks: [{ type: "italic" }, { type: "bold" }] },
          { type: "text", text: "reads", marks: [{ type: "bold" }, { type: "italic" }] },
          { type: "text", text: " well", marks: [] },
        ],
      },
      { type: "paragraph", content: [] },
    ];
    expect(parsePlan(plan).sections.B.needs[0]?.description).toStrictEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Sam reads", marks: [{ type: "bold" }, { type: "italic" }] },
          { type: "text", text: " well" },
        ],
      },
      { type: "paragraph" },
    ]);
  });

  it("reports every problem at once, not only the first", () => {
    const plan = good();
    plan.id = "";
    plan.meta.status = "issued" as never;
    delete (plan.sections as Partial<Plan["sections"]>).K;
    expect(issuesOf(plan).map((i) => i.path)).toEqual(["id", "meta.status", "sections.K"]);
  });

  it("safeParsePlan returns the error instead of throwing", () => {
    const result = safeParsePlan({ format: "ehcp-plan", formatVersion: 1 });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.map((i) => i.path)).toEqual(["id", "meta", "sections"]);
    expect(safeParsePlan(good()).success).toBe(true);
  });
});
