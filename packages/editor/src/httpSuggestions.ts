import { postJson, type TokenSource } from "./postJson.js";

/** How the suggestions panel asks the server to accept or reject a suggested change. */
export interface SuggestionService {
  decide(suggestionId: string, decision: "accept" | "reject", reason: string): Promise<void>;
}

export interface HttpSuggestionsOptions {
  /** The collaboration server's address: `ws://…`, `wss://…` or `http(s)://…`. */
  readonly url: string;
  readonly planId: string;
  readonly token: TokenSource;
}

/** The decision endpoint of `@ehcp/collab-server` (`/plans/:id/suggestions/:id/decide`). */
export function httpSuggestions(options: HttpSuggestionsOptions): SuggestionService {
  return {
    async decide(suggestionId, decision, reason) {
      await postJson(
        options.url,
        `/plans/${encodeURIComponent(options.planId)}/suggestions/${encodeURIComponent(suggestionId)}/decide`,
        options.token,
        { decision, reason },
      );
    },
  };
}
