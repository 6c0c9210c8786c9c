import { type ReactNode, type SelectHTMLAttributes, useId } from "react";

/**
 * A list to choose from, named by its label's words alone. A `<select>` inside its `<label>`
 * takes its name from all of the label's text, which in Chromium includes every option's words
 * ("per day week fortnight…"); the select is named by the words through `aria-labelledby`.
 */
export function Choice({
  label,
  hidden = false,
  className,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  readonly label: string;
  /** The words are for screen readers only, where a legend or heading already shows them. */
  readonly hidden?: boolean;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <label className={className}>
      <span id={id} className={hidden ? "ehcp-visually-hidden" : undefined}>
        {label}
      </span>
      {hidden ? null : " "}
      <select aria-labelledby={id} {...select}>
        {children}
      </select>
    </label>
  );
}
