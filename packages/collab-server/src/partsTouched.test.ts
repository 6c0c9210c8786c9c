import { parsePlan, planToYDoc } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { partsTouched } from "./partsTouched.js";
import { examplePlan } from "@ehcp/fixtures";

/** The server's document, and a client's copy whose next change is captured as an update. */
function setup() {
  const server = planToYDoc(parsePlan(examplePlan("plan-good.json")));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const root = client.getXmlFragment("default");
  const section = (i: number) => root.get(i) as Y.XmlElement;
  const change = (edit: () => void): Uint8Array => {
    let captured: Uint8Array | null = null;
    const listener = (u: Uint8Array) => {
      captured = captured ? Y.mergeUpdates([captured, u]) : u;
    };
    client.on("update", listener);
    client.transact(edit);
    client.off("update", listener);
    return captured ?? new Uint8Array();
  };
  return { server, section, root, change };
}

describe("partsTouched", () => {
  it("places typing in a field in its section", () => {
    const { server, section, change } = setup();
    const text = ((section(6).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    expect(
      partsTouched(
        server,
        change(() => text.insert(3, "xyz")),
      ),
    ).toEqual(new Set(["F"]));
  });

  it("places a changed attribute, a new item and a deleted item in their sections", () => {
    const { server, section, change } = setup();
    expect(
      partsTouched(
        server,
        change(() => (section(5).get(0) as Y.XmlElement).setAttribute("byWhen", "2028-07")),
      ),
    ).toEqual(new Set(["E"]));
    const fresh = new Y.XmlElement("provision");
    fresh.setAttribute("id", "prov-new");
    fresh.insert(0, [new Y.XmlElement("provisionWhat")]);
    expect(
      partsTouched(
        server,
        change(() => section(7).insert(1, [fresh])),
      ),
    ).toEqual(new Set(["G"]));
    expect(
      partsTouched(
        server,
        change(() => section(2).delete(1, 1)),
      ),
    ).toEqual(new Set(["B"]));
  });

  it("finds every part one update touches, the plan details and the outline among them", () => {
    const { server, section, root, change } = setup();
    const update = change(() => {
      section(1).delete(0, 1);
      section(11).setAttribute("requested", false as unknown as string);
      (root.get(0) as Y.XmlElement).setAttribute("status", "final");
    });
    expect(partsTouched(server, update)).toEqual(new Set(["A", "J", "meta"]));
    // Deleting section C deletes its outline entry and everything in it.
    const deleteC = change(() => root.delete(3, 1));
    expect(partsTouched(server, deleteC)).toEqual(new Set(["structure", "C"]));
  });

  it("finds nothing in an update the server already holds", () => {
    const { server, section, change } = setup();
    const update = change(() => section(10).setAttribute("placement", null as unknown as string));
    Y.applyUpdate(server, update);
    expect(partsTouched(server, update)).toEqual(new Set());
  });
});
