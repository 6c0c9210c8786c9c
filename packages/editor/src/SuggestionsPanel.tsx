import {
  DECISIONS_MAP_NAME,
  DEFAULT_SECTION_POLICY,
  listSuggestions,
  nameOf,
  readCouncilDecisions,
  readRepresentations,
  REPRESENTATIONS_MAP_NAME,
  ROLE_NAMES,
  type SectionPolicy,
  spokenDate,
} from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { useId, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { SuggestionService } from "./httpSuggestions.js";
import type { PlanUser } from "./PlanEditor.js";
import { usePausedDocValue } from "./usePausedDocValue.js";
import { labelsById } from "./views/labelsById.js";

export interface SuggestionsPanelProps {
  readonly editor: Editor | null;
  /** The plan's shared Yjs document, which keeps the decided representations beside the plan. */
  readonly document: Y.Doc;
  readonly service: SuggestionService;
  readonly user: PlanUser;
  readonly policy?: SectionPolicy;
}

/** A suggestion as the panel shows it: what goes in and out, by whom, where. */
interface Waiting {
  readonly id: string;
  readonly inserted: string;
  readonly removed: string;
  readonly name: string;
  readonly role: string;
  readonly section: string;
  readonly label: string;
}

const words = (role: string) => nameOf(ROLE_NAMES, role);

/** What a suggestion would do, in words: adding “x” and removing “y”. */
const change = (inserted: string, removed: string) =>
  [inserted ? `adding “${inserted}”` : "", removed ? `removing “${removed}”` : ""]
    .filter(Boolean)
    .join(" and ");

/** The pending suggestions of the editor's document, grouped by id, read when typing pauses. */
function useWaiting(editor: Editor | null): Waiting[] {
  const json = usePausedDocValue(
    editor,
    (e) => {
      const labels = labelsById(e.state.doc);
      const grouped = new Map<string, Waiting>();
      for (const s of listSuggestions(e.state.doc)) {
        const before = grouped.get(s.id);
        grouped.set(s.id, {
          id: s.id,
          inserted: (before?.inserted ?? "") + (s.kind === "insertion" ? s.text : ""),
          removed: (before?.removed ?? "") + (s.kind === "deletion" ? s.text : ""),
          name: s.name,
          role: s.role,
          section: s.section ?? "",
          label: (s.itemId && labels.get(s.itemId)?.label) || `section ${s.section}`,
        });
      }
      return JSON.stringify([...grouped.values()]);
    },
    "[]",
  );
  return JSON.parse(json) as Waiting[];
}

/** The decided representations and council decisions, re-read when they change. */
function useRecord(document: Y.Doc) {
  const json = useSyncExternalStore(
    (notify) => {
      const maps = [REPRESENTATIONS_MAP_NAME, DECISIONS_MAP_NAME].map((n) => document.getMap(n));
      for (const map of maps) map.observe(notify);
      return () => {
        for (const map of maps) map.unobserve(notify);
      };
    },
    () =>
      JSON.stringify({
        representations: readRepresentations(document),
        decisions: readCouncilDecisions(document),
      }),
  );
  return JSON.parse(json) as {
    representations: ReturnType<typeof readRepresentations>;
    decisions: ReturnType<typeof readCouncilDecisions>;
  };
}

/**
 * Suggested changes and what became of them: each suggestion waiting, with its author, its words
 * and where it is; for someone who may edit its section, a reason and Accept or Reject. Below,
 * every decided suggestion (the family's representations and what was done with them, and why)
 * and the council's recorded decisions on changes it made itself.
 */
export function SuggestionsPanel({
  editor,
  document,
  service,
  user,
  policy = DEFAULT_SECTION_POLICY,
}: SuggestionsPanelProps) {
  const headingId = useId();
  const waiting = useWaiting(editor);
  const { representations, decisions } = useRecord(document);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (id: string, decision: "accept" | "reject") => {
    setBusy(true);
    setProblem(null);
    try {
      await service.decide(id, decision, reasons[id] ?? "");
      setReasons(({ [id]: _, ...rest }) => rest);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ehcp-suggestions" aria-labelledby={headingId}>
      <h2 id={headingId}>Suggested changes</h2>
      <p role="status" aria-live="polite">
        {waiting.length === 0
          ? "No suggestions waiting."
          : `${waiting.length} suggestion${waiting.length === 1 ? "" : "s"} waiting for a decision.`}
      </p>
      {problem ? (
        <p role="alert" className="ehcp-problem">
          {problem}
        </p>
      ) : null}
      <ul className="ehcp-suggestion-list">
        {waiting.map((s) => {
          const describedBy = `${headingId}-${s.id}`;
          const reasonId = `${headingId}-${s.id}-reason`;
          const mayDecide = (policy[user.role] as readonly string[]).includes(s.section);
          return (
            <li key={s.id} className="ehcp-suggestion-item" data-suggestion={s.id}>
              <p id={describedBy}>
                {s.name} ({words(s.role)}) suggests {change(s.inserted, s.removed)} in {s.label}.
              </p>
              {mayDecide ? (
                <>
                  <label htmlFor={reasonId}>Reason for the decision on {s.label}</label>
                  <textarea
                    id={reasonId}
                    rows={2}
                    value={reasons[s.id] ?? ""}
                    onChange={(event) =>
                      setReasons((all) => ({ ...all, [s.id]: event.target.value }))
                    }
                  />
                  <button
                    type="button"
                    aria-describedby={describedBy}
                    disabled={busy || !(reasons[s.id] ?? "").trim()}
                    onClick={() => void decide(s.id, "accept")}
                  >
                    Accept
                  </button>{" "}
                  <button
                    type="button"
                    aria-describedby={describedBy}
                    disabled={busy || !(reasons[s.id] ?? "").trim()}
                    onClick={() => void decide(s.id, "reject")}
                  >
                    Reject
                  </button>
                </>
              ) : (
                <p>Waiting for someone who may edit section {s.section}.</p>
              )}
            </li>
          );
        })}
      </ul>
      {representations.length > 0 ? (
        <>
          <h3>Representations decided</h3>
          <ul className="ehcp-representations">
            {representations.map((r) => (
              <li key={r.id} data-decision={r.decision}>
                {r.by.name} ({words(r.by.role)}) suggested {change(r.inserted, r.removed)} in
                section {r.section}: <strong>{r.decision}</strong> by {r.decidedBy.name} (
                {words(r.decidedBy.role)}), because “{r.reason}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decisions.length > 0 ? (
        <>
          <h3>Council decisions</h3>
          <ul className="ehcp-council-decisions">
            {decisions.map((d) => (
              <li key={`${d.issue}:${d.itemId}`}>
                {d.label} {d.change} by the council, because “{d.reason}”
                {d.agreedOn ? ` (the family agreed in writing on ${spokenDate(d.agreedOn)})` : ""} (
                {d.by.name})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
