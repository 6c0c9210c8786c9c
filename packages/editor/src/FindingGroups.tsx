import type { Finding } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { revealFinding } from "./revealFinding.js";
import { SEVERITY_NAMES } from "./SEVERITY_NAMES.js";

/**
 * Findings as a list per part of the document, in the order `sections` gives, parts with none
 * left out; each finding is a button that takes the writer to its item with the wording
 * underlined. The plan's panel and an adviser's screen word severities and parts their own way.
 */
export function FindingGroups({
  editor,
  findings,
  sections,
  titleOf,
  idPrefix,
  severityNames = SEVERITY_NAMES,
  headingClass,
  listClass,
}: {
  readonly editor: Editor | null;
  readonly findings: readonly Finding[];
  readonly sections: readonly string[];
  readonly titleOf: (section: string) => string;
  /** Makes each group's heading id, which labels its section. */
  readonly idPrefix: string;
  readonly severityNames?: Readonly<Record<Finding["severity"], string>>;
  readonly headingClass?: string;
  readonly listClass?: string;
}) {
  const groups = sections
    .map((section) => ({ section, items: findings.filter((f) => f.section === section) }))
    .filter((group) => group.items.length > 0);
  return groups.map(({ section, items }) => (
    <section key={section} aria-labelledby={`${idPrefix}-${section}`}>
      <h3 id={`${idPrefix}-${section}`} className={headingClass}>
        {titleOf(section)}
      </h3>
      <ul className={listClass}>
        {items.map((finding, index) => (
          <li key={`${finding.rule}-${finding.target}-${index}`} data-severity={finding.severity}>
            <button
              type="button"
              className="ehcp-finding"
              onClick={() => editor && revealFinding(editor, finding)}
            >
              <strong>{severityNames[finding.severity]}:</strong> {finding.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  ));
}
