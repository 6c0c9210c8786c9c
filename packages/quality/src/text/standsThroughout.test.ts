import { describe, expect, it } from "vitest";
import { standsThroughout } from "./standsThroughout.js";
import { tokenize } from "./tokenize.js";

const stands = (text: string) => standsThroughout(tokenize(text));

describe("standsThroughout", () => {
  it("reads a thing given, or an arrangement with where it holds, as quantified by itself", () => {
    expect(stands("A height-adjustable desk and a footrest at her place in the science lab.")).toBe(
      true,
    );
    expect(stands("Extra time of 25% in all mock and public exams.")).toBe(true);
    expect(stands("Every worksheet enlarged to A3 on buff paper.")).toBe(true);
    expect(stands("Ear defenders in assemblies.")).toBe(true);
    expect(stands("A wobble cushion in every carpet session.")).toBe(true);
  });

  it("leaves what is done with the child, a use, or a time with no scope, still owed its how much", () => {
    expect(stands("Pre-teaching of key words before each lesson.")).toBe(false);
    expect(stands("A laptop for touch-typing sessions.")).toBe(false);
    expect(stands("Use of a laptop.")).toBe(false);
    expect(stands("Extra time.")).toBe(false);
    expect(stands("A now-and-next board in lessons.")).toBe(false);
    expect(stands("A reduced timetable for a short period.")).toBe(false);
    expect(stands("Support from a teaching assistant in every lesson.")).toBe(false);
  });
});
