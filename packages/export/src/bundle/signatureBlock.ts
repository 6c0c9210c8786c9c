import type { Plan } from "@ehcp/schema";
import { formatDate } from "@ehcp/schema";
import type { BundlePart } from "./BundlePart.js";

/**
 * The signature of the officer who issues the final plan for the council: name, role and date
 * from the plan's final-issue details, and room to sign. Where the plan does not record them yet,
 * the lines are left to be filled in by hand rather than invented.
 */
export function signatureBlock(plan: Plan, councilName: string): BundlePart {
  const { signOff, dates } = plan.meta;
  const date = signOff?.date ?? dates.finalIssued;
  // An empty line is left to be written on by hand.
  const value = (v: string | null | undefined) => [[{ text: v ?? "" }]];
  return {
    id: "signature",
    heading: "Signed for the council",
    blocks: [
      {
        kind: "paragraph",
        runs: [
          {
            text: `This Education, Health and Care Plan is issued by ${councilName || "the council"} under section 37 of the Children and Families Act 2014.`,
          },
        ],
      },
      {
        kind: "table",
        header: [],
        rows: [
          [[[{ text: "Name", bold: true }]], value(signOff?.officerName)],
          [[[{ text: "Role", bold: true }]], value(signOff?.role)],
          [[[{ text: "Date", bold: true }]], value(formatDate(date))],
          [[[{ text: "Signature", bold: true }]], [[{ text: "" }], [{ text: "" }], [{ text: "" }]]],
        ],
        widths: [0.3, 0.7],
        rowHeaders: true,
      },
    ],
  };
}
