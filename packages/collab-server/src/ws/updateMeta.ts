import { readWholeUpdate } from "./readWholeUpdate.js";

const read = new WeakMap<Uint8Array, { readonly to: Map<number, number> }>();

/**
 * The clients and clocks an update writes up to (as `Y.parseUpdateMeta` gives them), read once
 * per update: Hocuspocus hands every extension's `beforeSync` the same payload, and both
 * `clientIdGate` and `planPolicy` need them. Throws, as Yjs does, when the update cannot be read.
 */
export function updateMeta(update: Uint8Array): { readonly to: Map<number, number> } {
  let meta = read.get(update);
  if (!meta) {
    meta = { to: readWholeUpdate(update) };
    read.set(update, meta);
  }
  return meta;
}
