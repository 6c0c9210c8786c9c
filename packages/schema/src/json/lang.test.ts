import { describe, expect, it } from "vitest";
import { frozenJson } from "@ehcp/fixtures/node";
import { formatIssues } from "../../test/formatIssues.js";
import { docToPlan, type Plan, parsePlan, planToDoc } from "../index.js";

const langPlan = () => frozenJson("v1.1/plan-lang.json") as Plan;

describe("lang: the language of a view, a paragraph or a span (format version 1.1)", () => {
  it("keeps each language through the ProseMirror document and back", () => {
    const plan = parsePlan(langPlan());
    const doc = planToDoc(plan);
    const view = doc.child(1).child(plan.sections.A.views.length - 1);
    expect(view.attrs.lang).toBe("pl");
    const welsh = doc
      .child(1)
      .child(0)
      .child(doc.child(1).child(0).childCount - 2);
    expect(welsh.attrs.lang).toBe("cy");
    const urdu = doc.child(1).child(0).lastChild?.child(1);
    expect(urdu?.marks.map((m) => [m.type.name, m.attrs.lang])).toEqual([["lang", "ur"]]);
    expect(docToPlan(doc)).toStrictEqual(plan);
  });

  it("writes a plan that gives no language as version 1, as before", () => {
    const plan = parsePlan(langPlan());
    const english: Plan = {
      ...plan,
      formatVersion: 1,
      sections: { ...plan.sections, A: { views: plan.sections.A.views.slice(0, 1) } },
    };
    const view = english.sections.A.views[0] as Plan["sections"]["A"]["views"][number];
    english.sections.A.views = [{ ...view, content: view.content.slice(0, -2) }];
    const back = docToPlan(planToDoc(parsePlan(english)));
    expect(back.formatVersion).toBe(1);
    expect(JSON.stringify(back)).not.toContain('"lang"');
  });

  it("refuses a language in a plan that says version 1, and a tag that is not a language tag", () => {
    expect(formatIssues({ ...langPlan(), formatVersion: 1 })).toEqual([
      'formatVersion: a plan that gives a language ("lang") is format version 1.1; this one says 1',
    ]);
    const plan = langPlan();
    const view = plan.sections.A.views[0] as Plan["sections"]["A"]["views"][number];
    (view.content[0] as { attrs?: { lang: string } }).attrs = { lang: "Welsh please" };
    expect(formatIssues(plan)).toEqual([
      'sections.A.views[0].content[0].attrs.lang: expected a language tag (BCP 47), such as "cy" for Welsh, "ur" for Urdu or "pl"',
    ]);
  });
});
