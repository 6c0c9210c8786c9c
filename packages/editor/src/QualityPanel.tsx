import { SECTION_KEYS, SECTION_TITLES } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { revealFinding } from "./revealFinding.js";
import { SEVERITY_NAMES } from "./SEVERITY_NAMES.js";
import type { PlanFindings } from "./useFindings.js";

/**
 * The checker's findings, grouped by section; each takes the writer to its item with the wording
 * underlined. Findings are brought up to date when typing pauses (see `usePlanFindings`).
 */
export function QualityPanel({
  editor,
  findings,
}: {
  readonly editor: Editor | null;
  readonly findings: PlanFindings;
}) {
  const groups = [...SECTION_KEYS, "meta" as const]
    .map((section) => ({ section, items: findings.findings.filter((f) => f.section === section) }))
    .filter((group) => group.items.length > 0);
  const counts = findings.summary?.counts;
  return (
    <section className="ehcp-quality" aria-labelledby="ehcp-quality-heading">
      <h2 id="ehcp-quality-heading">Quality checks</h2>
      <p role="status" aria-live="polite">
        {counts
          ? `${counts.error} to fix, ${counts.warning} to improve, ${counts.info} to consider`
          : "Checking…"}
      </p>
      {findings.problem ? <p className="ehcp-problem">{findings.problem}</p> : null}
      {groups.map(({ section, items }) => (
        <section key={section} aria-labelledby={`ehcp-quality-${section}`}>
          <h3 id={`ehcp-quality-${section}`}>
            {section === "meta" ? "Plan details" : `Section ${section}: ${SECTION_TITLES[section]}`}
          </h3>
          <ul>
            {items.map((finding, index) => (
              <li
                key={`${finding.rule}-${finding.target}-${index}`}
                data-severity={finding.severity}
              >
                <button
                  type="button"
                  className="ehcp-finding"
                  onClick={() => editor && revealFinding(editor, finding)}
                >
                  <strong>{SEVERITY_NAMES[finding.severity]}:</strong> {finding.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
