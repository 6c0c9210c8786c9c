import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import fc from "fast-check";
import { Fragment, Slice } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  docToPlan,
  PLAN_FRAGMENT_NAME,
  PlanFormatError,
  parsePlan,
  planSchema,
  planToYDoc,
  yDocToPlan,
} from "../index.js";
import { examplePlan, planArbitrary } from "@ehcp/fixtures";

/** A peer that starts from the same shared state as `origin`. */
function peerOf(origin: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(origin));
  return peer;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Types `text` into the first provision's "delivered by" field at `offset`, as an editor would. */
function typeInDeliveredBy(ydoc: Y.Doc, offset: number | "end", text: string): void {
  const fragment = ydoc.getXmlFragment(PLAN_FRAGMENT_NAME);
  const doc = yXmlFragmentToProseMirrorRootNode(fragment, planSchema);
  let fieldStart = -1;
  let fieldSize = 0;
  doc.descendants((node, pos) => {
    if (fieldStart < 0 && node.type.name === "provisionDeliveredBy") {
      fieldStart = pos + 1;
      fieldSize = node.content.size;
    }
    return fieldStart < 0;
  });
  const at = fieldStart + (offset === "end" ? fieldSize : offset);
  const edited = doc.replace(at, at, new Slice(Fragment.from(planSchema.text(text)), 0, 0));
  // The same call y-prosemirror's binding makes for each local transaction.
  updateYFragment(ydoc, fragment, edited, { mapping: new Map(), isOMark: new Map() });
}

describe("planToYDoc and yDocToPlan", () => {
  it("round-trip both example plans, also through an encoded update as a server stores it", () => {
    for (const name of ["plan-good.json", "plan-poor.json"]) {
      const raw = examplePlan(name);
      const ydoc = planToYDoc(parsePlan(raw));
      expect(yDocToPlan(ydoc)).toStrictEqual(raw);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.encodeStateAsUpdate(ydoc));
      expect(yDocToPlan(stored)).toStrictEqual(raw);
    }
  });

  it("round-trip every plan the format admits", () => {
    fc.assert(
      fc.property(planArbitrary, (generated) => {
        const plan = parsePlan(generated);
        expect(yDocToPlan(planToYDoc(plan))).toStrictEqual(plan);
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it("writes every id into the shared document when it is created", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    const fragment = planToYDoc(plan).getXmlFragment(PLAN_FRAGMENT_NAME);
    const sectionF = fragment.get(6) as Y.XmlElement;
    expect(sectionF.nodeName).toBe("sectionF");
    const ids = sectionF.toArray().map((p) => (p as Y.XmlElement).getAttribute("id"));
    expect(ids).toEqual(plan.sections.F.provisions.map((p) => p.id));
  });

  it("refuses to write a plan into a document that already holds one", () => {
    const ydoc = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    expect(() => planToYDoc(parsePlan(examplePlan("plan-poor.json")), ydoc)).toThrow(
      /already holds a document/,
    );
    expect(yDocToPlan(ydoc).id).toBe("plan-matilda-brennan");
  });

  it("says so when a Yjs document holds no plan", () => {
    expect(() => yDocToPlan(new Y.Doc())).toThrow(PlanFormatError);
  });

  it("merges two people typing in one field at once, character by character", () => {
    const alice = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    const bob = peerOf(alice);
    typeInDeliveredBy(alice, 0, "Lead ");
    typeInDeliveredBy(bob, "end", " (Aisha Rahman)");
    sync(alice, bob);
    const expected = "Lead Speech and language therapist (Aisha Rahman)";
    expect(yDocToPlan(alice).sections.F.provisions[0]?.deliveredBy).toBe(expected);
    expect(yDocToPlan(bob).sections.F.provisions[0]?.deliveredBy).toBe(expected);
    expect(
      docToPlan(
        yXmlFragmentToProseMirrorRootNode(bob.getXmlFragment(PLAN_FRAGMENT_NAME), planSchema),
      ),
    ).toStrictEqual(yDocToPlan(alice));
  });
});
