import { TOPIC_NAMES, VIEW_TOPICS, VOICE_NAMES, VOICES } from "@ehcp/schema";
import { PLAN_SHORTCUTS } from "../kit/PlanKit.js";
import { LanguageInput } from "../LanguageInput.js";
import { readableShortcut } from "../readableShortcut.js";
import { Choice } from "./Choice.js";
import type { CardControlProps } from "./CardControlProps.js";

/**
 * Who speaks in a view of section A, what about, whether in their own words, how gathered, and
 * the language it is written in where that is not English.
 */
export function ViewControls(props: CardControlProps & { disabled: boolean }) {
  const { node, updateAttributes, disabled } = props;
  return (
    <div className="ehcp-controls">
      <Choice
        label="Who speaks"
        value={node.attrs.voice as string}
        disabled={disabled}
        onChange={(event) => updateAttributes({ voice: event.target.value })}
      >
        {VOICES.map((voice) => (
          <option key={voice} value={voice}>
            {VOICE_NAMES[voice]}
          </option>
        ))}
      </Choice>
      <Choice
        label="Topic"
        value={node.attrs.topic as string}
        disabled={disabled}
        onChange={(event) => updateAttributes({ topic: event.target.value })}
      >
        {VIEW_TOPICS.map((topic) => (
          <option key={topic} value={topic}>
            {TOPIC_NAMES[topic]}
          </option>
        ))}
      </Choice>
      <label>
        <input
          type="checkbox"
          checked={node.attrs.directQuote === true}
          disabled={disabled}
          onChange={(event) => updateAttributes({ directQuote: event.target.checked })}
        />{" "}
        In their own words (a direct quote)
      </label>
      <label>
        How this view was gathered{" "}
        <input
          type="text"
          value={(node.attrs.gatheredHow as string | null) ?? ""}
          disabled={disabled}
          onChange={(event) => updateAttributes({ gatheredHow: event.target.value || null })}
        />
      </label>
      <LanguageInput
        label="Written in (if not English)"
        value={(node.attrs.lang as string | null) ?? null}
        disabled={disabled}
        onChoose={(lang) => updateAttributes({ lang })}
      />
      <span className="ehcp-hint">
        For some words only, select them and press {readableShortcut(PLAN_SHORTCUTS.language)}.
      </span>
    </div>
  );
}
