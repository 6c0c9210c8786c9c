import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";

/**
 * A value computed from the editor's document, at once and then again when changes pause for
 * `delay` milliseconds: for what walks the whole plan, which should not run on each keystroke.
 * `compute` gets the value it gave before (to keep it when the plan cannot be read, say); it runs
 * afresh when one of `deps` changes. A string value that has not changed does not re-render.
 */
export function usePausedDocValue<T>(
  editor: Editor | null,
  compute: (editor: Editor, previous: T) => T,
  initial: T,
  delay = 300,
  deps: readonly unknown[] = [],
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (!editor.isDestroyed) setValue((previous) => compute(editor, previous));
    };
    const schedule = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    };
    run();
    editor.on("transaction", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("transaction", schedule);
    };
  }, [editor, delay, ...deps]);
  return value;
}
