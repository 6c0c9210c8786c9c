import { useEffect, useState } from "react";

const WHOLE = {
  date: /^(1[89]|2\d)\d{2}-\d{2}-\d{2}$/,
  month: /^(1[89]|2\d)\d{2}-\d{2}$/,
} as const;

/**
 * A date (or month) field of a card that stores only whole dates. Typed from the keyboard, a
 * browser's date field passes through years such as 0002 and 0020 as the digits of 2026 go in;
 * stored, each came back into the field as the card redrew and the typing was lost. What is
 * typed is held here, and given to `onChange` once it is a date of this era or empty.
 */
export function DateInput({
  kind,
  value,
  disabled,
  onChange,
}: {
  readonly kind: "date" | "month";
  readonly value: string | null;
  readonly disabled: boolean;
  readonly onChange: (next: string | null) => void;
}) {
  const [typed, setTyped] = useState(value ?? "");
  // Another writer's change, or undo, replaces what was typed here.
  useEffect(() => setTyped(value ?? ""), [value]);
  return (
    <input
      type={kind}
      value={typed}
      disabled={disabled}
      onChange={(event) => {
        const next = event.target.value;
        setTyped(next);
        if (next === "") onChange(null);
        else if (WHOLE[kind].test(next)) onChange(next);
      }}
    />
  );
}
