import { describe, expect, it } from "vitest";
import { accessedThing } from "./accessedThing.js";
import { tokenize } from "./tokenize.js";

const read = (text: string) => {
  const tokens = tokenize(text);
  return accessedThing(
    tokens,
    tokens.findIndex((t) => t.norm === "access"),
    text,
  );
};

describe("accessedThing", () => {
  it.each([
    ["a social skills group twice a week", "service"],
    ["daily speech and language therapy", "service"],
    ["to 1:1 support at lunchtime", "service"],
    ["the curriculum", "learning"],
    ["her lessons with help", "learning"],
    ["her emails on her tablet", "own"],
    ["the school library on his own", "own"],
    ["the lunchtime chess club", "own"],
  ])("reads 'access %s' as %s", (object, kind) => {
    expect(read(`Mia will access ${object}.`)).toBe(kind);
  });
  it("reads only the thing accessed, not what the child does with it after", () => {
    expect(read("Mia will access her emails on her tablet and reply to one each day.")).toBe("own");
  });
});
