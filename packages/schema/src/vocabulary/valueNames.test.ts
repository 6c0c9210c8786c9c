import { describe, expect, it } from "vitest";
import {
  AGENCIES,
  AREAS_OF_NEED,
  BUDGET_ARRANGEMENTS,
  INSTITUTION_TYPES,
  NEED_AREAS,
  PFA_AREAS,
  VIEW_TOPICS,
  VOICES,
} from "../json/plan.js";
import {
  AGENCY_NAMES,
  AREA_NAMES,
  ARRANGEMENT_NAMES,
  INSTITUTION_TYPE_NAMES,
  nameOf,
  PFA_NAMES,
  TOPIC_NAMES,
  VOICE_NAMES,
} from "./valueNames.js";

describe("the plain names of coded values", () => {
  it("name every code a plan may hold in words, not in the code's own spelling", () => {
    const tables = [
      [[...AREAS_OF_NEED, ...NEED_AREAS.C, ...NEED_AREAS.D], AREA_NAMES],
      [VOICES, VOICE_NAMES],
      [VIEW_TOPICS, TOPIC_NAMES],
      [PFA_AREAS, PFA_NAMES],
      [INSTITUTION_TYPES, INSTITUTION_TYPE_NAMES],
      [BUDGET_ARRANGEMENTS, ARRANGEMENT_NAMES],
      [AGENCIES, AGENCY_NAMES],
    ] as const;
    for (const [codes, names] of tables) {
      for (const code of codes) {
        const name = nameOf(names, code);
        expect(name, code).toMatch(/^[A-Z]/);
        expect(name, code).not.toBe(code);
      }
    }
    expect(nameOf(AREA_NAMES, "semh")).toBe("Social, emotional and mental health");
  });

  it("falls back to the code for a value it does not know, so nothing shows blank", () => {
    expect(nameOf(AGENCY_NAMES, "police")).toBe("police");
    expect(nameOf(AGENCY_NAMES, "toString")).toBe("toString");
  });
});
