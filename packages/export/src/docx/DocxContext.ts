import type { Finding, Plan } from "@ehcp/schema";
import type { Node as PMNode } from "prosemirror-model";
import type { ItemTitle } from "../text/itemTitles.js";

/** What the node renderers share while one document is written. */
export interface DocxContext {
  readonly plan: Plan;
  /** The label of each item node (B2, F12, E3.1). */
  readonly labels: ReadonlyMap<PMNode, string>;
  /** The label of each item id, for links; the first item wins where two share an id. */
  readonly idLabels: ReadonlyMap<string, string>;
  /** Each item's heading and link words, by label. */
  readonly titles: ReadonlyMap<string, ItemTitle>;
  /** The list a block is inside, for real Word numbering. */
  readonly list: {
    readonly reference: "bullets" | "ordered";
    readonly level: number;
    readonly instance: number;
  } | null;
  /** A fresh numbering instance, so that each ordered list starts at 1. */
  readonly nextListInstance: () => number;
  /** The language of the view being written, where it gives one (else the document's). */
  readonly lang?: string | null;
  /** The label of the item being written, for its fields. */
  readonly item: string | null;
  /** The council's name for the title page. */
  readonly councilName: string;
  /**
   * Whether this file carries advice as appendices: where it carries none, advice the plan
   * lists as appended is said to be sent with the plan, not in this file.
   */
  readonly adviceAttached: boolean;
  /** Integrity problems of a plan exported as a draft copy anyway, for its title page. */
  readonly findings: readonly Finding[];
  /**
   * The appendix being written, when the document is a piece of advice appended to the plan:
   * its headings sit a level below the appendix's, its sections are titled as advice, and its
   * bookmarks are its own, so its F1 is not the plan's.
   */
  readonly appendix?: number;
}

/** A Word bookmark name for a label: letters, digits and underscores, starting with a letter. */
export const bookmarkFor = (label: string): string => `item_${label.replace(/[^A-Za-z0-9]/g, "_")}`;

/** The bookmark of an item of the document being written: the plan's, or an appendix's. */
export const bookmarkIn = (ctx: DocxContext, label: string): string =>
  ctx.appendix ? `appendix${ctx.appendix}_${bookmarkFor(label)}` : bookmarkFor(label);
