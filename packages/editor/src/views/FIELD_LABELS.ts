/** The visible label of each field of an item, in plain words. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  needsSummary: "Summary of needs",
  needTitle: "Need",
  needDescription: "What the need is",
  outcomeStatement: "Outcome",
  outcomeStep: "Step towards it",
  provisionWhat: "What the provision is",
  provisionDeliveredBy: "Who delivers it",
  provisionExpertise: "With what expertise",
  budgetNotes: "Notes on the personal budget",
};
