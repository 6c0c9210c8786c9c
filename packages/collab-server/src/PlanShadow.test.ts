import {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  parsePlan,
  PLAN_FRAGMENT_NAME,
  planToYDoc,
  type Role,
} from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { examplePlan } from "@ehcp/fixtures";
import { PlanShadow, type Sender } from "./PlanShadow.js";

const plan = parsePlan(examplePlan("plan-good.json"));
const F = 6;

/** A server document holding the plan, and a client's copy of it. */
function setUp() {
  const server = planToYDoc(plan);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const plain = new PlanShadow(server);
  /** Checks an update as sent by `role` from the client's copy. */
  const shadow = {
    check: (
      update: Uint8Array,
      role: Role = "caseworker",
      name = `A ${role}`,
      clientId = client.clientID,
    ) => plain.check(update, senderOf(role, name, clientId)),
    withdraw: (update: Uint8Array) => plain.withdraw(update),
  };
  /** The update a client's edit produces, not yet applied on the server. */
  const edit = (change: (root: Y.XmlFragment) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    change(client.getXmlFragment(PLAN_FRAGMENT_NAME));
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, shadow, edit };
}

function senderOf(role: Role, name: string, clientId: number): Sender {
  return {
    id: `user-${role}`,
    name,
    role,
    editable: new Set(DEFAULT_SECTION_POLICY[role]),
    suggestable: new Set(DEFAULT_SUGGEST_POLICY[role]),
    clients: new Set([clientId]),
  };
}

const sectionF = (root: Y.XmlFragment) => root.get(F) as Y.XmlElement;
const provision = (root: Y.XmlFragment, index = 0) => sectionF(root).get(index) as Y.XmlElement;
const firstProvisionId = plan.sections.F.provisions[0]?.id;

describe("PlanShadow", () => {
  it("accepts typing in a provision and names the provision for the audit trail", () => {
    const { shadow, edit } = setUp();
    const update = edit((root) =>
      ((provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Lead "),
    );
    expect(shadow.check(update)).toMatchObject({
      problem: null,
      parts: ["F"],
      items: new Set([firstProvisionId]),
    });
  });

  it("reads the plan's status again after the server changes it: typing into a final plan is refused, into its amendment taken", () => {
    const { server, shadow, edit } = setUp();
    const type = (words: string) =>
      edit((root) =>
        ((provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words),
      );
    const first = type("Lead ");
    expect(shadow.check(first).problem).toBeNull();
    Y.applyUpdate(server, first);
    const details = server.getXmlFragment(PLAN_FRAGMENT_NAME).get(0) as Y.XmlElement;
    details.setAttribute("status", "final" as never);
    const locked = type("More ");
    expect(shadow.check(locked).problem).toBe(
      "the final plan is locked: a caseworker starts an amendment draft to change it",
    );
    details.setAttribute("status", "draft" as never);
    expect(shadow.check(locked).problem).toBeNull();
  });

  it("refuses a value Plan JSON does not allow, naming the item and field, and forgets it", () => {
    const { server, shadow, edit } = setUp();
    const bad = edit((root) =>
      provision(root).setAttribute("frequency", {
        sessions: -1,
        per: "week",
        minutes: 30,
      } as never),
    );
    expect(shadow.check(bad).problem).toMatch(
      new RegExp(
        `^the edit would leave the plan invalid: Invalid provision ${firstProvisionId}: frequency.sessions: `,
      ),
    );
    // The server never took the refused update; a later edit from a client that discarded it passes.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(fresh);
    provision(fresh.getXmlFragment(PLAN_FRAGMENT_NAME)).setAttribute("ratio", "1:2" as never);
    const good = Y.encodeStateAsUpdate(fresh, before);
    expect(shadow.check(good, "caseworker", "A caseworker", fresh.clientID).problem).toBeNull();
  });

  it("refuses an unknown node and a field removed from an item", () => {
    const unknown = setUp();
    const script = unknown.edit((root) => sectionF(root).insert(0, [new Y.XmlElement("script")]));
    expect(unknown.shadow.check(script).problem).toBe('unknown node type "script"');
    const fieldless = setUp();
    const update = fieldless.edit((root) => provision(root).delete(0, 1));
    expect(fieldless.shadow.check(update).problem).toMatch(
      /^the edit would leave the plan invalid: Invalid provision .*: \(top level\): Invalid content for node provision/,
    );
  });

  it("checks a provision added to a section and names added and deleted items", () => {
    const withId = (element: Y.XmlElement, id: string) => {
      const copy = element.clone();
      copy.setAttribute("id", id as never);
      return copy;
    };
    const adding = setUp();
    const added = adding.edit((root) =>
      sectionF(root).insert(0, [withId(provision(root), "prov-new")]),
    );
    expect(adding.shadow.check(added)).toMatchObject({
      problem: null,
      items: new Set(["prov-new"]),
    });
    const badId = setUp();
    const bad = badId.edit((root) =>
      sectionF(root).insert(0, [withId(provision(root), "has spaces")]),
    );
    expect(badId.shadow.check(bad).problem).toMatch(
      /^the edit would leave the plan invalid: Invalid provision has spaces: id: /,
    );
    const removing = setUp();
    const removed = removing.edit((root) => sectionF(root).delete(0, 1));
    expect(removing.shadow.check(removed)).toMatchObject({
      problem: null,
      items: new Set([firstProvisionId]),
    });
  });

  it("refuses shared types beside the plan", () => {
    const { shadow, client } = setUp();
    const other = new Y.Doc();
    other.clientID = client.clientID;
    other.getMap("notes").set("x", "y");
    expect(shadow.check(Y.encodeStateAsUpdate(other)).problem).toBe(
      "the update writes outside the plan",
    );
  });

  it("checks typed text for marks the field does not take, unsafe links and length", () => {
    const bold = setUp();
    const boldUpdate = bold.edit((root) =>
      ((provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Lead ", {
        bold: {},
      }),
    );
    expect(bold.shadow.check(boldUpdate).problem).toMatch(
      /^the edit would leave the plan invalid: Invalid content for node provisionDeliveredBy/,
    );

    const link = setUp();
    const linkUpdate = link.edit((root) => {
      const paragraph = (provision(root).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, "click", { link: { href: "javascript:alert(1)" } });
    });
    expect(link.shadow.check(linkUpdate).problem).toMatch(
      // Refused as it is read, where it is: before the node is built from it.
      /^text in paragraph in provisionWhat in .*: the mark "link"'s 'href': a link must be an http, https or mail/,
    );

    const long = setUp();
    const longUpdate = long.edit((root) =>
      ((provision(root).get(2) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "x".repeat(2_001)),
    );
    expect(long.shadow.check(longUpdate).problem).toBe(
      "the edit would leave the plan invalid: provisionExpertise is longer than 2,000 characters",
    );
  });

  it("takes a language on a view, a paragraph and words, and refuses one that is not a tag", () => {
    const view = (root: Y.XmlFragment) => (root.get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    const paragraph = (root: Y.XmlFragment) => view(root).get(0) as Y.XmlElement;
    const words = (root: Y.XmlFragment) => paragraph(root).get(0) as Y.XmlText;
    const viewId = plan.sections.A.views[0]?.id;
    const accepted = [
      (root: Y.XmlFragment) => view(root).setAttribute("lang", "ur"),
      (root: Y.XmlFragment) => paragraph(root).setAttribute("lang", "cy"),
      (root: Y.XmlFragment) => words(root).format(2, 6, { lang: { lang: "pa-Arab" } }),
    ];
    for (const change of accepted) {
      const { shadow, edit } = setUp();
      expect(shadow.check(edit(change))).toMatchObject({ problem: null, parts: ["A"] });
    }
    // Each refused where the language is given: on the view, on the paragraph in it, on its words.
    const refused: [(root: Y.XmlFragment) => void, RegExp][] = [
      [
        (root) => view(root).setAttribute("lang", "not a language!"),
        new RegExp(`^the edit would leave the plan invalid: .*${viewId}.*lang`),
      ],
      [(root) => paragraph(root).setAttribute("lang", "ur_PK"), /invalid: .*lang/],
      [
        (root) => words(root).format(2, 6, { lang: { lang: "<script>" } }),
        /^text in paragraph in view .*: the mark "lang"'s 'lang': lang must be a language tag/,
      ],
      [
        (root) => words(root).format(2, 6, { lang: {} }),
        /the mark "lang" lacks its attribute 'lang'/,
      ],
    ];
    for (const [change, reason] of refused) {
      const { shadow, edit } = setUp();
      expect(shadow.check(edit(change)).problem).toMatch(reason);
    }
  });

  it("refuses an update that builds on changes the server has not seen", () => {
    const { shadow, edit } = setUp();
    const text = (root: Y.XmlFragment) =>
      (provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    edit((root) => text(root).insert(0, "a"));
    const second = edit((root) => text(root).insert(1, "b"));
    expect(shadow.check(second).problem).toBe(
      "the update builds on changes the server does not have",
    );
  });

  it("stays in step with the plan, through typing it checked and deletions that came another way", () => {
    const { server, client, shadow, edit } = setUp();
    const text = (root: Y.XmlFragment) =>
      (provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const typing = edit((root) => text(root).insert(0, "Lead "));
    expect(shadow.check(typing).problem).toBeNull();
    Y.applyUpdate(server, typing);
    // Another instance's deletion reaches the plan without passing this copy's check.
    Y.applyUpdate(
      server,
      edit((root) => text(root).delete(0, 5)),
    );
    // A parent's suggestion, sent as a client sends it: its own transaction, without the
    // deletion. It is only words if the copy's text, without it, is the plan's.
    const parent = { id: "user-parent", name: "The parent", role: "parent" };
    let suggestion: Uint8Array = new Uint8Array();
    client.once("update", (update: Uint8Array) => (suggestion = update));
    text(client.getXmlFragment(PLAN_FRAGMENT_NAME)).insert(0, "NHS ", {
      insertion: { id: "sug-1", by: parent.id, name: parent.name, role: parent.role },
    });
    expect(shadow.check(suggestion, "parent", parent.name).problem).toBeNull();
  });

  it("takes a keystroke in plain text without the copy; the copy takes it in before it checks an edit built on it", () => {
    const { server, client, shadow, edit } = setUp();
    const text = (root: Y.XmlFragment) =>
      (provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    // At the end of the text: a character typed first in a text has no origin, and goes the
    // copy's way.
    const keys = [" ", "a", "n", "d"].map((key) => {
      const update = edit((root) => text(root).insert(text(root).length, key));
      expect(shadow.check(update)).toMatchObject({
        problem: null,
        parts: ["F"],
        items: new Set([firstProvisionId]),
        fast: true,
      });
      Y.applyUpdate(server, update);
      return update;
    });
    expect(keys).toHaveLength(4);
    const backspace = edit((root) => text(root).delete(text(root).length - 1, 1));
    expect(shadow.check(backspace)).toMatchObject({ problem: null, fast: true });
    Y.applyUpdate(server, backspace);
    // Typed again where it was: placed after the character just deleted, still a keystroke.
    let retyped: Uint8Array = new Uint8Array();
    client.once("update", (update: Uint8Array) => (retyped = update));
    const typed = text(client.getXmlFragment(PLAN_FRAGMENT_NAME));
    typed.insert(typed.length, "d");
    expect(shadow.check(retyped)).toMatchObject({ problem: null, fast: true });
    Y.applyUpdate(server, retyped);
    // Words typed at two places in one change are no keystroke: checked on the copy, which must
    // hold the typed characters that one of them is placed after.
    const twoPlaces = edit((root) => {
      text(root).insert(text(root).length - 1, "x");
      text(root).insert(0, "Lead ");
    });
    const checked = shadow.check(twoPlaces);
    expect(checked).toMatchObject({ problem: null, parts: ["F"] });
    expect(checked.fast).toBeUndefined();
    Y.applyUpdate(server, twoPlaces);
    expect(text(server.getXmlFragment(PLAN_FRAGMENT_NAME)).toString()).toMatch(/^Lead .* anxd$/);
  });

  it("builds the copy again after more keystrokes than it keeps to take in, and checks the next edit on all of them", () => {
    const { server, client, shadow } = setUp();
    const text = (root: Y.XmlFragment) =>
      (provision(root).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    // As an editor sends them: each transaction's own deletions, not every one the copy holds.
    const edit = (change: (root: Y.XmlFragment) => void): Uint8Array => {
      let sent: Uint8Array = new Uint8Array();
      client.once("update", (update: Uint8Array) => (sent = update));
      client.transact(() => change(client.getXmlFragment(PLAN_FRAGMENT_NAME)));
      return sent;
    };
    const take = (update: Uint8Array) => {
      expect(shadow.check(update)).toMatchObject({ problem: null, fast: true });
      Y.applyUpdate(server, update);
    };
    // 3,000 keystrokes: a character typed at the end, the one before it deleted; then one more.
    for (let i = 0; i < 1_500; i++) {
      take(edit((root) => text(root).insert(text(root).length, "z")));
      take(edit((root) => text(root).delete(text(root).length - 2, 1)));
    }
    take(edit((root) => text(root).insert(text(root).length, "!")));
    // Placed after the kept character: a copy that had missed it could not place the edit.
    const twoPlaces = edit((root) => {
      text(root).insert(text(root).length, "?");
      text(root).insert(0, "Lead ");
    });
    const checked = shadow.check(twoPlaces);
    expect(checked).toMatchObject({ problem: null, parts: ["F"] });
    expect(checked.fast).toBeUndefined();
    Y.applyUpdate(server, twoPlaces);
    const tooLong = edit((root) => {
      text(root).insert(text(root).length, "x".repeat(2_000));
      text(root).insert(0, "y");
    });
    expect(shadow.check(tooLong).problem).toBe(
      "the edit would leave the plan invalid: provisionDeliveredBy is longer than 2,000 characters",
    );
    expect(text(server.getXmlFragment(PLAN_FRAGMENT_NAME)).toString()).toMatch(/^Lead .*!\?$/);
  });

  it("counts a keystroke still waiting for its commit against the field's length, and forgets one withdrawn", () => {
    const { server, shadow } = setUp();
    const typist = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      return doc;
    };
    const text = (doc: Y.Doc) =>
      (provision(doc.getXmlFragment(PLAN_FRAGMENT_NAME)).get(1) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
    const type = (doc: Y.Doc, words: string) => {
      const before = Y.encodeStateVector(doc);
      text(doc).insert(text(doc).length, words);
      return Y.encodeStateAsUpdate(doc, before);
    };
    const [a, b] = [typist(), typist()];
    const room = 2_000 - text(a).length;
    const first = type(a, "x".repeat(room - 10));
    expect(shadow.check(first, "caseworker", "A", a.clientID)).toMatchObject({
      problem: null,
      fast: true,
    });
    // The first is not applied yet (its commit is under way): together they pass the cap.
    const second = type(b, "y".repeat(20));
    expect(shadow.check(second, "caseworker", "B", b.clientID).problem).toBe(
      "the edit would leave the plan invalid: provisionDeliveredBy is longer than 2,000 characters",
    );
    // Not stored after all: without it the second fits.
    shadow.withdraw(first);
    expect(shadow.check(second, "caseworker", "B", b.clientID)).toMatchObject({
      problem: null,
      fast: true,
    });
  });

  it("lets an editor carry a suggestion the plan has onto moved words, but not make one up in another's name", () => {
    const { server, shadow, edit } = setUp();
    const suggestion = { id: "sug-1", by: "user-parent", name: "A parent", role: "parent" };
    const whatText = (root: Y.XmlFragment) =>
      ((provision(root).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // The parent's suggestion, already in the plan.
    const suggested = edit((root) => whatText(root).insert(0, "NHS ", { insertion: suggestion }));
    expect(shadow.check(suggested, "parent", "A parent").problem).toBeNull();
    Y.applyUpdate(server, suggested);
    // Enter pressed inside it, as y-prosemirror writes it: the words after the cursor move to a
    // new paragraph and carry the parent's mark with them.
    const split = (mark: object, moved = true) =>
      edit((root) => {
        const paragraph = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        if (moved) whatText(root).delete(2, 2);
        text.insert(0, "S ", { insertion: mark });
        (provision(root).get(0) as Y.XmlElement).insert(1, [paragraph]);
      });
    const moved = split(suggestion);
    expect(shadow.check(moved).problem).toBeNull();
    Y.applyUpdate(server, moved);
    // The same words written anew, the parent's still in place: words the parent never wrote.
    const notMoved = split(suggestion, false);
    expect(shadow.check(notMoved).problem).toMatch(
      /^new words may not be shown as another person's suggestion \(A parent's\)/,
    );
    const madeUp = split({ ...suggestion, id: "sug-forged" }, false);
    expect(shadow.check(Y.mergeUpdates([notMoved, madeUp])).problem).toMatch(
      /a suggestion must carry its author's name as signed in \(A caseworker, caseworker\)/,
    );
  });

  /**
   * A plan with a suggestion of a parent's in its first provision, and a caseworker's delete in
   * the second taken after it, so the copy has read the plan's suggestions once: what follows
   * must be judged on the plan as it is then, not as it was read.
   */
  function afterSuggestionAndDelete() {
    const set = setUp();
    const { server, shadow, edit } = set;
    const take = (update: Uint8Array, role: Role = "caseworker", name?: string) => {
      expect(shadow.check(update, role, name).problem).toBeNull();
      Y.applyUpdate(server, update);
    };
    const suggest = (index: number, words: string, id: string) =>
      take(
        edit((root) => whatText(root, index).insert(0, words, { insertion: { id, ...PARENT } })),
        "parent",
        PARENT.name,
      );
    suggest(0, "NHS ", "sug-1");
    take(edit((root) => whatText(root, 1).delete(whatText(root, 1).length - 1, 1)));
    return { ...set, take, suggest };
  }
  const PARENT = { by: "user-parent", name: "A parent", role: "parent" };
  const whatText = (root: Y.XmlFragment, index: number) =>
    ((provision(root, index).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const TAKEN_OUT =
    /^A parent's suggestion may be taken out only by accepting or rejecting it, with a reason, not by an edit$/;

  it("reads the plan's suggestions afresh after each change it takes: a delete of words suggested since the last delete is refused", () => {
    const { shadow, edit, suggest } = afterSuggestionAndDelete();
    suggest(1, "Weekly ", "sug-2");
    expect(shadow.check(edit((root) => whatText(root, 1).delete(1, 1))).problem).toMatch(TAKEN_OUT);
  });

  it("refuses deleting a provision that holds another person's suggestion, after deletes elsewhere were taken", () => {
    const { shadow, edit, take } = afterSuggestionAndDelete();
    take(edit((root) => whatText(root, 1).delete(whatText(root, 1).length - 1, 1)));
    expect(shadow.check(edit((root) => sectionF(root).delete(0, 1))).problem).toMatch(TAKEN_OUT);
  });
});
