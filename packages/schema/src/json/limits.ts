// Limits keep a hostile or broken file from exhausting memory or the stack. They sit far above
// anything a real plan holds, so a writer never meets them.

/** Deepest nesting of arrays and objects accepted in a plan (a real plan needs about 15). */
export const MAX_DEPTH = 64;
/** Longest text node inside rich text, in characters. */
export const MAX_TEXT_LENGTH = 100_000;
/** Longest plain-text field (a title, a name, who delivers a provision), in characters. */
export const MAX_FIELD_LENGTH = 2_000;
