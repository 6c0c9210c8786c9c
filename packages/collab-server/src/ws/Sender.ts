import type { PlanPart, Role } from "@ehcp/schema";

/**
 * Who sent an update, as the server knows them: their role's parts, and the client ids whose new
 * content may be theirs (see `ClientOwners`).
 */
export interface Sender {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The parts they may change outright. */
  readonly editable: ReadonlySet<PlanPart>;
  /** The parts where they may only suggest words. */
  readonly suggestable: ReadonlySet<PlanPart>;
  /** Client ids under which the update may add content: those bound to this sender. */
  readonly clients: ReadonlySet<number>;
}
