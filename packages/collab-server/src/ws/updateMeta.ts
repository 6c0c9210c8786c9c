import * as Y from "yjs";

const read = new WeakMap<Uint8Array, { readonly to: Map<number, number> }>();

/**
 * The clients and clocks an update writes up to (`Y.parseUpdateMeta`), read once per update:
 * Hocuspocus hands every extension's `beforeSync` the same payload, and both `clientIdGate` and
 * `planPolicy` need them. Throws, as Yjs does, when the update cannot be read.
 */
export function updateMeta(update: Uint8Array): { readonly to: Map<number, number> } {
  let meta = read.get(update);
  if (!meta) {
    meta = { to: Y.parseUpdateMeta(update).to };
    read.set(update, meta);
  }
  return meta;
}
