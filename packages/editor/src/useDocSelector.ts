import type { Editor } from "@tiptap/core";
import { useSyncExternalStore } from "react";

/**
 * A value read from the editor's state, re-read after each transaction; the component re-renders
 * only when the value changes, so return a string or number.
 */
export function useDocSelector<T extends string | number>(
  editor: Editor | null,
  select: (editor: Editor) => T,
  fallback: T,
): T {
  return useSyncExternalStore(
    (notify) => {
      editor?.on("transaction", notify);
      return () => editor?.off("transaction", notify);
    },
    () => (editor && !editor.isDestroyed ? select(editor) : fallback),
  );
}
