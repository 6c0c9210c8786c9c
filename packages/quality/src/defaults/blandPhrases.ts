/**
 * Empty praise and deficit wording that says nothing about who a child is (DfE template guidance
 * for section A). The child's own quoted words are never checked against it.
 */
export const DEFAULT_BLAND_PHRASES: readonly string[] = [
  "lovely",
  "lovely smile",
  "pleasant",
  "not disruptive",
  "average",
  "a delight",
  "a joy",
  "well behaved",
  "well-behaved",
  "no concerns",
  "no problems",
  "happy child",
  "polite",
  "good boy",
  "good girl",
];
