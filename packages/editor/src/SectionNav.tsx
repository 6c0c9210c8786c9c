import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { findingCounts } from "./findingCounts.js";
import { findSection } from "./model/findSection.js";
import { eachItem } from "./model/eachItem.js";
import { useDocSelector } from "./useDocSelector.js";
import type { PlanFindings } from "./useFindings.js";

/** The sections in order, each with how many items it holds and how many findings it has. */
export function SectionNav({
  editor,
  findings,
}: {
  readonly editor: Editor | null;
  readonly findings: PlanFindings;
}) {
  const counts = useDocSelector(
    editor,
    (current) => {
      const perKey = new Map<SectionKey, number>();
      eachItem(current.state.doc, (_item, _pos, section) => {
        perKey.set(section, (perKey.get(section) ?? 0) + 1);
      });
      return SECTION_KEYS.map((key) => perKey.get(key) ?? 0).join(",");
    },
    "",
  );
  const perSection = counts.split(",").map(Number);
  const go = (key: SectionKey) => {
    if (!editor) return;
    const section = findSection(editor.state.doc, key);
    const selection = TextSelection.near(editor.state.doc.resolve(section.pos + 1));
    editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView());
    editor.view.focus();
  };
  return (
    <nav className="ehcp-section-nav" aria-label="Sections of the plan">
      <ol>
        {SECTION_KEYS.map((key, index) => {
          const own = findings.findings.filter((f) => f.section === key);
          return (
            <li key={key}>
              <button type="button" onClick={() => go(key)}>
                <span className="ehcp-item-label">{key}</span> {SECTION_TITLES[key]}
                <span className="ehcp-count">
                  {" "}
                  ({perSection[index] ?? 0} {perSection[index] === 1 ? "item" : "items"}
                </span>
                {own.length > 0 ? <span className="ehcp-badge">, {findingCounts(own)}</span> : null}
                <span className="ehcp-count">)</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
