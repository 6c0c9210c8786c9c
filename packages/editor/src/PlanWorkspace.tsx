import type { QualityConfig } from "@ehcp/quality";
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { CommentsPanel } from "./CommentsPanel.js";
import type { CommentService } from "./httpComments.js";
import type { SuggestionService } from "./httpSuggestions.js";
import { PlanDates } from "./PlanDates.js";
import { PlanEditor, type PlanEditorProps } from "./PlanEditor.js";
import { PresenceList } from "./PresenceList.js";
import { QualityPanel } from "./QualityPanel.js";
import { SectionNav } from "./SectionNav.js";
import { SuggestionsPanel } from "./SuggestionsPanel.js";
import { TraceabilityMatrix } from "./TraceabilityMatrix.js";
import { usePlanFindings } from "./usePlanFindings.js";

export interface PlanWorkspaceProps extends PlanEditorProps {
  /** The checker's settings for the quality panel. */
  readonly quality?: QualityConfig;
  /** Where comments are sent (see `httpComments`); with a shared document, threads show beside it. */
  readonly comments?: CommentService;
  /** Where decisions on suggested changes are sent (see `httpSuggestions`). */
  readonly suggestions?: SuggestionService;
  /** Whether the statutory dates show beside the plan; off when the page shows them in its header. */
  readonly showDates?: boolean;
}

/**
 * The editor with everything around it: the sections with their counts and findings, the
 * quality panel, the traceability matrix, who else is in the plan and, given a comment
 * service, the comment threads in the margin.
 */
export function PlanWorkspace(props: PlanWorkspaceProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const findings = usePlanFindings(editor, props.quality);
  return (
    <div className="ehcp-kit ehcp-workspace">
      <aside className="ehcp-workspace-nav">
        <SectionNav editor={editor} findings={findings} />
        <PresenceList provider={props.provider ?? null} />
      </aside>
      <main className="ehcp-workspace-main">
        <PlanEditor
          {...props}
          onEditor={(e) => {
            setEditor(e);
            props.onEditor?.(e);
          }}
        />
      </main>
      <aside className="ehcp-workspace-checks">
        {props.comments && props.document ? (
          <CommentsPanel
            editor={editor}
            document={props.document}
            service={props.comments}
            user={props.user}
            {...(props.policy ? { policy: props.policy } : {})}
          />
        ) : null}
        {props.suggestions && props.document ? (
          <SuggestionsPanel
            editor={editor}
            document={props.document}
            service={props.suggestions}
            user={props.user}
            {...(props.policy ? { policy: props.policy } : {})}
          />
        ) : null}
        {findings.plan && props.showDates !== false ? (
          <PlanDates
            plan={findings.plan}
            today={props.quality?.today ?? new Date().toISOString().slice(0, 10)}
          />
        ) : null}
        <QualityPanel editor={editor} findings={findings} />
        <section aria-labelledby="ehcp-trace-heading">
          <h2 id="ehcp-trace-heading">Traceability</h2>
          <TraceabilityMatrix summary={findings.summary} editor={editor} />
        </section>
      </aside>
    </div>
  );
}
