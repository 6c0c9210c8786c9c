import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import { PLAN_SHORTCUTS } from "./kit/PlanKit.js";
import { readableShortcut } from "./readableShortcut.js";

interface MenuEntry {
  readonly label: string;
  readonly shortcut?: string;
  readonly run: (editor: Editor) => boolean;
}

const ENTRIES: readonly MenuEntry[] = [
  {
    label: "Add a need to B",
    shortcut: PLAN_SHORTCUTS.addNeed,
    run: (e) => e.commands.addNeed("B"),
  },
  { label: "Add a health need to C", run: (e) => e.commands.addNeed("C") },
  { label: "Add a social care need to D", run: (e) => e.commands.addNeed("D") },
  {
    label: "Add an outcome for this need",
    shortcut: PLAN_SHORTCUTS.addOutcome,
    run: (e) => e.commands.addOutcome(),
  },
  {
    label: "Add provision to F for this outcome",
    shortcut: PLAN_SHORTCUTS.addProvision,
    run: (e) => e.commands.addProvision("F"),
  },
  {
    label: "Add a step towards this outcome",
    shortcut: PLAN_SHORTCUTS.addStep,
    run: (e) => e.commands.addStep(),
  },
  { label: "Add health provision to G", run: (e) => e.commands.addProvision("G") },
  { label: "Add social care provision to H1", run: (e) => e.commands.addProvision("H1") },
  { label: "Add social care provision to H2", run: (e) => e.commands.addProvision("H2") },
  { label: "Add a view to A", shortcut: PLAN_SHORTCUTS.addView, run: (e) => e.commands.addView() },
  {
    label: "Add this provision to the personal budget in J",
    shortcut: PLAN_SHORTCUTS.addBudgetItem,
    run: (e) => e.commands.addBudgetItem(),
  },
  {
    label: "Add advice to K",
    shortcut: PLAN_SHORTCUTS.addAdvice,
    run: (e) => e.commands.addAdvice(),
  },
  {
    label: "Move this item up",
    shortcut: PLAN_SHORTCUTS.moveUp,
    run: (e) => e.commands.moveItem("up"),
  },
  {
    label: "Move this item down",
    shortcut: PLAN_SHORTCUTS.moveDown,
    run: (e) => e.commands.moveItem("down"),
  },
];

/**
 * The "/" menu: the plan commands as a menu at the caret. Focus moves into it; arrow keys move
 * between commands, Enter runs one, Escape closes it, and focus returns to the text.
 */
export function SlashMenu({
  editor,
  at,
  onClose,
  onLanguage,
}: {
  readonly editor: Editor;
  readonly at: { left: number; top: number };
  readonly onClose: () => void;
  /** Opens the language menu at the caret, for this paragraph or this view. */
  readonly onLanguage?: () => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, []);
  // Focus goes back to the text at once (Tiptap's focus command waits for the next frame, and
  // keys typed straight after choosing a command were lost on a busy machine).
  const close = () => {
    onClose();
    editor.view.focus();
  };
  const move = (step: number) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(index + step + buttons.length) % buttons.length]?.focus();
  };
  return (
    <div
      ref={menu}
      role="menu"
      aria-label="Plan commands"
      className="ehcp-slash-menu"
      style={{ position: "fixed", left: at.left, top: at.top }}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") move(1);
        else if (event.key === "ArrowUp") move(-1);
        else if (event.key === "Escape") close();
        else return;
        event.preventDefault();
      }}
    >
      {ENTRIES.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            editor.view.focus();
            entry.run(editor);
          }}
        >
          {entry.label}
          {entry.shortcut ? (
            <span className="ehcp-shortcut"> ({readableShortcut(entry.shortcut)})</span>
          ) : null}
        </button>
      ))}
      {onLanguage ? (
        <button
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            editor.view.focus();
            onLanguage();
          }}
        >
          Mark the language of this paragraph or view
          <span className="ehcp-shortcut"> ({readableShortcut(PLAN_SHORTCUTS.language)})</span>
        </button>
      ) : null}
    </div>
  );
}
