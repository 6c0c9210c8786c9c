import type { Editor } from "@tiptap/core";
import { useId, useState } from "react";
import { languageAt } from "./commands/languageAt.js";
import type { LanguageScope } from "./commands/setLanguage.js";
import { LanguageInput } from "./LanguageInput.js";
import { viewAt } from "./model/viewAt.js";

const SCOPE_NAMES: Record<LanguageScope, string> = {
  words: "The selected words",
  paragraph: "This paragraph",
  view: "This whole view",
};

/**
 * Marks text as being in another language: the words selected, the paragraph, or (in section
 * A) the whole view. Opened at the caret with its shortcut; the language box has the focus,
 * Enter marks, Escape closes, and focus goes back to the text with the selection as it was.
 */
export function LanguageMenu({
  editor,
  at,
  onClose,
}: {
  readonly editor: Editor;
  readonly at: { left: number; top: number };
  readonly onClose: () => void;
}) {
  const id = useId();
  const { state } = editor;
  const scopes: LanguageScope[] = [
    ...(!state.selection.empty || languageAt(state, "words") ? (["words"] as const) : []),
    "paragraph",
    ...(viewAt(state) ? (["view"] as const) : []),
  ];
  const [scope, setScope] = useState<LanguageScope>(scopes[0] as LanguageScope);
  const [chosen, setChosen] = useState<string | null>(languageAt(state, scope));
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    onClose();
    editor.view.focus();
  };
  const mark = (lang: string | null) => {
    if (lang === null) {
      setProblem("Choose a language first, or remove the language instead");
      return;
    }
    if (!editor.commands.setLanguage(lang, scope)) {
      setProblem(`${SCOPE_NAMES[scope]} cannot be given a language here`);
      return;
    }
    close();
  };
  return (
    <div
      role="dialog"
      aria-label="Language of the text"
      className="ehcp-language-menu"
      style={{ position: "fixed", left: at.left, top: at.top }}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        close();
      }}
    >
      <LanguageInput
        label="Language"
        value={chosen}
        autoFocus
        onChoose={setChosen}
        onEnter={(tag) => mark(tag)}
      />
      <fieldset>
        <legend>Mark</legend>
        {scopes.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === s}
              onChange={() => {
                setScope(s);
                setChosen(languageAt(state, s));
              }}
            />{" "}
            {SCOPE_NAMES[s]}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => mark(chosen)}>
        Mark as this language
      </button>{" "}
      <button
        type="button"
        onClick={() => {
          editor.commands.setLanguage(null, scope);
          close();
        }}
      >
        Remove the language
      </button>{" "}
      <button type="button" onClick={close}>
        Cancel
      </button>
      {problem ? (
        <p role="alert" className="ehcp-field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
