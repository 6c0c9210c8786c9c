import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePlanJson } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { ehcp } from "../test/ehcp.js";

// The plans `npm start` seeds the app with: the first plans a new user sees.
const folder = fileURLToPath(new URL("../../../apps/playground/examples/", import.meta.url));
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
const plans = files.map((name) => parsePlanJson(readFileSync(folder + name, "utf8")));

describe("the app's example plans", () => {
  it.each(files)("%s is clean under ehcp check: no error and no warning", async (name) => {
    const result = await ehcp("check", folder + name);
    expect(result.out).toMatch(new RegExp(`^${name.replace(".", "\\.")}: 0 errors, 0 warnings`));
    expect(result.code).toBe(0);
  });

  it("are children of different ages: an early-years draft, a Year 9 final preparing for adulthood, and a young person at college", () => {
    const summary = plans.map((p) => ({
      year: p.meta.child.yearGroup,
      status: p.meta.status,
      pfa: new Set(p.sections.E.outcomes.map((o) => o.pfa).filter(Boolean)).size,
      named: p.sections.I.placement?.institutionType ?? null,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { year: "Nursery", status: "draft", pfa: 0, named: null },
        { year: "Year 9", status: "final", pfa: 4, named: "mainstream" },
        expect.objectContaining({ status: "final", pfa: 4, named: "post-16" }),
      ]),
    );
    // Every need is met by an outcome, and every outcome by a provision: the thread is whole.
    for (const plan of plans) {
      const { B, C, D, E, F, G, H1, H2 } = plan.sections;
      const provisions = [F, G, H1, H2].flatMap((s) => s.provisions);
      for (const need of [...B.needs, ...C.needs, ...D.needs]) {
        expect(
          E.outcomes.some((o) => o.needIds.includes(need.id)),
          need.id,
        ).toBe(true);
      }
      for (const outcome of E.outcomes) {
        expect(
          provisions.some((p) => p.outcomeIds.includes(outcome.id)),
          outcome.id,
        ).toBe(true);
      }
    }
  });
});
