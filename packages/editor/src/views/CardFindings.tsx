import type { Finding } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { findingCounts } from "../findingCounts.js";
import { PLAN_SHORTCUTS } from "../kit/PlanKit.js";
import { readableShortcut } from "../readableShortcut.js";
import { revealFinding } from "../revealFinding.js";
import { SEVERITY_NAMES } from "../SEVERITY_NAMES.js";

const WORST: readonly Finding["severity"][] = ["error", "warning", "info"];

/**
 * An item's findings on its own card, counted as the task list and the panel count them ("1 must
 * fix, 1 to check"), opened to list them, each taking the writer
 * to its wording as the quality panel does.
 */
export function CardFindings({
  editor,
  findings,
}: {
  readonly editor: Editor;
  readonly findings: readonly Finding[];
}) {
  // The list is drawn only when opened: a long plan has hundreds of findings.
  const [open, setOpen] = useState(false);
  if (findings.length === 0) return null;
  const worst = WORST.find((s) => findings.some((f) => f.severity === s)) ?? "info";
  return (
    <details
      className="ehcp-card-findings"
      data-severity={worst}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary
        aria-keyshortcuts={PLAN_SHORTCUTS.findings.replace(/-/g, "+")}
        title={`${readableShortcut(PLAN_SHORTCUTS.findings)} from the item's words`}
      >
        {findingCounts(findings)}
      </summary>
      {open ? (
        <ul>
          {findings.map((finding, index) => (
            <li key={`${finding.rule}-${index}`}>
              <button type="button" onClick={() => revealFinding(editor, finding)}>
                <strong>{SEVERITY_NAMES[finding.severity]}:</strong> {finding.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
