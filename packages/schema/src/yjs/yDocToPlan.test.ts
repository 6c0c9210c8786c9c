import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { markOfAttribute, PlanFormatError, parsePlan, planToYDoc, yDocToPlan } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

/** A plan in a Yjs document, and the text of one provision's first paragraph of "what". */
function planWithText() {
  const doc = new Y.Doc();
  planToYDoc(parsePlan(examplePlan("plan-good.json")), doc);
  let found: Y.XmlElement | undefined;
  const walk = (e: unknown) => {
    if (found || !(e instanceof Y.XmlElement)) return;
    if (e.getAttribute("id") === "prov-salt-practice") found = e;
    else e.toArray().forEach(walk);
  };
  doc.getXmlFragment("default").toArray().forEach(walk);
  const paragraph = ((found as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  return { doc, text: paragraph.get(0) as Y.XmlText };
}

describe("yDocToPlan", () => {
  it.each(["insertion--a1", "deletion--x", "bold--AAAAAAAA", "insertion--AAAA\u202eAAA"])(
    "refuses text under the mark key %s, naming it, and leaves the document as it was",
    (key) => {
      const { doc, text } = planWithText();
      text.insert(0, "HELLO ", { [key]: { id: "s", by: "b", name: "n", role: "parent" } });
      const state = Y.encodeStateAsUpdate(doc);
      const words = text.toString();
      let thrown: unknown;
      try {
        yDocToPlan(doc);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PlanFormatError);
      expect((thrown as Error).message).toContain(`unknown mark "${key}"`);
      // y-prosemirror's reader deleted the paragraph's text from the shared document.
      expect(text.toString()).toBe(words);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    },
  );

  it("reads a plain plan without changing its document", () => {
    const { doc } = planWithText();
    const state = Y.encodeStateAsUpdate(doc);
    expect(yDocToPlan(doc).id).toBe(parsePlan(examplePlan("plan-good.json")).id);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });
});

describe("markOfAttribute", () => {
  it("takes a mark's own name, and y-prosemirror's name--hash only for a mark that may overlap itself", () => {
    expect(markOfAttribute("insertion")).toBe("insertion");
    expect(markOfAttribute("bold")).toBe("bold");
    expect(markOfAttribute("insertion--AAAAAAAA")).toBeNull();
    expect(markOfAttribute("bold--AAAAAAAA")).toBeNull();
    // The only mark of the schema that does not exclude itself.
    expect(markOfAttribute("modification--AAAAAAAA")).toBe("modification");
    expect(markOfAttribute("modification--a1")).toBeNull();
    expect(markOfAttribute("__proto__")).toBeNull();
    expect(markOfAttribute("unknown")).toBeNull();
  });
});
