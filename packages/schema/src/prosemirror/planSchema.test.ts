import { describe, expect, it } from "vitest";
import { parsePlan, planSchema, planToDoc, SECTION_KEYS, SECTION_NODE_NAMES } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const doc = () => planToDoc(parsePlan(examplePlan("plan-good.json")));

describe("planSchema", () => {
  it("holds the plan details and then sections A to K, each once, in statutory order", () => {
    const names: string[] = [];
    doc().forEach((child) => {
      names.push(child.type.name);
    });
    expect(names).toEqual(["planDetails", ...SECTION_KEYS.map((k) => SECTION_NODE_NAMES[k])]);
  });

  it("refuses a document with a section missing, repeated or out of order", () => {
    const d = doc();
    const children: ReturnType<typeof d.child>[] = [];
    d.forEach((c) => {
      children.push(c);
    });
    const without = children.filter((c) => c.type.name !== "sectionG");
    expect(() => planSchema.node("doc", null, without)).toThrow(RangeError);
    const swapped = [...children];
    [swapped[5], swapped[6]] = [swapped[6]!, swapped[5]!];
    expect(() => planSchema.node("doc", null, swapped)).toThrow(RangeError);
    expect(() => planSchema.node("doc", null, [...children, children[12]!])).toThrow(RangeError);
  });

  it("gives needs, outcomes, provisions, views and advice node types of their own", () => {
    const d = doc();
    const types = new Set<string>();
    d.descendants((node) => {
      types.add(node.type.name);
    });
    for (const name of [
      "view",
      "need",
      "outcome",
      "outcomeStep",
      "provision",
      "advice",
      "budgetItem",
    ]) {
      expect(types.has(name)).toBe(true);
    }
  });

  it("lets a section be emptied by deleting every item, so a concurrent delete cannot make it invalid", () => {
    // Every section but J may be empty. J always holds its notes field (which may itself be
    // empty), so deleting its budget items can never leave it invalid either.
    for (const key of SECTION_KEYS.filter((k) => k !== "J")) {
      expect(planSchema.nodes[SECTION_NODE_NAMES[key]].contentMatch.validEnd, key).toBe(true);
    }
    const j = planSchema.nodes.sectionJ;
    expect(j.contentMatch.validEnd).toBe(false);
    expect(j.contentMatch.matchType(planSchema.nodes.budgetNotes)?.validEnd).toBe(true);
    expect(planSchema.nodes.sectionF.create().check()).toBeUndefined();
    expect(planSchema.nodes.sectionB.create().check()).toBeUndefined();
  });

  it("admits no other marks in plain-text fields", () => {
    const bold = planSchema.marks.bold.create();
    expect(() =>
      planSchema.nodes.provisionDeliveredBy.create(null, planSchema.text("SENCO", [bold])).check(),
    ).toThrow(RangeError);
  });

  it("refuses a link to a javascript: address", () => {
    expect(() => planSchema.marks.link.create({ href: "javascript:alert(1)" })).toThrow(
      /http, https or mailto/,
    );
    expect(planSchema.marks.link.create({ href: "https://example.org" }).attrs.href).toBe(
      "https://example.org",
    );
  });

  it("renders items with their type and attributes for HTML copy and paste", () => {
    const provision = doc().child(6).child(0);
    const spec = provision.type.spec.toDOM?.(provision) as [string, Record<string, string>, 0];
    expect(spec[0]).toBe("article");
    expect(spec[1]["data-ehcp-type"]).toBe("provision");
    expect(JSON.parse(spec[1]["data-ehcp-id"] ?? "null")).toBe("prov-salt-direct");
  });
});
