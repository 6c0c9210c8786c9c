/**
 * The plan holds a character that no font the PDF export carries can draw. The export stops
 * rather than print an empty box, naming the item (F3), where it is in Plan JSON and the character.
 */
export class UnprintableCharacterError extends Error {
  override readonly name = "UnprintableCharacterError";

  constructor(
    /** The item's label (F3), or the part of the document ("title page"). */
    readonly item: string,
    /** Where the item is in Plan JSON, such as `sections.F.provisions[2]`. */
    readonly path: string,
    readonly character: string,
  ) {
    const code = [...character]
      .map((c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`)
      .join(" ");
    // A control or invisible character is named by its code alone: printed, it would break the
    // message or show nothing.
    const shown = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u.test(character) ? `"${character}" ` : "";
    super(
      `${item} (${path}): the character ${shown}(${code}) has no glyph in any font the PDF export carries, so it cannot be printed`,
    );
  }
}
