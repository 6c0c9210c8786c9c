import { describe, expect, it } from "vitest";
import {
  blankPlan,
  checkIntegrity,
  createId,
  ID_PATTERN,
  parsePlan,
  planToYDoc,
  yDocToPlan,
} from "../index.js";

describe("blankPlan", () => {
  const options = {
    child: {
      fullName: "Ada Lee",
      preferredName: "Ada",
      dateOfBirth: "2018-04-02",
      pronouns: "she/her",
      yearGroup: "Year 3",
    },
    requestReceived: "2026-11-02",
  };

  it("is a valid draft with every section present and empty", () => {
    const plan = blankPlan(options);
    expect(parsePlan(plan)).toStrictEqual(plan);
    expect(plan.meta.status).toBe("draft");
    expect(Object.keys(plan.sections)).toEqual([
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
      "G",
      "H1",
      "H2",
      "I",
      "J",
      "K",
    ]);
    expect(checkIntegrity(plan)).toEqual([]);
    expect(yDocToPlan(planToYDoc(plan))).toStrictEqual(plan);
  });

  it("gets a fresh plan id each time", () => {
    expect(blankPlan(options).id).not.toBe(blankPlan(options).id);
  });
});

describe("createId", () => {
  it("makes valid, distinct ids with the prefix", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createId("prov")));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect([...ids][0]).toMatch(/^prov-[0-9a-z]{10}$/);
  });

  it("refuses a prefix that would make an invalid id", () => {
    expect(() => createId("my prefix")).toThrow(RangeError);
  });
});
