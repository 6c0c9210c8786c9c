import type { Role } from "@ehcp/schema";
import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { AuditTrail } from "../AuditTrail.js";
import { PlanShadow } from "../PlanShadow.js";
import type { SectionPolicy } from "../sectionPolicy.js";
import type { DocumentStore } from "../store/DocumentStore.js";
import { newClientsOf } from "./clientIdGate.js";
import { DurableAcks } from "./DurableAcks.js";
import { editableOf } from "./documentAccess.js";
import type { EditRefusals } from "./EditRefusals.js";
import type { Sender } from "./Sender.js";
import { userOf } from "./signInGate.js";
import { carriesChanges } from "./syncSteps.js";

export interface PlanPolicyOptions {
  readonly store: DocumentStore;
  readonly audit: AuditTrail;
  readonly refusals: EditRefusals;
  /** Which parts each role may change. */
  readonly policy: SectionPolicy;
  /** Where each role may suggest words in parts it may not change. */
  readonly suggestPolicy: SectionPolicy;
}

/**
 * The section policy, the schema, the plan's integrity and its lifecycle, decided on what an
 * update does: each is tried first on a copy of the plan (see `PlanShadow`), and refused there
 * or taken. A taken update is applied and relayed by Hocuspocus right after this hook, while it is
 * appended to the store's log; its acknowledgement waits for the append (see `DurableAcks`), so
 * an acknowledged edit survives a crash. It is noted in the audit trail.
 */
export function planPolicy(options: PlanPolicyOptions): Extension {
  const { store, audit, refusals, policy, suggestPolicy } = options;
  const shadows = new Map<string, PlanShadow>();
  const acks = new DurableAcks(store);
  // Per role, the parts it may change and those it may suggest in, made once, not per keystroke.
  const allowed = new Map<Role, Pick<Sender, "editable" | "suggestable">>();
  const allowedFor = (role: Role) => {
    let sets = allowed.get(role);
    if (!sets) {
      sets = { editable: new Set(policy[role]), suggestable: new Set(suggestPolicy[role]) };
      allowed.set(role, sets);
    }
    return sets;
  };
  const NO_PARTS: ReadonlySet<never> = new Set();
  const shadowOf = (name: string, document: Y.Doc) => {
    let shadow = shadows.get(name);
    if (!shadow) {
      shadow = new PlanShadow(document);
      shadows.set(name, shadow);
    }
    return shadow;
  };
  return {
    extensionName: "planPolicy",
    async beforeSync({ documentName, document, connection, context, type, payload }) {
      if (!carriesChanges(type) || connection.readOnly) return;
      const user = userOf(context);
      if (!user) return;
      const advice = editableOf(context);
      const adviceParts = advice ? new Set(advice) : undefined;
      const shadow = shadowOf(documentName, document);
      const { problem, code, parts, items } = shadow.check(payload, {
        id: user.id,
        name: user.name,
        role: user.role,
        // An adviser in their advice writes its parts and suggests nowhere (see `DocumentAccess`).
        ...(adviceParts ? { editable: adviceParts, suggestable: NO_PARTS } : allowedFor(user.role)),
        clients: newClientsOf(payload, document),
      });
      if (problem !== null) {
        refusals.refuse(documentName, connection, {
          parts,
          reason: problem,
          code: code ?? "invalid",
        });
        return;
      }
      // Applied and relayed at once; the writer is told it was saved once it is on disk.
      acks.hold(connection, document, store.append(documentName, payload));
      if (parts && parts.length > 0) {
        audit.record(documentName, { id: user.id, role: user.role }, new Set(parts), items);
      }
    },
    async afterUnloadDocument({ documentName }) {
      shadows.get(documentName)?.destroy();
      shadows.delete(documentName);
      acks.forget(documentName);
    },
  };
}
