import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { FindingGroups } from "./FindingGroups.js";
import { findingCounts } from "./findingCounts.js";
import type { PlanFindings } from "./useFindings.js";

const SECTIONS = [...SECTION_KEYS, "meta"];

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
  const counts = findings.summary?.counts;
  return (
    <section className="ehcp-quality" aria-labelledby="ehcp-quality-heading">
      <h2 id="ehcp-quality-heading">Quality checks</h2>
      <p role="status" aria-live="polite">
        {counts ? findingCounts(counts) : "Checking…"}
      </p>
      {findings.problem ? <p className="ehcp-problem">{findings.problem}</p> : null}
      <FindingGroups
        editor={editor}
        findings={findings.findings}
        sections={SECTIONS}
        titleOf={(section) =>
          section === "meta"
            ? "Plan details"
            : `Section ${section}: ${SECTION_TITLES[section as SectionKey]}`
        }
        idPrefix="ehcp-quality"
      />
    </section>
  );
}
