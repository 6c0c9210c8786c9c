import type { AdviceExport, Plan } from "@ehcp/schema";
import type { CouncilSettings } from "./CouncilSettings.js";

/** How the plan's sections are laid out in a document. */
export type Layout = "sections" | "areas-of-need";

export interface ExportOptions {
  /**
   * `sections` (default): A to K in statutory order. `areas-of-need`: the national template's
   * layout, with each broad area of need's needs, outcomes and provision together, and C, D, G, H,
   * I, J and K after.
   */
  readonly layout?: Layout;
  /** The council's name on the title page; default the plan's `meta.localAuthority`. */
  readonly councilName?: string;
  /** The council's logo for the title page. */
  readonly logo?: {
    readonly data: Uint8Array;
    readonly type: "png" | "jpg";
    /** Text that describes the logo to someone who cannot see it. */
    readonly altText: string;
    readonly widthPx?: number;
    readonly heightPx?: number;
  };
  /**
   * Add an appendix of what changed since an earlier version of the plan (an annual review's
   * amendments, say): each item added, removed or changed, field by field.
   */
  readonly changesSince?: { readonly plan: Plan; readonly name: string };
  /** Add an appendix with the checker's counts and the traceability matrix. */
  readonly qualityAppendix?: boolean;
  /** The date the checker counts from, for the appendix (YYYY-MM-DD). */
  readonly today?: string;
  /**
   * Make a draft copy of a plan whose structure is broken (what `ehcp validate` rejects: an id
   * used twice, a link to a missing item). Without it such a plan throws a `PlanIntegrityError`
   * naming the items; with it the title page lists the problems and every page is headed DRAFT.
   */
  readonly allowFindings?: boolean;
  /**
   * The plan's issue and date in every page's footer ("Final plan, issue 2, issued 13 March
   * 2027"), so that pages of different issues cannot be mixed. Default true.
   */
  readonly issueInFooter?: boolean;
  /**
   * "DRAFT" across each page, pale: in the PDF as an artifact a screen reader passes over, in the
   * DOCX as Word's own watermark (a WordArt shape in the header). The header still names the
   * child. Default: for a draft (and a draft copy), not for a final plan.
   */
  readonly watermark?: boolean;
  /**
   * A summary of all section F provision with the hours a week each adds and their total, saying
   * which cannot be added because they are not given by the week. Default true.
   */
  readonly provisionSummary?: boolean;
  /** Each need with the outcomes that name it and the provision serving them. Default true. */
  readonly needTable?: boolean;
  /**
   * The signature block of the officer issuing a final plan (name, role and date from
   * `meta.signOff`). Default: for a final plan, never for a draft or a draft copy.
   */
  readonly signatureBlock?: boolean;
  /**
   * The family's rights and whom to contact (the date for representations on a draft, mediation
   * and appeal on a final plan, SENDIASS), from `councilSettings`. Default: when settings are given.
   */
  readonly familyRights?: boolean;
  /**
   * A contents page after the title page in the PDF: each heading 1 with its page number and a
   * link to it, tagged TOC and TOCI. Default true. (The DOCX has none: see the README.)
   */
  readonly tableOfContents?: boolean;
  /**
   * Submitted advice, each as its advice export (`exportAdviceJson`: the request, the version and
   * the advice), to append to the plan: "Appendix 1: Educational psychology advice from …". Each
   * is checked first; one that is not an advice export for this plan throws an
   * `AdviceExportError` naming it (`advice[1]`) and the place in it that is wrong.
   */
  readonly advice?: readonly AdviceExport[];
  /**
   * The advice as appendices, after the plan (CoP 9.77: the draft goes to the family with the
   * advice appended). Default true, for a draft and a final plan alike, when `advice` is given.
   */
  readonly adviceAppendices?: boolean;
  /**
   * After the advice, an appendix of how it was used: each recommendation, and whether it is in
   * the plan (where, linked), merged into another item, not included (the reason), or has no
   * decision yet. Default true whenever advice is appended.
   */
  readonly adviceUseAppendix?: boolean;
  /** The council's settings, written once for all its plans; see `parseCouncilSettings`. */
  readonly councilSettings?: CouncilSettings;
}
