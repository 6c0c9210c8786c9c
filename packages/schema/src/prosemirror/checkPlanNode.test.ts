import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  checkPlanNode,
  parsePlan,
  PLAN_FRAGMENT_NAME,
  PlanFormatError,
  planToDoc,
  planToYDoc,
  yElementToNode,
} from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
const section = (ydoc: Y.Doc, index: number) =>
  ydoc.getXmlFragment(PLAN_FRAGMENT_NAME).get(index) as Y.XmlElement;
const F = 6;

describe("yElementToNode", () => {
  it("reads an item of a shared plan as the node the converter wrote", () => {
    const ydoc = planToYDoc(plan);
    const provision = section(ydoc, F).get(0) as Y.XmlElement;
    expect(yElementToNode(provision).toJSON()).toEqual(planToDoc(plan).child(F).child(0).toJSON());
  });

  it("refuses an unknown node, an unknown attribute and an embed in text, naming them", () => {
    const ydoc = planToYDoc(plan);
    const sectionF = section(ydoc, F);
    const stray = new Y.XmlElement("marquee");
    sectionF.insert(0, [stray]);
    expect(() => yElementToNode(sectionF)).toThrow('unknown node type "marquee"');
    sectionF.delete(0, 1);

    const provision = sectionF.get(0) as Y.XmlElement;
    provision.setAttribute("colour", "red" as never);
    expect(() => yElementToNode(provision)).toThrow('provision has no attribute "colour"');
    provision.removeAttribute("colour");

    const who = provision.get(1) as Y.XmlElement;
    (who.get(0) as Y.XmlText).insertEmbed(0, { image: "x" });
    expect(() => yElementToNode(who)).toThrow("something other than text");
  });
});

describe("checkPlanNode", () => {
  const doc = planToDoc(plan);

  it("passes every item of a sound plan", () => {
    doc.forEach((sectionNode) => {
      sectionNode.forEach((item) =>
        expect(() => checkPlanNode(item, sectionNode.type.name as never)).not.toThrow(),
      );
    });
  });

  it("names the item and the field of a value Plan JSON refuses", () => {
    const provision = doc.child(F).child(0);
    const broken = provision.type.create(
      { ...provision.attrs, frequency: { sessions: "six", per: "half-term", minutes: 45 } },
      provision.content,
    );
    let error: unknown;
    try {
      checkPlanNode(broken, "sectionF");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFormatError);
    expect((error as PlanFormatError).issues[0]).toMatchObject({
      path: "frequency.sessions",
      message: 'expected a number, got "six"',
    });
    expect((error as Error).message).toBe(
      'Invalid provision prov-salt-direct: frequency.sessions: expected a number, got "six"',
    );
  });

  it("checks a need's area against the section it sits in", () => {
    const need = doc.child(2).child(doc.child(2).childCount - 1);
    const health = need.type.create({ ...need.attrs, area: "health" }, need.content);
    expect(() => checkPlanNode(health, "sectionC")).not.toThrow();
    expect(() => checkPlanNode(health, "sectionB")).toThrow(
      /^Invalid need need-sensory: area: expected one of/,
    );
  });

  it("refuses content the schema does not allow, naming the node", () => {
    const provision = doc.child(F).child(0);
    const missingField = provision.type.create(provision.attrs, provision.content.cut(0, 1));
    expect(() => checkPlanNode(missingField)).toThrow(
      /^Invalid provision prov-salt-direct: \(top level\): /,
    );
  });
});
