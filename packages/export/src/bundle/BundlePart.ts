/** A piece of text in a part of the bundle: plain, bold, or a link to an item or an address. */
export interface BundleRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** The label of an item of the plan (F3) it links to. */
  readonly item?: string;
  /** An address outside the document (https or mailto). */
  readonly href?: string;
}

/** A line of a table cell. */
export type BundleLine = readonly BundleRun[];

export type BundleBlock =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly runs: readonly BundleRun[] }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      /** Each row's cells, each cell its lines. */
      readonly rows: readonly (readonly (readonly BundleLine[])[])[];
      /** Each column's share of the text width, adding up to 1. */
      readonly widths: readonly number[];
      /** Whether each row's first cell heads it (a form's labels). */
      readonly rowHeaders?: boolean;
    };

/**
 * A part of the bundle a family, a school and a tribunal need, written once for both the PDF and
 * the DOCX: a heading 1, with headings 2, paragraphs and tables under it.
 */
export interface BundlePart {
  readonly id: "provision-summary" | "need-table" | "signature" | "rights" | "advice-use";
  readonly heading: string;
  readonly blocks: readonly BundleBlock[];
}
