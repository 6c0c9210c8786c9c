import { ARRANGEMENT_NAMES, BUDGET_ARRANGEMENTS } from "@ehcp/schema";
import { Choice } from "./Choice.js";
import type { CardControlProps } from "./CardControlProps.js";
import { useState } from "react";
import { labelsById } from "./labelsById.js";

/**
 * An item of the personal budget in section J: the provision it pays for, how much, and how it is
 * arranged. The list of provisions is read when it is opened, so it is never stale.
 */
export function BudgetItemControls(props: CardControlProps & { disabled: boolean }) {
  const { node, editor, updateAttributes, disabled } = props;
  const [, refresh] = useState(0);
  const provisions = [...labelsById(editor.state.doc).values()].filter(
    (item) => item.type === "provision",
  );
  const current = node.attrs.provisionId as string;
  const amount = node.attrs.amountGBP as number | null;
  return (
    <div className="ehcp-controls">
      <Choice
        label="Pays for"
        value={current}
        disabled={disabled}
        onFocus={() => refresh((n) => n + 1)}
        onChange={(event) => updateAttributes({ provisionId: event.target.value })}
      >
        {provisions.some((p) => p.id === current) ? null : (
          <option value={current}>{current} (not in this plan)</option>
        )}
        {provisions.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label} {p.title}
          </option>
        ))}
      </Choice>
      <label>
        Amount in pounds{" "}
        <input
          type="number"
          min={0}
          max={10_000_000}
          step="0.01"
          value={amount ?? ""}
          disabled={disabled}
          onChange={(event) => {
            const value = event.target.value === "" ? null : Number(event.target.value);
            if (value === null || (value >= 0 && value <= 10_000_000)) {
              updateAttributes({ amountGBP: value });
            }
          }}
        />
      </label>
      <Choice
        label="Arrangement"
        value={node.attrs.arrangement as string}
        disabled={disabled}
        onChange={(event) => updateAttributes({ arrangement: event.target.value })}
      >
        {BUDGET_ARRANGEMENTS.map((arrangement) => (
          <option key={arrangement} value={arrangement}>
            {ARRANGEMENT_NAMES[arrangement]}
          </option>
        ))}
      </Choice>
    </div>
  );
}
