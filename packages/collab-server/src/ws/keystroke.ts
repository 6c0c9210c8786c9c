import * as decoding from "lib0/decoding";
import * as Y from "yjs";

// Yjs's V1 encoding of one struct: its info byte says the content's kind (low five bits) and
// which of origin, right origin and parent follow.
const STRING = 4;
const KIND = 0x1f;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;

/** More deleted ranges than this is no keystroke (a selection deleted is one or two). */
const MAX_DELETED_RANGES = 16;

/** A deleted range: client, first clock, length. */
export type DeletedRange = readonly [client: number, clock: number, length: number];

/**
 * An update shaped as typing is: at most one new string, placed after an item (its origin) and
 * perhaps before another, under one client id, and some deleted ranges. Only the shape: where it
 * lands, and whether it may, is for the document to say.
 */
export interface Keystroke {
  readonly insert: {
    readonly id: Y.ID;
    readonly origin: Y.ID;
    readonly rightOrigin: Y.ID | null;
    readonly text: string;
  } | null;
  readonly deletes: readonly DeletedRange[];
}

const readId = (decoder: decoding.Decoder): Y.ID =>
  Y.createID(decoding.readVarUint(decoder), decoding.readVarUint(decoder));

/**
 * Reads `update` (Yjs's V1 format) as a keystroke, or gives null for anything else: more than
 * one struct or client, content other than a string, a string with no origin (whose parent the
 * update names instead), an empty update, bytes past its end. Null means only "not this
 * shape"; such an update is checked the whole way.
 */
export function readKeystroke(update: Uint8Array): Keystroke | null {
  try {
    const decoder = decoding.createDecoder(update);
    const clients = decoding.readVarUint(decoder);
    if (clients > 1) return null;
    let insert: Keystroke["insert"] = null;
    if (clients === 1) {
      if (decoding.readVarUint(decoder) !== 1) return null;
      const id = Y.createID(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
      const info = decoding.readUint8(decoder);
      if ((info & KIND) !== STRING || !(info & HAS_ORIGIN) || info & HAS_PARENT_SUB) return null;
      const origin = readId(decoder);
      const rightOrigin = info & HAS_RIGHT_ORIGIN ? readId(decoder) : null;
      const text = decoding.readVarString(decoder);
      if (text.length === 0) return null;
      insert = { id, origin, rightOrigin, text };
    }
    const deletes: DeletedRange[] = [];
    const deleting = decoding.readVarUint(decoder);
    for (let c = 0; c < deleting; c++) {
      const client = decoding.readVarUint(decoder);
      const ranges = decoding.readVarUint(decoder);
      if (deletes.length + ranges > MAX_DELETED_RANGES) return null;
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder);
        const length = decoding.readVarUint(decoder);
        if (length === 0) return null;
        deletes.push([client, clock, length]);
      }
    }
    if (decoding.hasContent(decoder) || (insert === null && deletes.length === 0)) return null;
    return { insert, deletes };
  } catch {
    return null;
  }
}
