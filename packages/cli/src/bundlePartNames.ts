/** The parts of the bundle `ehcp export --include` and `--omit` name. */
export const BUNDLE_PARTS = [
  "provision-summary",
  "need-table",
  "signature",
  "rights",
  "advice",
  "advice-use",
] as const;
export type BundlePartName = (typeof BUNDLE_PARTS)[number];
