import * as encoding from "lib0/encoding";
import * as Y from "yjs";

type Content = ConstructorParameters<typeof Y.Item>[7];

/** One struct of a hand-made update, written as Yjs writes it, but with whatever a test says. */
export interface CraftedStruct {
  readonly client: number;
  readonly clock: number;
  readonly origin?: Y.ID | null;
  readonly rightOrigin?: Y.ID | null;
  /** A root's name or a type's own item id; written only when there are no origins, as in Yjs. */
  readonly parent?: string | Y.ID | null;
  readonly parentSub?: string | null;
  /** Content, or `{ collected: length }` for a GC struct. */
  readonly content: Content | { readonly collected: number };
}

export interface CraftedUpdate {
  readonly structs?: readonly CraftedStruct[];
  /** Deletions: client id → [clock, length] ranges. */
  readonly deletes?: ReadonlyMap<number, readonly (readonly [number, number])[]>;
}

/**
 * Encodes an update byte by byte with Yjs's own encoders (V1 as y-protocols sends, or V2), from
 * structs no client would make: ids the document already holds, origins it lacks, deletions of
 * clocks nobody has written yet. Structs of one client must be given in clock order.
 */
export function craftUpdate({ structs = [], deletes = new Map() }: CraftedUpdate, v2 = false) {
  const encoder = v2 ? new Y.UpdateEncoderV2() : new Y.UpdateEncoderV1();
  const byClient = new Map<number, CraftedStruct[]>();
  for (const s of structs) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]?.clock ?? 0);
    for (const s of list) {
      if ("collected" in s.content) {
        new Y.GC(Y.createID(client, s.clock), s.content.collected).write(encoder, 0);
        continue;
      }
      new Y.Item(
        Y.createID(client, s.clock),
        null,
        s.origin ?? null,
        null,
        s.rightOrigin ?? null,
        (s.parent ?? null) as never,
        s.parentSub ?? null,
        s.content,
      ).write(encoder, 0);
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.size);
  for (const [client, ranges] of deletes) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** The id of the last character of a text, and of the type's own item: where to aim. */

export function lastItemOf(text: Y.AbstractType<any>): Y.Item | null {
  let item = text._start;
  while (item?.right) item = item.right;
  return item;
}
