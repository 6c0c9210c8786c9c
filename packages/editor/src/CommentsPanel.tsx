import {
  COMMENTS_MAP_NAME,
  type CommentThread,
  DEFAULT_SECTION_POLICY,
  nameOf,
  readCommentThreads,
  ROLE_NAMES,
  type SectionPolicy,
} from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { commentTarget } from "./commentTarget.js";
import { PLAN_SHORTCUTS } from "./kit/PlanKit.js";
import { readableShortcut } from "./readableShortcut.js";
import { ServerUnreachable } from "./ServerUnreachable.js";
import type { CommentService } from "./httpComments.js";
import { findItem } from "./model/findItem.js";
import { itemLabelAt } from "./plugins/itemLabelAt.js";
import type { PlanUser } from "./PlanEditor.js";
import { commentAnchorsKey, commentPlace } from "./plugins/commentAnchors.js";
import { useDocSelector } from "./useDocSelector.js";
import { labelsById } from "./views/labelsById.js";

export interface CommentsPanelProps {
  readonly editor: Editor | null;
  /** The plan's shared Yjs document, whose threads the panel lists. */
  readonly document: Y.Doc;
  readonly service: CommentService;
  /** The signed-in user; `id` lets them resolve threads they began. */
  readonly user: PlanUser & { readonly id?: string };
  readonly policy?: SectionPolicy;
}

const words = (role: string) => nameOf(ROLE_NAMES, role);

/** How often comments written while the server could not be reached are tried again. */
const RETRY_MS = 3000;

/** A comment or reply written while the server could not be reached, kept to send later. */
interface Unsent {
  readonly key: number;
  /** What it is, as the writer read it: "Your comment on F1: “Teaching”", "Your reply on F1". */
  readonly what: string;
  readonly body: string;
  readonly send: () => Promise<void>;
}
const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The threads of a document, re-read when they change. */
function useThreads(document: Y.Doc): CommentThread[] {
  const snapshot = useSyncExternalStore(
    (notify) => {
      const map = document.getMap(COMMENTS_MAP_NAME);
      map.observe(notify);
      return () => map.unobserve(notify);
    },
    () => JSON.stringify(readCommentThreads(document)),
  );
  return JSON.parse(snapshot) as CommentThread[];
}

/**
 * The plan's comment threads beside the editor, in the order of what they are about: begin one
 * on the selected words (or the item the caret is in), reply, resolve and reopen, and go to the
 * words a thread is about. Anyone who can read the plan may comment; the server decides who may
 * resolve, and the panel offers it to whoever began the thread or may edit its section.
 */
export function CommentsPanel({
  editor,
  document,
  service,
  user,
  policy = DEFAULT_SECTION_POLICY,
}: CommentsPanelProps) {
  const headingId = useId();
  const newId = useId();
  const threads = useThreads(document);
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState("");
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState<readonly Unsent[]>([]);
  const sending = useRef(false);
  const nextKey = useRef(0);
  // Only the words of the place are read on each transaction; the anchor is made on sending.
  const where = useDocSelector(
    editor,
    (e) => {
      const { $from, from, to, empty } = e.state.selection;
      const item = findItem($from);
      if (!item) return "";
      const label = itemLabelAt(e.state, item.pos) ?? "";
      const quote = empty ? "" : e.state.doc.textBetween(from, to, " ").slice(0, 60);
      return quote ? `${label}: “${quote}”` : label;
    },
    "",
  );
  const labels = editor ? labelsById(editor.state.doc) : new Map();
  const placed = threads
    .filter((thread) => showResolved || !thread.resolved)
    .map((thread) => ({
      thread,
      place: editor ? commentPlace(editor.state, thread) : null,
    }))
    .sort((a, b) => (a.place?.from ?? Infinity) - (b.place?.from ?? Infinity));
  const open = threads.filter((thread) => !thread.resolved).length;

  /** Keeps what could not be sent, to send when the server can be reached again. */
  const keep = (what: string, body: string, send: () => Promise<void>) =>
    setUnsent((all) => [...all, { key: nextKey.current++, what, body, send }]);
  const run = async (
    action: () => Promise<void>,
    after: () => void,
    /** A comment or a reply: kept and sent later when the server cannot be reached. */
    unsentAs?: { what: string; body: string },
  ) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      after();
    } catch (error) {
      if (error instanceof ServerUnreachable && unsentAs) {
        keep(unsentAs.what, unsentAs.body, action);
        after();
      } else {
        // The words stay in the box, so nothing typed is lost.
        setProblem(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setBusy(false);
    }
  };
  // What was written while the server could not be reached is sent, in the order it was
  // written, once it can be again: tried every few seconds and as soon as the browser is back
  // online. A refusal then puts the words back in the box with the server's reason.
  useEffect(() => {
    if (unsent.length === 0) return;
    const flush = async () => {
      if (sending.current) return;
      sending.current = true;
      try {
        for (const entry of unsent) {
          try {
            await entry.send();
          } catch (error) {
            if (error instanceof ServerUnreachable) return;
            setDraft((current) => (current ? `${current}\n${entry.body}` : entry.body));
            setProblem(
              `${entry.what} was not sent: ${error instanceof Error ? error.message : String(error)}. Its words are back in the box.`,
            );
          }
          setUnsent((all) => all.filter((e) => e.key !== entry.key));
        }
      } finally {
        sending.current = false;
      }
    };
    const timer = setInterval(() => void flush(), RETRY_MS);
    const online = () => void flush();
    // Leaving the page would lose them: the browser asks first.
    const leaving = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener("online", online);
    addEventListener("beforeunload", leaving);
    return () => {
      clearInterval(timer);
      removeEventListener("online", online);
      removeEventListener("beforeunload", leaving);
    };
  }, [unsent]);
  const begin = () => {
    const target = editor ? commentTarget(editor.state) : null;
    if (!target) {
      setProblem("Put the caret in a section or select the words first.");
      return;
    }
    const body = draft;
    void run(
      () => service.begin(target, body),
      () => setDraft(""),
      { what: `Your comment on ${where}`, body },
    );
  };
  const show = (thread: CommentThread) => {
    if (!editor) return;
    const place = commentPlace(editor.state, thread);
    if (!place) return;
    const { state } = editor;
    const selection =
      place.kind === "words"
        ? TextSelection.create(state.doc, place.from, place.to)
        : TextSelection.near(state.doc.resolve(place.from + 1));
    editor.view.dispatch(
      state.tr
        .setSelection(selection)
        .setMeta(commentAnchorsKey, { active: thread.id })
        .scrollIntoView(),
    );
    editor.view.focus();
  };

  return (
    <section className="ehcp-comments" aria-labelledby={headingId}>
      <h2 id={headingId}>Comments</h2>
      <p role="status" aria-live="polite">
        {open === 0 ? "No open comments." : `${open} open comment thread${open === 1 ? "" : "s"}.`}
      </p>
      <form
        className="ehcp-comment-new"
        onSubmit={(event) => {
          event.preventDefault();
          begin();
        }}
      >
        <label htmlFor={newId}>
          New comment{where ? ` on ${where}` : ": select words or put the caret in an item first"}
        </label>
        <p className="ehcp-hint" id={`${newId}-hint`}>
          From the plan: {readableShortcut(PLAN_SHORTCUTS.comment)}
        </p>
        <textarea
          id={newId}
          aria-describedby={`${newId}-hint`}
          aria-keyshortcuts={PLAN_SHORTCUTS.comment.replace(/-/g, "+")}
          value={draft}
          rows={3}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={busy || !draft.trim() || !where}>
          Add comment
        </button>
      </form>
      {problem ? (
        <p role="alert" className="ehcp-problem">
          {problem}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="ehcp-unsent">
        {unsent.length > 0 ? (
          <>
            <p className="ehcp-unsent-note">
              {unsent.length === 1 ? "1 comment" : `${unsent.length} comments`} not yet sent: the
              server cannot be reached. {unsent.length === 1 ? "It is" : "They are"} kept here and
              sent when the connection returns.
            </p>
            <ul>
              {unsent.map((entry) => (
                <li key={entry.key} className="ehcp-unsent-comment">
                  <p className="ehcp-comment-meta">
                    <strong>Not yet sent:</strong> {entry.what.replace(/^Your/, "your")}
                  </p>
                  <p className="ehcp-comment-body">{entry.body}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <label className="ehcp-comments-filter">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(event) => setShowResolved(event.target.checked)}
        />{" "}
        Show resolved threads
      </label>
      <ul className="ehcp-threads">
        {placed.map(({ thread, place }) => {
          const label = thread.itemId
            ? (labels.get(thread.itemId)?.label ?? "an item since removed")
            : `section ${thread.section}`;
          const mayResolve =
            thread.comments[0]?.author.id === user.id || policy[user.role].includes(thread.section);
          const replyId = `${newId}-${thread.id}`;
          return (
            <li key={thread.id} className="ehcp-thread" data-thread={thread.id}>
              <p className="ehcp-thread-where">
                On {label}
                {thread.quote ? (
                  <>
                    : <q>{thread.quote}</q>
                    {place?.kind === "item" ? " (those words have since gone)" : ""}
                  </>
                ) : null}
                {thread.resolved
                  ? `. Resolved by ${thread.resolved.by.name} on ${when(thread.resolved.at)}`
                  : ""}
              </p>
              <ol className="ehcp-thread-comments">
                {thread.comments.map((comment) => (
                  <li key={comment.id}>
                    <p className="ehcp-comment-meta">
                      <strong>{comment.author.name}</strong> ({words(comment.author.role)}),{" "}
                      <time dateTime={comment.at}>{when(comment.at)}</time>
                    </p>
                    <p className="ehcp-comment-body">{comment.body}</p>
                  </li>
                ))}
              </ol>
              <div className="ehcp-thread-actions">
                {place ? (
                  <button type="button" onClick={() => show(thread)}>
                    Show {label} in the plan
                  </button>
                ) : null}
                {mayResolve ? (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => service.resolve(thread.id, !thread.resolved),
                        () => {},
                      )
                    }
                  >
                    {thread.resolved ? "Reopen" : "Resolve"} the thread on {label}
                  </button>
                ) : null}
              </div>
              {thread.resolved ? null : (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    const body = replies[thread.id] ?? "";
                    void run(
                      () => service.reply(thread.id, body),
                      () => setReplies((all) => ({ ...all, [thread.id]: "" })),
                      { what: `Your reply on ${label}`, body },
                    );
                  }}
                >
                  <label htmlFor={replyId}>Reply on {label}</label>
                  <textarea
                    id={replyId}
                    rows={2}
                    value={replies[thread.id] ?? ""}
                    onChange={(event) =>
                      setReplies((all) => ({ ...all, [thread.id]: event.target.value }))
                    }
                  />
                  <button type="submit" disabled={busy || !(replies[thread.id] ?? "").trim()}>
                    Reply
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
