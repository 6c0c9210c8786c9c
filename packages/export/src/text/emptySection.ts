import type { SectionKey } from "@ehcp/schema";

/**
 * What a section of the plan says when nothing is in it, the same words in every format: a
 * family reads "no health needs have been identified" as the council's statement, so the DOCX and
 * the PDF must not differ in it.
 */
export const EMPTY_SECTION = {
  A: "No views have been recorded.",
  B: "No special educational needs have been identified.",
  C: "No health needs related to special educational needs have been identified.",
  D: "No social care needs related to special educational needs or disability have been identified.",
  E: "No outcomes have been set.",
  F: "No special educational provision is specified.",
  G: "No health provision is specified.",
  H1: "No social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 is specified.",
  H2: "No other social care provision is specified.",
  K: "No advice or information is listed.",
} as const satisfies Partial<Record<SectionKey, string>>;
