import {
  checkPlanNode,
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
} from "@ehcp/schema";
import * as Y from "yjs";

/** Node types checked as a whole when anything inside them changes. */
const ITEMS = new Set<string>([
  "view",
  "need",
  "outcome",
  "outcomeStep",
  "provision",
  "budgetItem",
  "advice",
]);

/** One-line plain-text fields: Plan JSON caps their whole text at `MAX_FIELD_LENGTH`. */
const TEXT_FIELDS = new Set<string>([
  "needTitle",
  "provisionDeliveredBy",
  "provisionExpertise",
  "outcomeStep",
]);
/** Blocks of rich text: Plan JSON caps each text node at `MAX_TEXT_LENGTH`. */
const TEXT_BLOCKS = new Set<string>(["paragraph", "heading"]);

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

/**
 * Someone whose update reaches sections they may not edit: there it may only add, change or
 * withdraw their own suggested words, leaving the text as it stands untouched.
 */
export interface Suggester {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** The parts they may edit outright. */
  readonly editable: ReadonlySet<PlanPart>;
}

/** An update from someone who may only suggest, doing more than suggest. */
class NotASuggestion extends RangeError {
  override readonly name = "NotASuggestion";
}

/** What an accepted update changed, for the audit trail: the ids of the items it touched. */
export interface ShadowCheck {
  readonly problem: string | null;
  /** The problem is that a suggester went beyond suggesting, rather than a broken plan. */
  readonly beyondSuggesting?: boolean;
  readonly items: ReadonlySet<string>;
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

/**
 * A second copy of one plan's Yjs document, kept in step with it, on which each incoming update
 * is tried before the real document takes it. Only the items an update touches are read back and
 * checked against the plan schema, so a keystroke costs the check of one provision, not of the
 * plan. When an update is refused the copy is rebuilt from the real document, which never saw it.
 */
export class PlanShadow {
  readonly #source: Y.Doc;
  #doc: Y.Doc;
  readonly #mirror = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    // Each update a client sends reaches the real document after the copy took it in `check`:
    // reading it a second time would find nothing new. Deletions are always applied, since a
    // transaction's deletions are not told apart by the state vector.
    if (tr.deleteSet.clients.size === 0 && this.#holds(tr.afterState)) return;
    Y.applyUpdate(this.#doc, update);
  };

  constructor(source: Y.Doc) {
    this.#source = source;
    this.#doc = this.#copy();
    source.on("update", this.#mirror);
  }

  #copy(): Y.Doc {
    const doc = new Y.Doc({ gc: this.#source.gc });
    doc.getXmlFragment(PLAN_FRAGMENT_NAME);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.#source));
    return doc;
  }

  /** Whether the copy holds every change up to `state`, a state vector of the real document. */
  #holds(state: Map<number, number>): boolean {
    for (const [client, clock] of state) {
      if (Y.getState(this.#doc.store, client) < clock) return false;
    }
    return true;
  }

  /**
   * Applies `update` to the copy and checks what it changed. A problem is described in words for
   * the client that sent it; the copy then goes back to the real document's state.
   */
  check(update: Uint8Array, suggester?: Suggester): ShadowCheck {
    // Yjs may follow the update's transaction with one of its own (tidying text formatting).
    const transactions: Y.Transaction[] = [];
    const deleted = new Set<string>();
    // Yjs collects deleted content before 'afterTransaction'; read deleted items' ids first.
    const capture = (tr: Y.Transaction) => {
      transactions.push(tr);
      Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return;
        const id = deletedIdOf(struct.content.type as Parent);
        if (id) deleted.add(id);
      });
    };
    this.#doc.on("beforeObserverCalls", capture);
    let meta: { to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
      Y.applyUpdate(this.#doc, update);
    } catch {
      this.reset();
      return { problem: "the update could not be read", items: new Set() };
    } finally {
      this.#doc.off("beforeObserverCalls", capture);
    }
    // Structs Yjs keeps aside because they follow changes the server has not seen would be sent
    // to every newcomer and never shown: an update must carry everything it builds on. (The real
    // document may hold such structs for a while when Redis relays arrive out of order; what is
    // refused here is an update that does not integrate in full.)
    for (const [client, clock] of meta.to) {
      if (Y.getState(this.#doc.store, client) < clock) {
        this.reset();
        return {
          problem: "the update builds on changes the server does not have",
          items: new Set(),
        };
      }
    }
    const items = new Set<string>(deleted);
    let problem: { message: string; beyondSuggesting: boolean } | null = null;
    for (const tr of transactions) problem ??= this.#checkTransaction(tr, items, suggester);
    if (problem) this.reset();
    return problem
      ? { problem: problem.message, beyondSuggesting: problem.beyondSuggesting, items }
      : { problem: null, items };
  }

  /** Goes back to the real document's state, forgetting any update it has not taken. */
  reset(): void {
    this.#doc.destroy();
    this.#doc = this.#copy();
  }

  #checkTransaction(
    tr: Y.Transaction,
    items: Set<string>,
    suggester: Suggester | undefined,
  ): { message: string; beyondSuggesting: boolean } | null {
    const root = this.#doc.getXmlFragment(PLAN_FRAGMENT_NAME);
    const isNew = (type: Parent) =>
      !!type._item && type._item.id.clock >= (tr.beforeState.get(type._item.id.client) ?? 0);
    const units = new Map<Parent, PlanNodeName | undefined>();
    const texts = new Map<Y.XmlElement, PlanNodeName | undefined>();
    for (const [changed, keys] of tr.changed) {
      const chain = ancestry(changed as Parent);
      if (chain[chain.length - 1] !== root) {
        return { message: "the update writes outside the plan", beyondSuggesting: false };
      }
      if (chain.some((type) => type._item?.deleted)) continue;
      // chain ends [..., section, root]; the section is the root's child.
      const section = chain[chain.length - 2] as Y.XmlElement | undefined;
      const sectionName = section?.nodeName as PlanNodeName | undefined;
      const item = chain.find((type) => type instanceof Y.XmlElement && ITEMS.has(type.nodeName));
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
        if (suggesting(sectionName)) this.#checkSuggestion(holder, suggester as Suggester);
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
            if (isNew(child) && ITEMS.has(child.nodeName)) {
              checkPlanNode(childNode, sectionName);
              const childId = idOf(child);
              if (childId) items.add(childId);
            }
          });
        }
      }
    } catch (error) {
      return {
        message: (error as Error).message,
        beyondSuggesting: error instanceof NotASuggestion,
      };
    }
    return null;
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
  #checkSuggestion(holder: Y.XmlElement, suggester: Suggester): void {
    const original = this.#original(holder);
    if (!(original instanceof Y.XmlElement)) {
      throw new NotASuggestion("only words in text already there may be suggested");
    }
    const before = yElementToNode(original);
    const after = yElementToNode(holder);
    if (!withoutSuggestions(before).eq(withoutSuggestions(after))) {
      throw new NotASuggestion("only words may be suggested there, shown as suggestions");
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
    this.#doc.destroy();
  }
}
