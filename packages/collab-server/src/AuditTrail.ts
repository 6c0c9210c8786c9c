import type { AuditEntry, DocumentStore, RefusalCode } from "./store/DocumentStore.js";

const MINUTE = 60_000;

interface Open {
  readonly user: AuditEntry["user"];
  readonly minute: number;
  readonly parts: Set<string>;
  readonly items: Set<string>;
  changes: number;
  /** Refusals by kind and parts, as `reason\0part,part`. */
  readonly refused: Map<string, number>;
}

const toEntry = (open: Open): AuditEntry => ({
  user: open.user,
  minute: new Date(open.minute).toISOString(),
  parts: [...open.parts].sort(),
  items: [...open.items].sort(),
  changes: open.changes,
  ...(open.refused.size > 0
    ? {
        refused: [...open.refused].map(([key, count]) => {
          const [reason, parts = ""] = key.split("\0");
          return {
            reason: reason as RefusalCode,
            parts: parts === "" ? [] : parts.split(","),
            count,
          };
        }),
      }
    : {}),
});

/**
 * Who changed which parts and items of each plan, and whose edits were refused and why,
 * coalesced per user per minute: a person typing for a minute makes one entry, not three hundred. Entries are written to the store once their
 * minute is over (see `flush`), and all at once when a plan is unloaded or the server stops. Only
 * ids and section names are kept, never what anyone wrote.
 */
export class AuditTrail {
  readonly #store: DocumentStore;
  readonly #now: () => number;
  /** Per plan: the entry each user is adding to, and finished entries not yet written. */
  readonly #open = new Map<string, Map<string, Open>>();
  readonly #done = new Map<string, Open[]>();

  constructor(store: DocumentStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  record(
    plan: string,
    user: AuditEntry["user"],
    parts: Iterable<string>,
    items: Iterable<string>,
  ): void {
    const open = this.#entryFor(plan, user);
    for (const part of parts) open.parts.add(part);
    for (const item of items) open.items.add(item);
    open.changes += 1;
  }

  /**
   * Notes an edit or message refused: who sent it, the kind of refusal and the parts it would
   * have changed (where known); never what it held.
   */
  refuse(
    plan: string,
    user: AuditEntry["user"],
    reason: RefusalCode,
    parts: Iterable<string> = [],
  ): void {
    const open = this.#entryFor(plan, user);
    const key = `${reason}\0${[...new Set(parts)].sort().join(",")}`;
    open.refused.set(key, (open.refused.get(key) ?? 0) + 1);
  }

  #entryFor(plan: string, user: AuditEntry["user"]): Open {
    const minute = Math.floor(this.#now() / MINUTE) * MINUTE;
    let users = this.#open.get(plan);
    if (!users) this.#open.set(plan, (users = new Map()));
    const key = `${user.role}\0${user.id}`;
    let open = users.get(key);
    if (open && open.minute !== minute) {
      this.#finish(plan, open);
      open = undefined;
    }
    if (!open) {
      open = { user, minute, parts: new Set(), items: new Set(), changes: 0, refused: new Map() };
      users.set(key, open);
    }
    return open;
  }

  #finish(plan: string, open: Open) {
    const done = this.#done.get(plan) ?? [];
    done.push(open);
    this.#done.set(plan, done);
  }

  /** Entries of a plan not yet written, oldest first. */
  pending(plan: string): AuditEntry[] {
    const open = [...(this.#open.get(plan)?.values() ?? [])];
    return [...(this.#done.get(plan) ?? []), ...open]
      .sort((a, b) => a.minute - b.minute)
      .map(toEntry);
  }

  /**
   * Writes the entries whose minute is over, of one plan or of all; with `everything`, the
   * entries still open too. An entry that could not be written is kept for the next try.
   */
  async flush(plan?: string, everything = false): Promise<void> {
    const minute = Math.floor(this.#now() / MINUTE) * MINUTE;
    const plans =
      plan === undefined ? [...new Set([...this.#open.keys(), ...this.#done.keys()])] : [plan];
    for (const name of plans) {
      const users = this.#open.get(name);
      for (const [key, open] of users ?? []) {
        if (everything || open.minute < minute) {
          this.#finish(name, open);
          users?.delete(key);
        }
      }
      if (users?.size === 0) this.#open.delete(name);
      const done = this.#done.get(name);
      if (!done?.length) continue;
      this.#done.delete(name);
      try {
        await this.#store.appendAudit(name, done.sort((a, b) => a.minute - b.minute).map(toEntry));
      } catch (error) {
        this.#done.set(name, [...done, ...(this.#done.get(name) ?? [])]);
        throw error;
      }
    }
  }
}
