import { DEFAULT_SECTION_POLICY, type Role, type SectionPolicy } from "@ehcp/schema";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { isFromYjs } from "./isFromYjs.js";
import { partsChanged } from "./partsChanged.js";
import { suggestedKey } from "./suggestedKey.js";

export const roleGuardKey = new PluginKey("ehcpRoleGuard");

/**
 * Refuses this writer's changes to parts of the plan their role may not change, as the server
 * would: the editor never sends an edit the server would refuse. Others' changes pass.
 */
export function roleGuard(role: Role, policy: SectionPolicy = DEFAULT_SECTION_POLICY): Plugin {
  const allowed = new Set(policy[role]);
  return new Plugin({
    key: roleGuardKey,
    filterTransaction(tr) {
      // Suggestions were let through only where the role may suggest (see `PlanSuggestions`).
      // Undo and redo revert only this writer's own changes, which were allowed (a parent's undo
      // in F withdraws their own suggestion), and Yjs has taken them before this sees them.
      if (!tr.docChanged || isFromYjs(tr) || tr.getMeta(suggestedKey)) return true;
      for (const part of partsChanged(tr)) if (!allowed.has(part)) return false;
      return true;
    },
  });
}
