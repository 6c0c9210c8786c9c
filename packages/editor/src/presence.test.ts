import { describe, expect, it } from "vitest";
import { cleanPresence } from "./presence.js";

describe("cleanPresence", () => {
  it("keeps a name, a known role, a colour and a section, and nothing else", () => {
    expect(
      cleanPresence(7, {
        user: { name: " Alex ", role: "school", color: "#1D4ED8", email: "alex@school.org" },
        section: "F",
        token: "secret",
        cursor: { anchor: 1 },
      }),
    ).toEqual({ clientId: 7, name: "Alex", role: "school", color: "#1D4ED8", section: "F" });
  });

  it("drops states without a name or with an unknown role, and replaces odd colours and sections", () => {
    expect(cleanPresence(1, { user: { role: "school" } })).toBeNull();
    expect(cleanPresence(1, { user: { name: "Eve", role: "admin" } })).toBeNull();
    expect(
      cleanPresence(1, {
        user: { name: "Sam", role: "parent", color: "red;background:url(x)" },
        section: "Z",
      }),
    ).toEqual({ clientId: 1, name: "Sam", role: "parent", color: "#4b5563", section: null });
  });
});
