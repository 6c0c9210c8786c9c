import { describe, expect, it } from "vitest";
import { withProvisionText } from "@ehcp/fixtures";
import { findingsOf } from "../../test/findingsOf.js";
import { forTheChild } from "./forTheChild.js";

describe("forTheChild", () => {
  it("puts the child's name where advice says 'the child', and keeps the other words", () => {
    expect(forTheChild("give the amount the child will get, not a ceiling", "Mia")).toBe(
      "give the amount Mia will get, not a ceiling",
    );
    expect(forTheChild("The child's teacher should say how often", "Mia")).toBe(
      "Mia's teacher should say how often",
    );
    expect(forTheChild("name the children's group", "Mia")).toBe("name the children's group");
    expect(forTheChild("say what the child will get", "")).toBe("say what the child will get");
  });

  it("names the child in the default advice for 'access to' and 'up to #'", () => {
    for (const what of [
      "Access to a laptop for written work.",
      "Up to 3 hours of literacy support a week.",
    ]) {
      const messages = findingsOf(withProvisionText(what), "vague-wording").map((f) => f.message);
      expect(messages.length, what).toBeGreaterThan(0);
      for (const m of messages) {
        expect(m, what).not.toMatch(/\bthe child\b|\bthey\b/);
        expect(m, what).toMatch(/what Mia will get|amount Mia will get/);
      }
    }
  });

  it("names the child in a council's own advice that says 'the child'", () => {
    const [finding] = findingsOf(
      withProvisionText("Access to a laptop for written work."),
      "vague-wording",
      {
        vagueWords: { replace: ["access to"] },
      },
    );
    expect(finding?.message).toMatch(/Mia/);
  });
});
