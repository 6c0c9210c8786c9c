import { describe, expect, it } from "vitest";
import { planSchema } from "../prosemirror/planSchema.js";
import { isSafeHref } from "./safeHref.js";

describe("isSafeHref", () => {
  it("takes http, https and mailto addresses as the URL parser reads them", () => {
    for (const href of [
      "https://www.gov.uk/children-with-special-educational-needs",
      "http://example.org/a?b=c#d",
      "HTTPS://EXAMPLE.ORG",
      "mailto:sen@council.example",
    ]) {
      expect(isSafeHref(href), href).toBe(true);
    }
  });

  it("refuses addresses a pattern would pass: hidden line breaks, controls, no host, other schemes", () => {
    for (const href of [
      "https://example.org/\njavascript:alert(1)",
      "https://example.org/\tx",
      "https://exa\u0000mple.org",
      "https://example.org/\u2028",
      " https://example.org",
      "https://",
      "javascript:alert(1)",
      "data:text/html,<script>",
      "https://exa mple.org",
      42,
    ]) {
      expect(isSafeHref(href), String(href)).toBe(false);
    }
  });

  it("is what the plan schema's link mark checks", () => {
    expect(() => planSchema.marks.link.create({ href: "https://x.org/\njavascript:" })).toThrow(
      "a link must be an http, https or mailto address",
    );
  });
});
