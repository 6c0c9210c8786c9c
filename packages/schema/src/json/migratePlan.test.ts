import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  migratePlan,
  PLAN_FORMAT_VERSION,
  PlanFormatError,
  parsePlan,
  yDocToPlan,
} from "../index.js";
import { frozenFixture, frozenJson, frozenVersionFiles, frozenVersions } from "@ehcp/fixtures/node";

const versions = frozenVersions();

describe("frozen fixtures of every format version", () => {
  it("include the current version", () => {
    expect(versions).toContain(`v${PLAN_FORMAT_VERSION}`);
  });

  for (const version of versions) {
    for (const file of frozenVersionFiles(version).filter((f) => f.endsWith(".json"))) {
      it(`${version}/${file} is still read`, () => {
        const plan = parsePlan(frozenJson(`${version}/${file}`));
        // Minor versions only add, so a plan of version 1 or 1.1 reads as it was written.
        expect(plan.formatVersion).toBe(Number(version.slice(1)));
        expect(plan).toStrictEqual(frozenJson(`${version}/${file}`));
      });
      const bin = file.replace(/\.json$/, ".ydoc.bin");
      it(`${version}/${bin}, a stored Yjs document, is still read`, () => {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, new Uint8Array(frozenFixture(`${version}/${bin}`)));
        expect(yDocToPlan(ydoc)).toStrictEqual(parsePlan(frozenJson(`${version}/${file}`)));
      });
    }
  }
});

describe("migratePlan", () => {
  const plan = () => frozenJson("v1/plan-good.json") as Record<string, unknown>;

  it("passes a current plan through unchanged", () => {
    expect(migratePlan(plan())).toStrictEqual(plan());
  });

  it("refuses a plan from a newer format version, saying which", () => {
    const newer = { ...plan(), formatVersion: PLAN_FORMAT_VERSION + 1 };
    expect(() => parsePlan(newer)).toThrow(PlanFormatError);
    try {
      parsePlan(newer);
    } catch (error) {
      expect((error as PlanFormatError).issues).toEqual([
        {
          path: "formatVersion",
          segments: ["formatVersion"],
          message: `this plan is format version ${PLAN_FORMAT_VERSION + 1}, newer than this toolkit reads (up to ${PLAN_FORMAT_VERSION}); upgrade @ehcp/schema to open it`,
        },
      ]);
    }
  });

  it("refuses a format version this toolkit does not know", () => {
    for (const formatVersion of [0, "1", null]) {
      expect(() => migratePlan({ ...plan(), formatVersion })).toThrow(
        /formatVersion: expected a version number of 1 or more/,
      );
    }
    expect(() => migratePlan({ ...plan(), formatVersion: 1.05 })).toThrow(
      /formatVersion: no format version 1.05: this toolkit reads 1, 1.1, 1.2/,
    );
  });

  it("applies each step in turn, from the plan's version up to the target", () => {
    // A pretend history of three versions shows the steps run in order, each seeing the last.
    const seen: number[] = [];
    const step = (from: number) => ({
      from,
      migrate: (p: Record<string, unknown>) => {
        seen.push(p.formatVersion as number);
        return { ...p, [`step${from}`]: true };
      },
    });
    const migrated = migratePlan({ ...plan(), formatVersion: 1 }, [step(2), step(1)], 3);
    expect(seen).toEqual([1, 2]);
    expect(migrated).toMatchObject({ formatVersion: 3, step1: true, step2: true });
    expect(() => migratePlan({ ...plan(), formatVersion: 1 }, [step(1)], 3)).toThrow(
      "formatVersion: no migration from format version 2",
    );
    expect(() => migratePlan({ ...plan(), formatVersion: 4 }, [], 3)).toThrow(
      /format version 4, newer than this toolkit reads \(up to 3\)/,
    );
  });
});
