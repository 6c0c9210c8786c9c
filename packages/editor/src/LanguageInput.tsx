import { useEffect, useId, useState } from "react";
import { LANGUAGES } from "./LANGUAGES.js";
import { languageOf } from "./languageOf.js";

/**
 * A language, chosen from the list (by its name in English or in itself) or typed as any
 * language tag: a combobox whose list is the browser's own, so it works from the keyboard and
 * with screen readers. What was typed is taken on Enter or on leaving the box; what is not a
 * language is refused with a message, and the language stays as it was.
 */
export function LanguageInput(props: {
  readonly label: string;
  readonly value: string | null;
  readonly disabled?: boolean;
  /** Called with the tag chosen, or null when the box is emptied. */
  readonly onChoose: (tag: string | null) => void;
  /** Called on Enter once the choice is taken (a menu then does what it is for). */
  readonly onEnter?: (tag: string | null) => void;
  readonly autoFocus?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(props.value ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(props.value ?? ""), [props.value]);
  const take = (): { tag: string | null } | null => {
    if (text.trim() === "") {
      setError(null);
      if (props.value !== null) props.onChoose(null);
      return { tag: null };
    }
    const tag = languageOf(text);
    if (!tag) {
      setError(
        `"${text.trim()}" is not a language: choose one from the list, or type a language tag such as "ur" or "pt-BR"`,
      );
      return null;
    }
    setError(null);
    setText(tag);
    if (tag !== props.value) props.onChoose(tag);
    return { tag };
  };
  return (
    <span className="ehcp-language-input">
      <label htmlFor={`${id}-input`}>{props.label}</label>{" "}
      <input
        id={`${id}-input`}
        type="text"
        list={`${id}-list`}
        value={text}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => take()}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          const taken = take();
          if (taken) props.onEnter?.(taken.tag);
        }}
      />
      <datalist id={`${id}-list`}>
        {LANGUAGES.map((l) => (
          <option key={l.tag} value={l.tag} label={`${l.english} · ${l.own}`} />
        ))}
      </datalist>
      {error ? (
        <span id={`${id}-error`} role="alert" className="ehcp-field-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
