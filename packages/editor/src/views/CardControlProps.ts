import type { NodeViewProps } from "@tiptap/react";

/** What a card's form controls need of its node view: the node, the editor and a way to set values. */
export type CardControlProps = Pick<NodeViewProps, "node" | "editor" | "updateAttributes">;
