import {
  checkIntegrity,
  checkPlanNode,
  describeRefusal,
  type Plan,
  yDocToPlan,
  docToPlan,
  listSuggestions,
  type PlanPart,
  SECTION_KEY_OF,
  withoutSuggestions,
  MAX_FIELD_LENGTH,
  MAX_TEXT_LENGTH,
  PLAN_FRAGMENT_NAME,
  type PlanNodeName,
  planSchema,
  yElementToNode,
  markOfAttribute,
} from "@ehcp/schema";
import * as Y from "yjs";
import { lifecycleRefusalOf, planDetailsOf, type PlanStatus, planStatus } from "./planStatus.js";
import { type DeletedRange, readKeystroke } from "./ws/keystroke.js";
import { unsafeCharacter } from "./ws/unsafeCharacter.js";
import type { RefusalCode } from "./store/DocumentStore.js";
import {
  forgedSuggestion,
  othersSuggestionsIn,
  othersSuggestionsOnNew,
} from "./ws/carriedSuggestions.js";
import {
  checkAddedItem,
  namesSender,
  stable,
  SUGGESTION_MARKS,
  suggestionKey,
} from "./ws/checkAddedItem.js";
import { misplacement } from "./ws/itemPlacement.js";
import { othersSuggestedWords } from "./ws/othersSuggestedWords.js";
import { ownsVoice } from "./ws/ownsVoice.js";
import { removedSuggestion } from "./ws/removedSuggestion.js";
import { SuggestedWords } from "./ws/suggestedWords.js";
import { itemOf, PLAN_ITEM_NODES, partOfItem, planPartOf } from "./ws/planPartOf.js";
import type { Sender } from "./ws/Sender.js";

export type { Sender } from "./ws/Sender.js";

/** Node types checked as a whole when anything inside them changes. */
const nodeSpecs = Object.values(planSchema.nodes).map((type) => [type.name, type.spec] as const);
/** One-line plain-text fields: Plan JSON caps their whole text at `MAX_FIELD_LENGTH`. */
const TEXT_FIELDS = new Set<string>(
  nodeSpecs
    .filter(([, spec]) => spec.group === "field" && spec.content === "text*")
    .map(([name]) => name),
);
/** Blocks of rich text: Plan JSON caps each text node at `MAX_TEXT_LENGTH`. */
const TEXT_BLOCKS = new Set<string>(
  nodeSpecs
    .filter(([, spec]) => spec.group === "block" && spec.content === "text*")
    .map(([name]) => name),
);

/**
 * Typing changes only the text of one block or field. Its item's values cannot change, so checking
 * the block against the schema (marks, link addresses) and Plan JSON's length caps is enough.
 */
function checkText(holder: Y.XmlElement): void {
  const node = yElementToNode(holder);
  node.check();
  if (TEXT_FIELDS.has(holder.nodeName)) {
    if (node.textContent.length > MAX_FIELD_LENGTH) {
      throw new RangeError(
        `${holder.nodeName} is longer than ${MAX_FIELD_LENGTH.toLocaleString("en-GB")} characters`,
      );
    }
    return;
  }
  node.forEach((child) => {
    if ((child.text?.length ?? 0) > MAX_TEXT_LENGTH) {
      throw new RangeError(
        `a stretch of text is longer than ${MAX_TEXT_LENGTH.toLocaleString("en-GB")} characters`,
      );
    }
  });
}

/** An update from someone who may only suggest, doing more than suggest. */
class NotASuggestion extends RangeError {
  override readonly name = "NotASuggestion";
}

/**
 * The outcome of trying an update: a problem in words (and its kind, for the audit trail), or
 * what it changed for the audit trail.
 */
export interface ShadowCheck {
  readonly problem: string | null;
  /** The kind of problem, null when there is none. */
  readonly code: RefusalCode | null;
  /** The parts the update changes; on a refusal for the role, the parts the role may not change. */
  readonly parts: readonly PlanPart[] | null;
  /** Ids of the items it touched. */
  readonly items: ReadonlySet<string>;
  /** Whether it was taken as a keystroke, judged on the plan itself without the copy. */
  readonly fast?: true;
}

/** Plan details only the lifecycle routes change: issuing a draft, a final plan, an amendment. */
const LIFECYCLE_ATTRS = ["status", "issue", "dates", "signOff"] as const;

/** The origin the copy applies an update under, to tell its transaction from Yjs's own tidying. */
const CHECKING = Symbol("checking an update");
/** The origin under which the copy takes in what the plan took while it was not looked at. */
const CATCHING_UP = Symbol("catching up");
/**
 * Changes of the plan the copy keeps to take in later, at most, and their bytes. Typing taken as
 * keystrokes is not applied to the copy as it comes, but only when an update is next checked on
 * the copy, in one transaction (3 to 5 µs a change, against 35 to 46 applied singly): while
 * everyone only types, the copy is never read. Past this many, taking them in would cost about
 * as much as building the copy again from the plan (12 ms for 240 provisions), so the copy is
 * left stale and built again when next needed, which bounds both the memory and that wait.
 */
const MAX_LAG = 2048;
const MAX_LAG_BYTES = 1 << 20;
/** Structs a keystroke may delete (a word, a selection within a field), at most. */
const MAX_KEYSTROKE_DELETES = 64;

/**
 * An update taken that the plan has not applied yet: Hocuspocus applies it once the other hooks
 * have run, and other connections' updates may be checked meanwhile.
 */
interface InFlight {
  readonly update: Uint8Array;
  /** For a keystroke taken without the copy, the text it types in and how much; else null. */
  readonly text: Y.XmlText | null;
  readonly inserted: number;
  /** The clock up to which it adds content, for each client it adds under. */
  readonly to: ReadonlyMap<number, number>;
  readonly deletes: readonly DeletedRange[];
  /** Whether the copy holds it. */
  inCopy: boolean;
}

/**
 * The item holding `id` in `store`, if it holds a string or deleted content: what typing is
 * placed by. A character typed after one just deleted is placed by the deleted one, whose string
 * Yjs has already collected (its item stays where it was, with `ContentDeleted`), and Yjs places
 * the new one after it all the same. The items of collected types (GC structs) are not taken;
 * the caller asks that the item lie in a text, which holds nothing but strings once the plain
 * text's formatting has been looked at.
 */
function stringAt(store: Y.Doc["store"], id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(store, id.client)) return null;
  const list = store.clients.get(id.client) as (Y.Item | Y.GC)[];
  const struct = list[Y.findIndexSS(list as never, id.clock)];
  if (!(struct instanceof Y.Item)) return null;
  const content = struct.content;
  return content instanceof Y.ContentString || content instanceof Y.ContentDeleted ? struct : null;
}

/**
 * The integrity findings of a plan (see `checkIntegrity`), counted under keys that do not move
 * when items are added before them: rule, item, field and the id named. Null when the document
 * cannot be read as a plan at all.
 */
function integrityOf(doc: Y.Doc): Map<string, { count: number; message: string }> | null {
  if (doc.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0) return null;
  let plan: Plan;
  try {
    plan = yDocToPlan(doc);
  } catch {
    return null;
  }
  const found = new Map<string, { count: number; message: string }>();
  for (const finding of checkIntegrity(plan)) {
    const named = /"([^"]*)"/.exec(finding.message)?.[1] ?? "";
    const key = [finding.rule, finding.target, finding.path?.replace(/\[\d+\]/g, ""), named].join(
      "|",
    );
    const seen = found.get(key);
    found.set(key, { count: (seen?.count ?? 0) + 1, message: finding.message });
  }
  return found;
}

/** What an update really did, read in the copy as Yjs integrated it. */
interface Observed {
  readonly parts: Set<PlanPart>;
  readonly deletedIds: Set<string>;
  /** Other people's suggestions the update writes new characters or marks under. */
  readonly carried: Set<string>;
  /** Whether it deletes anything or changes formatting: only then can a suggestion go. */
  readonly unmarks: boolean;
  readonly problem: string | null;
}

// Yjs types differ in their event type, which nothing here reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Parent = Y.AbstractType<any>;
const parentOf = (type: Parent): Parent | null => (type._item?.parent as Parent | null) ?? null;

/** From a changed type up to the plan's root: the types in between, innermost first. */
function ancestry(type: Parent): Parent[] {
  const chain: Parent[] = [];
  for (let t: Parent | null = type; t; t = parentOf(t)) chain.push(t);
  return chain;
}

const idOf = (type: Parent): string | null => {
  const id = type instanceof Y.XmlElement ? type.getAttribute("id") : undefined;
  return typeof id === "string" ? id : null;
};

/** The id a deleted element had: its attributes are deleted with it, but not yet collected. */
const deletedIdOf = (type: Parent): string | null => {
  const entry = type._map.get("id");
  const id = entry?.content.getContent().at(-1);
  return typeof id === "string" ? id : null;
};

/** Whether a suggestion mark is in `item`'s formatting. */
const isSuggestionFormat = (item: Y.Item | Y.GC): boolean => {
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentFormat)) return false;
  const mark = markOfAttribute(item.content.key);
  return mark !== null && SUGGESTION_MARKS.has(mark);
};

/**
 * Whether a transaction adds or deletes suggestion formatting: only then can the suggestions a
 * plan's store holds change (Yjs collects deleted formatting as the transaction ends). A
 * keystroke reads its one new item and what it deleted.
 */
function touchesSuggestions(tr: Y.Transaction): boolean {
  const structs = tr.doc.store.clients;
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (before >= after) continue;
    const list = structs.get(client) ?? [];
    for (let i = Y.findIndexSS(list as never, before); i < list.length; i++) {
      const struct = list[i] as Y.Item | Y.GC;
      if (struct.id.clock >= after) break;
      if (isSuggestionFormat(struct)) return true;
    }
  }
  let deleted = false;
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    deleted ||= isSuggestionFormat(struct as Y.Item | Y.GC);
  });
  return deleted;
}

/**
 * A second copy of one plan's Yjs document, kept in step with it, on which each incoming update
 * is tried before the real document takes it. Only the items an update touches are read back and
 * checked against the plan schema, so a keystroke costs the check of one provision, not of the
 * plan. When an update is refused the copy is rebuilt from the real document, which never saw it.
 */
export class PlanShadow {
  readonly #source: Y.Doc;
  #doc: Y.Doc;
  /** The words under suggestions in the real document and in the copy, kept text by text. */
  readonly #sourceWords: SuggestedWords;
  #copyWords: SuggestedWords;
  /** The plan's own integrity findings, read once per change of the plan when needed. */
  #integrityBefore: ReturnType<typeof integrityOf> | undefined;
  #suggestions: Set<string> | undefined;
  /** The plan's status, read once per change of the plan details, not once per keystroke. */
  #status: { readonly of: PlanStatus | null; readonly details: Y.XmlElement | null } | undefined;
  // Read as the transaction ends, before Yjs collects the content it deleted.
  readonly #watch = (tr: Y.Transaction) => {
    if (this.#suggestions && touchesSuggestions(tr)) this.#suggestions = undefined;
    // The status is the details' own attributes; the details are the root's first child.
    const status = this.#status;
    const changed = tr.changed as Map<Parent, unknown>;
    if (status && (changed.has(this.#root) || (status.details && changed.has(status.details)))) {
      this.#status = undefined;
    }
    if (this.#inFlight.length > 0) {
      this.#inFlight = this.#inFlight.filter((taken) => !this.#applied(taken));
    }
  };
  readonly #root: Y.XmlFragment;
  readonly #mirror = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    this.#integrityBefore = undefined;
    // Each update checked on the copy reaches the real document after the copy took it in
    // `check`: reading it a second time would find nothing new. Deletions are always taken,
    // since a transaction's deletions are not told apart by the state vector.
    if (tr.deleteSet.clients.size === 0 && this.#holds(tr.afterState)) return;
    // The copy is read only for an update that is not a keystroke: until then it need not be
    // in step, and taking many changes in at once costs less than taking each.
    if (this.#stale) return;
    this.#lag.push(update);
    this.#lagBytes += update.length;
    if (this.#lag.length > MAX_LAG || this.#lagBytes > MAX_LAG_BYTES) {
      this.#stale = true;
      this.#lag = [];
      this.#lagBytes = 0;
    }
  };
  /** Changes the plan took that the copy has not taken in yet, in the order the plan took them. */
  #lag: Uint8Array[] = [];
  #lagBytes = 0;
  /** Whether the copy fell so far behind that it is built again before it is next read. */
  #stale = false;
  /** Updates taken that the plan does not hold yet (Hocuspocus applies each after the hooks). */
  #inFlight: InFlight[] = [];

  constructor(source: Y.Doc) {
    this.#source = source;
    this.#root = source.getXmlFragment(PLAN_FRAGMENT_NAME);
    this.#sourceWords = new SuggestedWords(source);
    this.#doc = this.#copy();
    this.#copyWords = new SuggestedWords(this.#doc);
    source.on("afterTransaction", this.#watch);
    source.on("update", this.#mirror);
  }

  #copy(): Y.Doc {
    const doc = new Y.Doc({ gc: this.#source.gc });
    doc.getXmlFragment(PLAN_FRAGMENT_NAME);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.#source));
    return doc;
  }

  /** Whether the real document holds `taken`: its new content, and its deletions. */
  #applied(taken: InFlight): boolean {
    const store = this.#source.store;
    for (const [client, clock] of taken.to) if (Y.getState(store, client) < clock) return false;
    for (const [client, clock, length] of taken.deletes) {
      if (Y.getState(store, client) < clock + length) return false;
      const list = store.clients.get(client) as (Y.Item | Y.GC)[];
      for (let i = Y.findIndexSS(list as never, clock); i < list.length; i++) {
        const struct = list[i] as Y.Item | Y.GC;
        if (struct.id.clock >= clock + length) break;
        if (struct instanceof Y.Item && !struct.deleted) return false;
      }
    }
    return true;
  }

  /**
   * Brings the copy up to the real document, and past it by the updates taken that the plan does
   * not hold yet, as a check on the copy needs it: in one transaction.
   */
  #catchUp(): void {
    const behind = this.#inFlight.filter((taken) => !taken.inCopy);
    if (this.#lag.length === 0 && behind.length === 0) return;
    const lag = this.#lag;
    this.#lag = [];
    this.#lagBytes = 0;
    this.#doc.transact(() => {
      for (const update of lag) Y.applyUpdate(this.#doc, update);
      for (const taken of behind) {
        Y.applyUpdate(this.#doc, taken.update);
        taken.inCopy = true;
      }
    }, CATCHING_UP);
  }

  /** Whether the copy holds every change up to `state`, a state vector of the real document. */
  #holds(state: Map<number, number>): boolean {
    for (const [client, clock] of state) {
      if (Y.getState(this.#doc.store, client) < clock) return false;
    }
    return true;
  }

  /**
   * Applies `update` to the copy and decides on what it did there, not on how it was encoded:
   * the content it added, by the place Yjs gave it; the content it deleted; the plan it leaves.
   * A problem is described in words for the client that sent it; the copy then goes back to the
   * real document's state.
   */
  check(update: Uint8Array, sender: Sender): ShadowCheck {
    const keystroke = this.#keystroke(update, sender);
    if (keystroke) return keystroke;
    // Yjs keeps aside what it cannot place yet; the copy starts each check from what it holds.
    if (this.#stale || this.#pending(this.#doc)) this.reset();
    this.#catchUp();
    const rootWasEmpty = this.#doc.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0;
    let observed: Observed | null = null;
    let checked: Y.Transaction | null = null;
    const observe = (tr: Y.Transaction) => {
      if (tr.origin !== CHECKING || checked) return;
      checked = tr;
      try {
        observed = this.#observe(tr, sender);
      } catch (error) {
        observed = {
          parts: new Set(),
          deletedIds: new Set(),
          carried: new Set(),
          unmarks: false,
          problem: (error as Error).message,
        };
      }
    };
    this.#doc.on("afterTransaction", observe);
    try {
      Y.applyUpdate(this.#doc, update, CHECKING);
    } catch {
      this.reset();
      return {
        problem: "the update could not be read",
        code: "unreadable",
        parts: null,
        items: new Set(),
      };
    } finally {
      this.#doc.off("afterTransaction", observe);
    }
    const refuse = (
      problem: string,
      parts: readonly PlanPart[] | null,
      code: RefusalCode,
    ): ShadowCheck => {
      this.reset();
      return { problem, code, parts, items: new Set() };
    };
    // An honest client builds only on what its server sent it. Structs or deletions Yjs keeps
    // aside would be applied whenever what they wait for arrived: a deletion of the next
    // thousand characters someone types, say.
    if (this.#pending(this.#doc)) {
      return refuse("the update builds on changes the server does not have", null, "pending");
    }
    const seen = observed as Observed | null;
    const tr = checked as Y.Transaction | null;
    if (!seen || !tr) return refuse("the update could not be read", null, "unreadable");
    const parts = [...seen.parts];
    if (seen.problem) return refuse(seen.problem, parts, "content");
    const forged = forgedSuggestion(this.#sourceWords, this.#copyWords, seen.carried);
    if (forged) return refuse(forged, parts, "suggestion");
    const refused = parts.filter((part) => !sender.editable.has(part));
    // Where a role may not edit, it may still suggest words, if the policy lets it.
    const suggesting = refused.length > 0 && refused.every((part) => sender.suggestable.has(part));
    if (refused.length > 0 && !suggesting) {
      return refuse(describeRefusal(sender.role, refused), refused, "role");
    }
    const waiting = lifecycleRefusalOf(this.#planStatus(), seen.parts);
    if (waiting) return refuse(waiting, parts, "lifecycle");
    const items = new Set<string>(seen.deletedIds);
    const outcome = this.#checkTransaction(tr, items, suggesting ? sender : undefined);
    if (outcome.problem) {
      const { message, beyondSuggesting } = outcome.problem;
      return beyondSuggesting
        ? refuse(`${describeRefusal(sender.role, refused)}; ${message}`, refused, "suggestion")
        : refuse(`the edit would leave the plan invalid: ${message}`, parts, "invalid");
    }
    if (seen.parts.has("A")) {
      const view = this.#othersView(sender);
      if (view) return refuse(view, ["A"], "role");
    }
    if (seen.unmarks && this.#suggestionsBefore().size > 0) {
      const removed = removedSuggestion(
        this.#sourceWords,
        this.#copyWords,
        this.#suggestionsBefore(),
        sender,
      );
      if (removed) return refuse(removed, parts, "suggestion");
    }
    if (!rootWasEmpty && (seen.parts.has("meta") || seen.parts.has("structure"))) {
      const locked = this.#lifecycleChange();
      if (locked) {
        return refuse(
          `the plan's ${locked} changes only when a caseworker issues the draft or the final plan, or starts an amendment`,
          parts,
          "lifecycle",
        );
      }
    }
    if (outcome.structural) {
      const broken = this.#newIntegrityProblem();
      if (broken)
        return refuse(`the edit would leave the plan invalid: ${broken}`, parts, "invalid");
    }
    this.#taken(update, tr);
    return { problem: null, code: null, parts, items };
  }

  /** Notes an update taken on the copy, until the real document holds it too. */
  #taken(update: Uint8Array, tr: Y.Transaction): void {
    const to = new Map<number, number>();
    for (const [client, after] of tr.afterState) {
      if (after > (tr.beforeState.get(client) ?? 0)) to.set(client, after);
    }
    const deletes: DeletedRange[] = [];
    for (const [client, ranges] of tr.deleteSet.clients) {
      for (const { clock, len } of ranges) deletes.push([client, clock, len]);
    }
    if (to.size === 0 && deletes.length === 0) return;
    this.#inFlight.push({ update, text: null, inserted: 0, to, deletes, inCopy: true });
  }

  /**
   * The common keystroke, taken without the copy: an update that only types characters into,
   * or deletes characters from, one text of one field or block that holds nothing but plain
   * text, placed by items the plan holds, under the sender's own next clock, in a part the
   * sender may change. Each check the copy would make is made here on the plan itself (the
   * characters allowed, Plan JSON's length cap, the part, a family member's own voice in A, the
   * plan's lifecycle); where one cannot be, or an update taken on the copy has not reached the
   * plan yet, this gives null and the update is checked on the copy. It never refuses: a
   * refusal is always the copy's, in its words.
   */
  #keystroke(update: Uint8Array, sender: Sender): ShadowCheck | null {
    if (this.#inFlight.some((taken) => taken.text === null)) return null;
    const keystroke = readKeystroke(update);
    if (!keystroke) return null;
    const store = this.#source.store;
    const { insert, deletes } = keystroke;
    let text: Parent | null = null;
    if (insert) {
      const { id, origin, rightOrigin } = insert;
      // Exactly the sender's next clock: no gap (content the server lacks), no overlap.
      if (!sender.clients.has(id.client) || Y.getState(store, id.client) !== id.clock) return null;
      if (unsafeCharacter(insert.text)) return null;
      const left = stringAt(store, origin);
      if (!left || !(left.parent instanceof Y.XmlText)) return null;
      text = left.parent;
      // Yjs places it after its origin, before its right origin, among the items between: all
      // in the origin's text only when the right origin (if any) is in that text too.
      if (rightOrigin && stringAt(store, rightOrigin)?.parent !== text) return null;
    }
    let structs = 0;
    for (const [client, clock, length] of deletes) {
      if (Y.getState(store, client) < clock + length) return null;
      const list = store.clients.get(client) as (Y.Item | Y.GC)[];
      for (let i = Y.findIndexSS(list as never, clock); i < list.length; i++) {
        const struct = list[i] as Y.Item | Y.GC;
        if (struct.id.clock >= clock + length) break;
        if (++structs > MAX_KEYSTROKE_DELETES) return null;
        if (!(struct instanceof Y.Item) || struct.deleted) return null;
        if (!(struct.content instanceof Y.ContentString)) return null;
        text ??= struct.parent as Parent;
        if (struct.parent !== text) return null;
      }
    }
    if (!(text instanceof Y.XmlText)) return null;
    // The text is the only child of a field or block of plain text, in the plan, not deleted.
    const holder = parentOf(text);
    if (!(holder instanceof Y.XmlElement) || holder.length !== 1) return null;
    const field = TEXT_FIELDS.has(holder.nodeName);
    if (!field && !TEXT_BLOCKS.has(holder.nodeName)) return null;
    const chain: Parent[] = [];
    for (let at: Parent | null = text; at !== this.#root; at = parentOf(at)) {
      if (!at || at._item?.deleted || chain.length > 64) return null;
      chain.push(at);
    }
    const part = planPartOf(text);
    if (part === null || part === "meta" || part === "structure") return null;
    if (!sender.editable.has(part)) return null;
    // A family member changes only the views in their own voice (see `#othersView`).
    if (part === "A" && !ownsVoice(sender.role, null)) {
      const view = chain[chain.length - 2];
      if (!(view instanceof Y.XmlElement) || !ownsVoice(sender.role, view.getAttribute("voice"))) {
        return null;
      }
    }
    // Plain text: no formatting, so no marks for new characters to take on, and no one's
    // suggestion for a deletion to take out.
    for (let item = text._start; item; item = item.right) {
      const content = item.content;
      if (!(content instanceof Y.ContentString) && !(content instanceof Y.ContentDeleted)) {
        return null;
      }
    }
    // Plan JSON caps a field's whole text, and a block's each stretch of text (here, all of it),
    // counting what other keystrokes taken but not yet applied type into the same text.
    let length = text.length + (insert?.text.length ?? 0);
    for (const taken of this.#inFlight) if (taken.text === text) length += taken.inserted;
    if (length > (field ? MAX_FIELD_LENGTH : MAX_TEXT_LENGTH)) return null;
    const parts = [part];
    if (lifecycleRefusalOf(this.#planStatus(), new Set(parts))) return null;
    const to = new Map<number, number>();
    if (insert) to.set(insert.id.client, insert.id.clock + insert.text.length);
    this.#inFlight.push({
      update,
      text,
      inserted: insert?.text.length ?? 0,
      to,
      deletes,
      inCopy: false,
    });
    const item = itemOf(text);
    const id = item ? idOf(item) : null;
    return { problem: null, code: null, parts, items: new Set(id ? [id] : []), fast: true };
  }

  #planStatus(): PlanStatus | null {
    this.#status ??= { of: planStatus(this.#source), details: planDetailsOf(this.#source) };
    return this.#status.of;
  }

  #pending(doc: Y.Doc): boolean {
    return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  }

  /**
   * Every item the update added and every item it deleted, each placed in its part of the plan
   * by where it really is. What an item holds is checked here too, whole: only the content types
   * the plan uses, attributes the schema knows, no characters that hide what text says, and
   * suggestions under their sender's own name.
   */
  #observe(tr: Y.Transaction, sender: Sender): Observed {
    const parts = new Set<PlanPart>();
    const deletedIds = new Set<string>();
    const carried = new Set<string>();
    const typedIn = new Set<Y.XmlText>();
    const formatted = new Set<Y.XmlText>();
    let problem: string | null = null;
    let deletes = false;
    const structs = this.#doc.store.clients;
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      if (!sender.clients.has(client)) {
        problem ??= `the update adds content under the client id ${client}, which is someone else's`;
        continue;
      }
      const list = structs.get(client) ?? [];
      for (let i = Y.findIndexSS(list as never, before); i < list.length; i++) {
        const struct = list[i] as Y.Item | Y.GC;
        if (struct.id.clock >= after) break;
        // Collected content (a GC struct) shows nothing and lies nowhere.
        if (struct instanceof Y.Item) {
          problem ??=
            misplacement(struct, this.#doc.store) ??
            checkAddedItem(struct, sender, parts, (mark) => this.#suggestionsBefore().has(mark));
          const { content, parent } = struct;
          if (content instanceof Y.ContentString && parent instanceof Y.XmlText) {
            typedIn.add(parent);
          }
          if (content instanceof Y.ContentFormat && parent instanceof Y.XmlText) {
            formatted.add(parent);
          }
          if (content instanceof Y.ContentFormat && content.value !== null) {
            const mark = markOfAttribute(content.key);
            if (mark && SUGGESTION_MARKS.has(mark) && !namesSender(content.value, sender)) {
              carried.add(suggestionKey(mark, content.value));
            }
          }
        }
      }
    }
    const isNew = (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      deletes = true;
      const part = partOfItem(struct);
      if (part === null) problem ??= "the update deletes something outside the plan";
      else parts.add(part);
      if (struct.content instanceof Y.ContentFormat && struct.parent instanceof Y.XmlText) {
        formatted.add(struct.parent);
      }
      // Yjs collects deleted content after this; the id of a deleted element is read now.
      if (struct.content instanceof Y.ContentType) {
        const id = deletedIdOf(struct.content.type as Parent);
        if (id) deletedIds.add(id);
      }
    });
    if (problem === null) {
      for (const text of typedIn) othersSuggestionsOnNew(text, isNew, sender, carried);
      for (const text of formatted) othersSuggestionsIn(text, sender, carried);
    }
    return { parts, deletedIds, carried, unmarks: deletes || formatted.size > 0, problem };
  }

  /**
   * Why the update adds, changes or removes a section A view that is not the sender's (see
   * `ownsVoice`), or null. Someone else's view may still be given suggestions of the sender's own.
   */
  #othersView(sender: Sender): string | null {
    // A role that writes in no voice of its own (not the family's) is not limited to one.
    if (ownsVoice(sender.role, null)) return null;
    const views = (doc: Y.Doc) => {
      const section = doc
        .getXmlFragment(PLAN_FRAGMENT_NAME)
        .toArray()
        .find((child) => child instanceof Y.XmlElement && child.nodeName === "sectionA");
      const found = new Map<string, Y.XmlElement>();
      for (const view of (section as Y.XmlElement | undefined)?.toArray() ?? []) {
        const id = view instanceof Y.XmlElement ? view.getAttribute("id") : undefined;
        if (typeof id === "string") found.set(id, view as Y.XmlElement);
      }
      return found;
    };
    const before = views(this.#source);
    const after = views(this.#doc);
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(id);
      const now = after.get(id);
      if (was && now && was.toString() === now.toString()) continue;
      const wasOwn = !was || ownsVoice(sender.role, was.getAttribute("voice"));
      const nowOwn = !now || ownsVoice(sender.role, now.getAttribute("voice"));
      if (wasOwn && nowOwn) continue;
      if (was && now && was.getAttribute("voice") === now.getAttribute("voice")) {
        try {
          this.#checkSuggestion(now, sender);
          continue;
        } catch {
          // Not a suggestion of theirs: refused below as a change to the view.
        }
      }
      const voice = String((wasOwn ? now : was)?.getAttribute("voice"));
      return !was
        ? `a ${sender.role} may add views to section A only in their own voice, not as ${voice}`
        : `the view ${id.slice(0, 60)} records the ${voice}'s view: a ${sender.role} may change only their own views, or suggest words in others'`;
    }
    return null;
  }

  /**
   * The suggestion marks the plan holds (or held: a suggestion moved is the same one). Read from
   * the whole store, so kept until a change of the plan adds or deletes suggestion formatting.
   */
  #suggestionsBefore(): Set<string> {
    if (this.#suggestions) return this.#suggestions;
    const found = new Set<string>();
    for (const list of this.#source.store.clients.values()) {
      for (const struct of list) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
        const mark = markOfAttribute(struct.content.key);
        if (mark && SUGGESTION_MARKS.has(mark) && struct.content.value !== null) {
          found.add(suggestionKey(mark, struct.content.value));
        }
      }
    }
    this.#suggestions = found;
    return found;
  }

  /** The lifecycle attribute of the plan details the copy has changed, if any. */
  #lifecycleChange(): string | null {
    const before = planDetailsOf(this.#source);
    const after = planDetailsOf(this.#doc);
    for (const name of LIFECYCLE_ATTRS) {
      if (stable(before?.getAttribute(name)) !== stable(after?.getAttribute(name))) {
        return name === "signOff" ? "sign-off" : name;
      }
    }
    return null;
  }

  /**
   * A repeated id or a broken link the update would bring: a finding the copy has that the plan
   * has not (what earlier concurrent edits left behind is the checker's to report, not a reason
   * to refuse the next edit).
   */
  #newIntegrityProblem(): string | null {
    const after = integrityOf(this.#doc);
    if (!after) return null;
    this.#integrityBefore ??= integrityOf(this.#source) ?? new Map();
    for (const [key, { count, message }] of after) {
      if (count > (this.#integrityBefore.get(key)?.count ?? 0)) return message;
    }
    return null;
  }

  /**
   * Goes back to the real document's state, forgetting any update it has not taken; the updates
   * taken that the plan does not hold yet are taken in again before the next check on the copy.
   */
  reset(): void {
    this.#copyWords.destroy();
    this.#doc.destroy();
    this.#doc = this.#copy();
    this.#copyWords = new SuggestedWords(this.#doc);
    this.#lag = [];
    this.#lagBytes = 0;
    this.#stale = false;
    for (const taken of this.#inFlight) taken.inCopy = false;
  }

  /** Forgets `update`, taken but not stored after all, so the plan never applies it. */
  withdraw(update: Uint8Array): void {
    this.#inFlight = this.#inFlight.filter((taken) => taken.update !== update);
    this.reset();
  }

  #checkTransaction(
    tr: Y.Transaction,
    items: Set<string>,
    suggester: Sender | undefined,
  ): { problem: { message: string; beyondSuggesting: boolean } | null; structural: boolean } {
    const root = this.#doc.getXmlFragment(PLAN_FRAGMENT_NAME);
    const isNew = (type: Parent) =>
      !!type._item && type._item.id.clock >= (tr.beforeState.get(type._item.id.client) ?? 0);
    const units = new Map<Parent, PlanNodeName | undefined>();
    const texts = new Map<Y.XmlElement, PlanNodeName | undefined>();
    for (const [changed, keys] of tr.changed) {
      const chain = ancestry(changed as Parent);
      if (chain[chain.length - 1] !== root) {
        return {
          problem: { message: "the update writes outside the plan", beyondSuggesting: false },
          structural: true,
        };
      }
      if (chain.some((type) => type._item?.deleted)) continue;
      // chain ends [..., section, root]; the section is the root's child.
      const section = chain[chain.length - 2] as Y.XmlElement | undefined;
      const sectionName = section?.nodeName as PlanNodeName | undefined;
      const item = itemOf(changed as Parent);
      const holder = chain[1];
      if (
        changed instanceof Y.XmlText &&
        keys.size === 1 &&
        keys.has(null) &&
        holder instanceof Y.XmlElement &&
        (TEXT_FIELDS.has(holder.nodeName) || TEXT_BLOCKS.has(holder.nodeName))
      ) {
        texts.set(holder, sectionName);
        const id = item ? idOf(item) : null;
        if (id) items.add(id);
        continue;
      }
      const unit = item ?? chain[Math.max(0, chain.length - 3)] ?? root;
      units.set(unit as Parent, sectionName);
    }
    const suggesting = (sectionName: PlanNodeName | undefined) => {
      const part = sectionName ? SECTION_KEY_OF[sectionName] : undefined;
      return suggester !== undefined && !(part && suggester.editable.has(part));
    };
    try {
      for (const [holder, sectionName] of texts) {
        checkText(holder);
        if (suggesting(sectionName)) this.#checkSuggestion(holder, suggester as Sender);
      }
      for (const [unit, sectionName] of units) {
        if (suggesting(sectionName)) {
          const where = sectionName ? SECTION_KEY_OF[sectionName] : "this part";
          throw new NotASuggestion(
            `only words may be suggested in section ${where}, not changes to its items`,
          );
        }
        if (unit === root) {
          this.#checkWhole(root);
          continue;
        }
        const element = unit as Y.XmlElement;
        const node = yElementToNode(element);
        checkPlanNode(node, sectionName);
        const id = idOf(element);
        if (id) items.add(id);
        if (node.type.spec.group === "section") {
          // Items added to a section are checked against Plan JSON one by one.
          element.toArray().forEach((child, index) => {
            if (!(child instanceof Y.XmlElement)) return;
            const childNode = node.child(index);
            if (isNew(child) && PLAN_ITEM_NODES.has(child.nodeName)) {
              checkPlanNode(childNode, sectionName);
              const childId = idOf(child);
              if (childId) items.add(childId);
            }
          });
        }
      }
    } catch (error) {
      return {
        problem: {
          message: (error as Error).message,
          beyondSuggesting: error instanceof NotASuggestion,
        },
        structural: units.size > 0,
      };
    }
    return { problem: null, structural: units.size > 0 };
  }

  /** The real document's type with the same Yjs id as `type` in the copy, if it has one. */
  #original(type: Parent): Parent | null {
    const id = type._item?.id;
    const list = id ? this.#source.store.clients.get(id.client) : undefined;
    if (!id || !list || list.length === 0) return null;
    const last = list[list.length - 1] as Y.Item;
    if (id.clock >= last.id.clock + last.length) return null;
    const struct = list[Y.findIndexSS(list as never, id.clock)];
    return struct instanceof Y.Item && struct.content instanceof Y.ContentType && !struct.deleted
      ? (struct.content.type as Parent)
      : null;
  }

  /**
   * A text changed by someone who may only suggest there: the text as it stands (without
   * suggestions) must be as it was, and every suggestion added, changed or withdrawn must be
   * their own, under the name and role they signed in with.
   */
  #checkSuggestion(holder: Y.XmlElement, suggester: Sender): void {
    const original = this.#original(holder);
    if (!(original instanceof Y.XmlElement)) {
      throw new NotASuggestion("only words in text already there may be suggested");
    }
    const before = yElementToNode(original);
    const after = yElementToNode(holder);
    if (!withoutSuggestions(before).eq(withoutSuggestions(after))) {
      throw new NotASuggestion("only words may be suggested there, shown as suggestions");
    }
    // Their words with the suggestion taken out are the same, but someone else's suggested
    // words may have been given formatting their author never chose.
    if (othersSuggestedWords(before, suggester) !== othersSuggestedWords(after, suggester)) {
      throw new NotASuggestion(
        "each person may change the formatting only of their own suggestion's words, not another person's suggestion",
      );
    }
    const key = (s: object) => JSON.stringify(s);
    const was = new Set(listSuggestions(before).map(key));
    const now = new Set(listSuggestions(after).map(key));
    const changed = [
      ...listSuggestions(before).filter((s) => !now.has(key(s))),
      ...listSuggestions(after).filter((s) => !was.has(key(s))),
    ];
    for (const suggestion of changed) {
      if (
        suggestion.by !== suggester.id ||
        suggestion.name !== suggester.name ||
        suggestion.role !== suggester.role
      ) {
        throw new NotASuggestion(
          "a suggestion must carry its author's name, and each person may change only their own",
        );
      }
    }
  }

  /** The root changed (a plan written into an empty document, say): read the whole plan. */
  #checkWhole(root: Y.XmlFragment) {
    const children = root.toArray().map((child) => {
      if (!(child instanceof Y.XmlElement)) throw new RangeError("the plan holds loose text");
      return yElementToNode(child);
    });
    const doc = planSchema.topNodeType.create(null, children);
    doc.check();
    docToPlan(doc);
  }

  destroy(): void {
    this.#source.off("update", this.#mirror);
    this.#source.off("afterTransaction", this.#watch);
    this.#sourceWords.destroy();
    this.#copyWords.destroy();
    this.#doc.destroy();
  }
}
