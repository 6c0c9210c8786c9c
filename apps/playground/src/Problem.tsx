import { sentenceCase } from "./sentenceCase.js";

/** What went wrong, as a sentence, said at once to screen readers; nothing when nothing did. */
export function Problem({ children }: { readonly children: string | null | undefined }) {
  return children ? (
    <p role="alert" className="govuk-error-message pg-error">
      {sentenceCase(children)}
    </p>
  ) : null;
}
