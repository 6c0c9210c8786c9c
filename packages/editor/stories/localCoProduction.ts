import {
  COMMENTS_MAP_NAME,
  type CommentThread,
  createId,
  decideSuggestion,
  readCommentThreads,
  REPRESENTATIONS_MAP_NAME,
  type Representation,
} from "@ehcp/schema";
import type * as Y from "yjs";
import type { CommentService } from "../src/httpComments.js";
import type { SuggestionService } from "../src/httpSuggestions.js";
import type { PlanUser } from "../src/PlanEditor.js";

/**
 * Comments and decisions written straight into a story's shared document, as the server would
 * write them, so stories show co-production without a server. (Checks of who may do what are the
 * server's; stories only show the components.)
 */
export function localCoProduction(
  document: Y.Doc,
  user: PlanUser & { id: string },
): CommentService & SuggestionService {
  const person = { id: user.id, name: user.name, role: user.role };
  const comment = (body: string) => ({
    id: createId("comment"),
    author: person,
    at: new Date().toISOString(),
    body,
  });
  const threads = () => document.getMap<unknown>(COMMENTS_MAP_NAME);
  const update = (id: string, change: (thread: CommentThread) => CommentThread) => {
    const thread = readCommentThreads(document).find((t) => t.id === id);
    if (thread) threads().set(id, change(thread));
  };
  return {
    async begin(target, body) {
      const thread: CommentThread = {
        id: createId("thread"),
        section: target.section,
        itemId: target.itemId,
        anchor: target.anchor ? { from: target.anchor.from, to: target.anchor.to } : null,
        quote: "",
        comments: [comment(body)],
        resolved: null,
      };
      threads().set(thread.id, thread);
    },
    async reply(id, body) {
      update(id, (t) => ({ ...t, comments: [...t.comments, comment(body)] }));
    },
    async resolve(id, resolved) {
      update(id, (t) => ({
        ...t,
        resolved: resolved ? { by: person, at: new Date().toISOString() } : null,
      }));
    },
    async decide(id, decision, reason) {
      document.transact(() => {
        const found = decideSuggestion(document, id, decision === "accept");
        if (!found) return;
        const representation: Representation = {
          id,
          ...found,
          decision: decision === "accept" ? "accepted" : "rejected",
          reason,
          decidedBy: person,
          at: new Date().toISOString(),
          issue: 1,
        };
        document.getMap<unknown>(REPRESENTATIONS_MAP_NAME).set(id, representation);
      });
    },
  };
}
