import { DEFAULT_SECTION_POLICY, parsePlan, PLAN_FRAGMENT_NAME, planToYDoc } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Sender } from "../PlanShadow.js";
import { checkAddedItem } from "./checkAddedItem.js";
import { unsafeCharacter, unsafeInValue } from "./unsafeCharacter.js";
import { examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
const parent: Sender = {
  id: "user-parent",
  name: "A parent",
  role: "parent",
  editable: new Set(DEFAULT_SECTION_POLICY.parent),
  suggestable: new Set(),
  clients: new Set(),
};

/** The items a change to the plan's first view adds, each checked as the parent's. */
function added(change: (viewText: Y.XmlText) => void): (string | null)[] {
  const doc = planToYDoc(plan);
  const view = (doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(1) as Y.XmlElement).get(
    0,
  ) as Y.XmlElement;
  const text = (view.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const before = Y.getState(doc.store, doc.clientID);
  change(text);
  const items = (doc.store.clients.get(doc.clientID) ?? []).filter(
    (s): s is Y.Item => s instanceof Y.Item && s.id.clock >= before,
  );
  return items.map((item) => checkAddedItem(item, parent, new Set(), () => false));
}

describe("checkAddedItem", () => {
  it("takes plain words where the sender may write", () => {
    expect(added((text) => text.insert(0, "Sam likes trains. "))).toEqual([null]);
  });

  it("refuses half a character, naming where it is", () => {
    expect(added((text) => text.insert(0, "a\ud800b"))).toEqual([
      "text in paragraph in view a-about in sectionA: the text holds half of a character (a lone surrogate)",
    ]);
  });

  it("refuses an embed in a text and a suggestion in someone else's name", () => {
    expect(added((text) => text.insertEmbed(0, { image: "x" }))).toEqual([
      "text in paragraph in view a-about in sectionA holds something other than text",
    ]);
    const [mark] = added((text) =>
      text.insert(0, "x", {
        insertion: { id: "s", by: "user-caseworker", name: "C", role: "caseworker" },
      }),
    );
    expect(mark).toMatch(
      /a suggestion must carry its author's name as signed in \(A parent, parent\)/,
    );
  });
});

describe("unsafeCharacter", () => {
  it("names controls and bidirectional overrides, and lets tabs, line breaks and right-to-left marks be", () => {
    expect(unsafeCharacter("a\u0000b")).toBe("the character U+0000 is not allowed");
    expect(unsafeCharacter("\u2066isolate")).toBe("the character U+2066 is not allowed");
    expect(unsafeCharacter("line\none\ttab \u200f\u05e9\u05dc\u05d5\u05dd 😀")).toBeNull();
    expect(unsafeInValue({ child: { fullName: "x\u202e" } })).toBe(
      "child.fullName: the character U+202E is not allowed",
    );
  });
});
