import type { CommentTarget } from "./commentTarget.js";
import { postJson, type TokenSource } from "./postJson.js";

/** How the comments panel asks the server to change threads; the server writes them. */
export interface CommentService {
  begin(target: Pick<CommentTarget, "section" | "itemId" | "anchor">, body: string): Promise<void>;
  reply(threadId: string, body: string): Promise<void>;
  resolve(threadId: string, resolved: boolean): Promise<void>;
}

export interface HttpCommentsOptions {
  /** The collaboration server's address: `ws://…`, `wss://…` or `http(s)://…`. */
  readonly url: string;
  readonly planId: string;
  readonly token: TokenSource;
}

/**
 * The comment endpoints of `@ehcp/collab-server` (`/plans/:id/comments…`). A refusal rejects
 * with the server's own words, such as "body: write the comment".
 */
export function httpComments(options: HttpCommentsOptions): CommentService {
  const base = `/plans/${encodeURIComponent(options.planId)}/comments`;
  const post = async (path: string, body: unknown) => {
    await postJson(options.url, base + path, options.token, body);
  };
  return {
    begin: (target, body) =>
      post("", { section: target.section, itemId: target.itemId, anchor: target.anchor, body }),
    reply: (threadId, body) => post(`/${encodeURIComponent(threadId)}/replies`, { body }),
    resolve: (threadId, resolved) => post(`/${encodeURIComponent(threadId)}/resolve`, { resolved }),
  };
}
