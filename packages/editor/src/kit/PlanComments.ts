import { Extension } from "@tiptap/core";
import type * as Y from "yjs";
import { commentAnchors } from "../plugins/commentAnchors.js";

export interface PlanCommentsOptions {
  /** The plan's shared Yjs document, which holds its comment threads beside the plan. */
  readonly document: Y.Doc | null;
}

/** Marks the words and items that open comment threads are about (see `commentAnchors`). */
export const PlanComments = Extension.create<PlanCommentsOptions>({
  name: "planComments",
  addOptions: () => ({ document: null }),
  addProseMirrorPlugins() {
    return this.options.document ? [commentAnchors(this.options.document)] : [];
  },
});
