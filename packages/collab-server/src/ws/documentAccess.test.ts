import { examplePlan } from "@ehcp/fixtures";
import {
  adviceDocumentName,
  type Plan,
  PLAN_FRAGMENT_NAME,
  parsePlan,
  planToYDoc,
} from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceAsked } from "../../test/adviceAsked.js";
import { until } from "../../test/attack.js";
import { connect, disconnect } from "../../test/connect.js";
import { rawClient, syncUpdate } from "../../test/rawClient.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { tokenOf } from "../../test/tokens.js";
import { answerOf } from "../../test/answerOf.js";
import { testStores } from "../../test/testStores.js";

const good = parsePlan(examplePlan("plan-good.json"));

const ana = { id: "user-ana", name: "Dr Ana Ruiz", role: "educational-psychologist" as const };
const pat = { id: "user-pat", name: "Pat Castell", role: "parent" as const };
const ATTACKER = 0x5eed;

const child = (parent: Y.XmlFragment | Y.XmlElement, name: string) =>
  parent.toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === name) as Y.XmlElement;
const section = (doc: Y.Doc, key: string) =>
  child(doc.getXmlFragment(PLAN_FRAGMENT_NAME), `section${key}`);
/** The first words of section A's first view. */
const viewText = (doc: Y.Doc) =>
  ((section(doc, "A").get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** An edit made on a copy of `doc` under `client`, as an editor would send it. */
function editOf(doc: Y.Doc, client: number, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = client;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe.each(testStores)("who may open and write advice, on %s", (_name, available, openStore) => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    if (available) {
      test = await startTestServer("advice-access", {
        today: () => "2026-11-20",
        ...(openStore ? { openStore } : {}),
      });
    }
  });
  afterAll(() => test?.stop());

  /** A plan with advice asked of Ana (a psychologist) and of Pat (the parent). */
  async function scene() {
    const {
      id,
      requests: [anaRequest, patRequest],
    } = await adviceAsked(test.url, "plan-access", [ana, pat]);
    const anaAdvice = adviceDocumentName(id, anaRequest);
    const patAdvice = adviceDocumentName(id, patRequest);
    return { id, anaAdvice, patAdvice };
  }

  it.runIf(available)(
    "lets the adviser write the parts of their advice and nothing else of it, the caseworker read it live, and no one else open it",
    async () => {
      const { id, anaAdvice } = await scene();
      const anaToken = await tokenOf(ana);
      const writer = await rawClient(test.url, anaAdvice, anaToken);
      const caseworker = await connect(test.url, anaAdvice);
      // Her advice names the child, from the plan, and holds nothing else yet.
      expect(section(caseworker.document, "A").length).toBe(0);
      expect(
        (
          child(caseworker.document.getXmlFragment(PLAN_FRAGMENT_NAME), "planDetails").getAttribute(
            "child",
          ) as unknown as { fullName: string }
        ).fullName,
      ).toBe(good.meta.child.fullName);

      // The child's views as she heard them: a view in section A of her advice, taken.
      const view = (section(planToYDoc(good), "A").get(0) as Y.XmlElement).clone();
      const heard = editOf(caseworker.document, ATTACKER, (d) => section(d, "A").insert(0, [view]));
      expect(await answerOf(writer, anaAdvice, heard)).toBe("taken");
      await until(
        () => section(caseworker.document, "A").length === 1,
        "her words at the caseworker",
      );

      // Not the child's details, nor the school named, nor the outline.
      const renamed = editOf(caseworker.document, ATTACKER, (d) =>
        child(d.getXmlFragment(PLAN_FRAGMENT_NAME), "planDetails").setAttribute("child", {
          ...good.meta.child,
          fullName: "Someone Else",
        } as never),
      );
      expect(await answerOf(writer, anaAdvice, renamed)).toBe(
        "educational psychologist may not change the plan details",
      );
      const placed = editOf(caseworker.document, ATTACKER, (d) =>
        section(d, "I").setAttribute("placement", {
          institutionName: "Hillside Primary",
          institutionType: "mainstream",
        } as never),
      );
      expect(await answerOf(writer, anaAdvice, placed)).toMatch(/may not change section I/);

      // The caseworker reads; what they send is not taken.
      const caseworkerRaw = await rawClient(
        test.url,
        anaAdvice,
        await tokenOf({ id: "user-caseworker", name: "The caseworker", role: "caseworker" }, "*"),
      );
      const overwrite = editOf(caseworker.document, 0xc0de, (d) =>
        viewText(d).insert(0, "#CASEWORKER#"),
      );
      caseworkerRaw.send(syncUpdate(anaAdvice, overwrite));
      // A parent, a school and another psychologist may not open it at all, whatever plans
      // their tokens open.
      for (const [who, role] of [
        ["user-pat", "parent"],
        ["user-school", "school"],
        ["user-mallory", "educational-psychologist"],
      ] as const) {
        await expect(
          rawClient(
            test.url,
            anaAdvice,
            await tokenOf({ id: who, name: `Person ${who}`, role }, "*"),
          ),
        ).rejects.toThrow(
          "refused: only Dr Ana Ruiz, who was asked for this advice, writes it (with the co-authors they invite), and only the caseworker reads it while it is written",
        );
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(viewText(caseworker.document).toString()).not.toContain("#CASEWORKER#");

      // Over HTTP, the same people read it.
      const asCaseworker = await callApi(
        test.url,
        "GET",
        `/plans/${id}/advice/${anaAdvice.split("advice:")[1]}`,
        "caseworker",
      );
      expect(asCaseworker.status).toBe(200);
      expect((asCaseworker.json as unknown as Plan).sections.A.views).toHaveLength(1);
      expect(JSON.stringify(asCaseworker.json)).not.toContain("#CASEWORKER#");
      expect(
        (
          await callApi(
            test.url,
            "GET",
            `/plans/${id}/advice/${anaAdvice.split("advice:")[1]}`,
            "parent",
          )
        ).status,
      ).toBe(403);
      // And the caseload lists plans, never advice.
      const caseload = await callApi(test.url, "GET", "/plans", "caseworker");
      expect((caseload.json.plans as { id: string }[]).map((p) => p.id)).not.toContain(anaAdvice);

      disconnect(caseworker);
      writer.socket.close();
      caseworkerRaw.socket.close();
      await test.restart();
      const stored = await callApi(
        test.url,
        "GET",
        `/plans/${id}/advice/${anaAdvice.split("advice:")[1]}`,
        "caseworker",
      );
      expect((stored.json as unknown as Plan).sections.A.views).toHaveLength(1);
      expect((stored.json as unknown as Plan).meta.child.fullName).toBe(good.meta.child.fullName);
      expect(JSON.stringify(stored.json)).not.toContain("#CASEWORKER#");
    },
  );

  it.runIf(available)(
    "refuses the parent's update addressed to the psychologist's advice over the parent's own connection",
    async () => {
      const { anaAdvice, patAdvice } = await scene();
      const parent = await rawClient(test.url, patAdvice, await tokenOf(pat));
      const watcher = await connect(test.url, anaAdvice);
      const marker = "#PARENT IN THE PSYCHOLOGIST'S ADVICE#";
      const view = (section(planToYDoc(good), "A").get(0) as Y.XmlElement).clone();
      const forged = editOf(watcher.document, ATTACKER, (d) => {
        section(d, "A").insert(0, [view]);
        viewText(d).insert(0, marker);
      });
      // Their socket is signed in to their own advice, not hers: the message is not taken.
      parent.send(syncUpdate(anaAdvice, forged));
      await new Promise((r) => setTimeout(r, 300));
      expect(section(watcher.document, "A").length).toBe(0);
      disconnect(watcher);
      parent.socket.close();
      const stored = await callApi(
        test.url,
        "GET",
        `/plans/${anaAdvice.split("/")[0]}/advice/${anaAdvice.split("advice:")[1]}`,
        "caseworker",
      );
      expect(JSON.stringify(stored.json)).not.toContain(marker);
    },
  );

  it.runIf(available)(
    "lets the psychologist read the plan her advice is for and write nothing in it: section A refused",
    async () => {
      const { id } = await scene();
      const caseworker = await connect(test.url, id);
      const marker = "#PSYCHOLOGIST IN SECTION A#";
      const intoA = editOf(caseworker.document, ATTACKER, (d) => viewText(d).insert(0, marker));

      // With only the request to open the plan, her connection reads and may not write.
      const reader = await rawClient(test.url, id, await tokenOf(ana));
      expect(await answerOf(reader, id, intoA)).toBe("not taken");
      // With a token of her own that opens the plan, her role's policy holds: not section A.
      const own = await rawClient(test.url, id, await tokenOf(ana, [id]));
      expect(await answerOf(own, id, intoA)).toBe(
        "educational psychologist may not change section A",
      );
      // Someone no request names, with a token that opens no plan, does not get in.
      await expect(
        rawClient(
          test.url,
          id,
          await tokenOf({ id: "user-mallory", name: "Mallory", role: "educational-psychologist" }),
        ),
      ).rejects.toThrow(`refused: this token does not open the plan ${id}`);

      await new Promise((r) => setTimeout(r, 100));
      expect(viewText(caseworker.document).toString()).not.toContain(marker);
      disconnect(caseworker);
      reader.socket.close();
      own.socket.close();
      await test.restart();
      const plan = await callApi(test.url, "GET", `/plans/${id}`, "caseworker");
      expect(JSON.stringify(plan.json)).not.toContain(marker);
    },
  );
});
