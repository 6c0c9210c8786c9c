import {
  COMMENTS_MAP_NAME,
  type CommentAuthor,
  type CommentThread,
  createId,
  PLAN_FRAGMENT_NAME,
  readCommentThreads,
  SECTION_KEYS,
  type SectionKey,
} from "@ehcp/schema";
import * as Y from "yjs";
import type { Route, RouteContext } from "./RouteContext.js";
import { HttpError } from "./HttpError.js";
import { sendJson } from "./sendJson.js";
import { withLivePlan } from "./withLivePlan.js";
import type { SignedInUser } from "../signIn.js";
import { PLAN_ITEM_NODES } from "../ws/planPartOf.js";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";

const MAX_BODY = 5000;
const MAX_QUOTE = 500;
const MAX_THREADS = 2000;
const MAX_REPLIES = 200;

const bodyOf = (value: unknown): string => {
  const body = typeof value === "string" ? value.trim() : "";
  if (!body) throw new HttpError(400, "body: write the comment");
  const unsafe = unsafeCharacter(body);
  if (unsafe) throw new HttpError(400, `body: ${unsafe}`);
  if (body.length > MAX_BODY) {
    throw new HttpError(
      400,
      `body: a comment is at most ${MAX_BODY.toLocaleString("en-GB")} characters`,
    );
  }
  return body;
};

const authorOf = (user: SignedInUser): CommentAuthor => ({
  id: user.id,
  name: user.name,
  role: user.role,
});

const sectionElement = (doc: Y.Doc, section: SectionKey): Y.XmlElement | null => {
  for (const child of doc.getXmlFragment(PLAN_FRAGMENT_NAME).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === `section${section}`) return child;
  }
  return null;
};

const findItem = (parent: Y.XmlElement, id: string): Y.XmlElement | null => {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (PLAN_ITEM_NODES.has(child.nodeName) && child.getAttribute("id") === id) return child;
    const inside = findItem(child, id);
    if (inside) return inside;
  }
  return null;
};

// Yjs types are invariant in their event type, so "any type" is spelled with any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const lies = (type: Y.AbstractType<any>, within: Y.XmlElement): boolean => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  for (let t: Y.AbstractType<any> | null = type; t; t = (t._item?.parent ?? null) as never) {
    if (t === within) return true;
  }
  return false;
};

/**
 * Checks a text anchor sent by a client: both ends must be Yjs relative positions that resolve
 * into one text of the item. Returns the words between them, quoted in the thread.
 */
const quoteOf = (doc: Y.Doc, item: Y.XmlElement, anchor: unknown): string => {
  if (typeof anchor !== "object" || anchor === null) {
    throw new HttpError(400, "anchor: an object with from and to, as Yjs relative positions");
  }
  const ends = (["from", "to"] as const).map((end) => {
    const json = (anchor as Record<string, unknown>)[end];
    let resolved: Y.AbsolutePosition | null;
    try {
      resolved = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(json),
        doc,
      );
    } catch {
      resolved = null;
    }
    if (!resolved || !(resolved.type instanceof Y.XmlText) || !lies(resolved.type, item)) {
      throw new HttpError(
        400,
        `anchor.${end}: not a place in the text of ${item.getAttribute("id")}`,
      );
    }
    return resolved;
  });
  const [from, to] = ends as [Y.AbsolutePosition, Y.AbsolutePosition];
  if (from.type !== to.type || to.index < from.index) {
    throw new HttpError(400, "anchor: a comment's words must lie within one field, in order");
  }
  const text = (from.type as Y.XmlText)
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
  const quote = text.slice(from.index, to.index);
  return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote;
};

/**
 * Comment threads: `GET|POST /plans/:id/comments`, `POST /plans/:id/comments/:thread/replies`
 * and `POST /plans/:id/comments/:thread/resolve`. Anyone who may open the plan may read every
 * section, so may comment anywhere and reply; a thread is resolved or reopened by whoever began
 * it or a role that may change its section. The server writes the thread, with the author and
 * time it knows, into the plan's Yjs document beside the plan itself, so every connected editor
 * sees it at once; clients may not write there themselves.
 */
export function commentRoutes(context: RouteContext): Route[] {
  const { options, userFor, readJson } = context;
  const withPlan = <T>(id: string, change: (doc: Y.Doc) => T) =>
    withLivePlan(options.openDocument, id, change);
  const threadIn = (doc: Y.Doc, threadId: string): CommentThread => {
    const thread = readCommentThreads(doc).find((t) => t.id === threadId);
    if (!thread) throw new HttpError(404, `there is no comment thread ${threadId}`);
    return thread;
  };

  return [
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/comments$/,
      handle: async (request, response, [id = ""]) => {
        await userFor(request, id);
        const threads = await withPlan(id, (doc) => readCommentThreads(doc));
        sendJson(response, 200, { threads });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/comments$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        const body = (await readJson(request, 20_000)) as Record<string, unknown>;
        const section = body.section as SectionKey;
        if (!SECTION_KEYS.includes(section)) {
          throw new HttpError(400, `section: one of ${SECTION_KEYS.join(", ")}`);
        }
        const itemId = body.itemId ?? null;
        if (itemId !== null && typeof itemId !== "string") {
          throw new HttpError(400, "itemId: the id of a need, outcome or provision, or null");
        }
        if (body.anchor != null && itemId === null) {
          throw new HttpError(400, "anchor: a comment on words needs the itemId they lie in");
        }
        const text = bodyOf(body.body);
        const thread = await withPlan(id, (doc) => {
          const comments = doc.getMap<unknown>(COMMENTS_MAP_NAME);
          if (comments.size >= MAX_THREADS) {
            throw new HttpError(409, `the plan has ${MAX_THREADS} comment threads already`);
          }
          const element = sectionElement(doc, section);
          if (!element) throw new HttpError(409, `the plan has no section ${section}`);
          const item = itemId === null ? null : findItem(element, itemId);
          if (itemId !== null && !item) {
            throw new HttpError(400, `itemId: section ${section} has no item ${itemId}`);
          }
          const anchored = item !== null && body.anchor != null;
          const made: CommentThread = {
            id: createId("thread"),
            section,
            itemId,
            anchor: anchored
              ? {
                  from: (body.anchor as Record<string, unknown>).from,
                  to: (body.anchor as Record<string, unknown>).to,
                }
              : null,
            quote: anchored ? quoteOf(doc, item, body.anchor) : "",
            comments: [
              {
                id: createId("comment"),
                author: authorOf(user),
                at: new Date().toISOString(),
                body: text,
              },
            ],
            resolved: null,
          };
          comments.set(made.id, made);
          return made;
        });
        sendJson(response, 201, { thread });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/comments\/([^/]+)\/replies$/,
      handle: async (request, response, [id = "", threadId = ""]) => {
        const user = await userFor(request, id);
        const body = (await readJson(request, 20_000)) as Record<string, unknown>;
        const text = bodyOf(body.body);
        const thread = await withPlan(id, (doc) => {
          const current = threadIn(doc, threadId);
          if (current.comments.length > MAX_REPLIES) {
            throw new HttpError(
              409,
              `the thread has ${MAX_REPLIES} replies already: begin another`,
            );
          }
          const next: CommentThread = {
            ...current,
            comments: [
              ...current.comments,
              {
                id: createId("comment"),
                author: authorOf(user),
                at: new Date().toISOString(),
                body: text,
              },
            ],
          };
          doc.getMap<unknown>(COMMENTS_MAP_NAME).set(threadId, next);
          return next;
        });
        sendJson(response, 201, { thread });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/comments\/([^/]+)\/resolve$/,
      handle: async (request, response, [id = "", threadId = ""]) => {
        const user = await userFor(request, id);
        const body = (await readJson(request, 1000)) as Record<string, unknown>;
        const resolved = body.resolved ?? true;
        if (typeof resolved !== "boolean") {
          throw new HttpError(400, "resolved: true to resolve the thread, false to reopen it");
        }
        const thread = await withPlan(id, (doc) => {
          const current = threadIn(doc, threadId);
          const began = current.comments[0]?.author.id === user.id;
          if (!began && !options.policy[user.role].includes(current.section)) {
            throw new HttpError(
              403,
              `${user.role} may not resolve a thread in section ${current.section} that someone else began`,
            );
          }
          const next: CommentThread = {
            ...current,
            resolved: resolved ? { by: authorOf(user), at: new Date().toISOString() } : null,
          };
          doc.getMap<unknown>(COMMENTS_MAP_NAME).set(threadId, next);
          return next;
        });
        sendJson(response, 200, { thread });
      },
    },
  ];
}
