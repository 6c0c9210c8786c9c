import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontStyle, string> = {
  regular: "400-normal",
  bold: "700-normal",
  italic: "400-italic",
  boldItalic: "700-italic",
};

/**
 * Atkinson Hyperlegible (SIL Open Font License), drawn for readers with low vision. Fontsource
 * ships it in two subsets; Latin covers English and the Latin Extended file covers names such as
 * "Łódź", so each style comes in both and text picks by character.
 */
export function loadFonts(): Record<FontStyle, { latin: Uint8Array; latinExt: Uint8Array }> {
  const load = (subset: string, file: string) =>
    readFileSync(
      require.resolve(
        `@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${file}.woff`,
      ),
    );
  const out = {} as Record<FontStyle, { latin: Uint8Array; latinExt: Uint8Array }>;
  for (const style of Object.keys(FILES) as FontStyle[]) {
    out[style] = { latin: load("latin", FILES[style]), latinExt: load("latin-ext", FILES[style]) };
  }
  return out;
}
