import { findingCounts } from "@ehcp/editor";
import type { Finding, Plan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { goToSection } from "./goToSection.js";
import { SECTION_STATE_NAMES, type SectionState, sectionStates } from "./sectionStates.js";

const TAG_COLOUR: Readonly<Record<SectionState, string>> = {
  "not-started": "govuk-tag--grey",
  "in-progress": "govuk-tag--light-blue",
  "needs-attention": "govuk-tag--red",
  complete: "govuk-tag--green",
};

/** Sections A to K as a GOV.UK task list: each one's state and findings, linking to it. */
export function SectionTaskList({
  plan,
  findings,
  editor,
  href,
}: {
  readonly plan: Plan | null;
  readonly findings: readonly Finding[];
  readonly editor: Editor | null;
  /** Where each section's link points when followed other than by a click (the plan's view). */
  readonly href: string;
}) {
  if (!plan) return <p className="govuk-body">Reading the plan…</p>;
  return (
    <ul className="govuk-task-list pg-task-list">
      {sectionStates(plan, findings).map(({ key, title, state }) => (
        <li key={key} className="govuk-task-list__item govuk-task-list__item--with-link">
          <div className="govuk-task-list__name-and-hint">
            <a
              className="govuk-link govuk-task-list__link"
              href={href}
              aria-describedby={`task-${key}-hint task-${key}-status`}
              onClick={(event) => {
                event.preventDefault();
                if (editor) goToSection(editor, key);
              }}
            >
              {key}. {title}
            </a>
            <div id={`task-${key}-hint`} className="govuk-task-list__hint">
              {findingCounts(findings.filter((f) => f.section === key))}
            </div>
          </div>
          <div className="govuk-task-list__status" id={`task-${key}-status`}>
            <strong className={`govuk-tag ${TAG_COLOUR[state]}`}>
              {SECTION_STATE_NAMES[state]}
            </strong>
          </div>
        </li>
      ))}
    </ul>
  );
}
