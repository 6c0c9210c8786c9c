import type { Node as PMNode, Schema } from "prosemirror-model";
import * as Y from "yjs";
import { MAX_DEPTH } from "../json/limits.js";
import { planSchema } from "../prosemirror/planSchema.js";
import { markOfAttribute } from "./markOfAttribute.js";

interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: unknown[];
  text?: string;
  marks?: { type: string; attrs: unknown }[];
}

function toJSON(element: Y.XmlElement, schema: Schema, depth: number): NodeJSON {
  if (depth > MAX_DEPTH) throw new RangeError(`nodes are nested more than ${MAX_DEPTH} deep`);
  const type = schema.nodes[element.nodeName];
  if (!type) throw new RangeError(`unknown node type "${element.nodeName}"`);
  const attrs = element.getAttributes() as Record<string, unknown>;
  for (const name of Object.keys(attrs)) {
    if (!Object.hasOwn(type.spec.attrs ?? {}, name)) {
      throw new RangeError(`${element.nodeName} has no attribute "${name}"`);
    }
  }
  const content: unknown[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      content.push(toJSON(child, schema, depth + 1));
      continue;
    }
    if (!(child instanceof Y.XmlText)) throw new RangeError(`${element.nodeName} holds a hook`);
    for (const op of child.toDelta() as { insert: unknown; attributes?: object }[]) {
      if (typeof op.insert !== "string") {
        throw new RangeError(`${element.nodeName} holds something other than text in its text`);
      }
      const marks = Object.entries(op.attributes ?? {}).map(([name, markAttrs]) => {
        const type = markOfAttribute(name, schema);
        if (type === null) {
          throw new RangeError(`${element.nodeName} has text under the unknown mark "${name}"`);
        }
        return { type, attrs: markAttrs };
      });
      content.push({ type: "text", text: op.insert, ...(marks.length ? { marks } : {}) });
    }
  }
  return { type: element.nodeName, attrs, content };
}

/**
 * Reads a whole shared plan (the fragment `planToYDoc` writes) as a ProseMirror document, as
 * strictly as `yElementToNode` and without touching the Yjs document: y-prosemirror's own reader
 * deletes, from the shared document, whatever it cannot read. Throws a `RangeError` naming what
 * it cannot read.
 */
export function yFragmentToDoc(fragment: Y.XmlFragment, schema: Schema = planSchema): PMNode {
  const children = fragment.toArray().map((child) => {
    if (!(child instanceof Y.XmlElement)) throw new RangeError("the plan holds loose text");
    return toJSON(child, schema, 1);
  });
  // Content is not checked, as y-prosemirror does not: concurrent edits may merge into a shape
  // the schema would not build, and the plan must still be readable.
  return schema.nodeFromJSON({ type: schema.topNodeType.name, content: children });
}

/**
 * Reads one element of a shared plan (a section, an item, a field) as a ProseMirror node, the way
 * y-prosemirror does, but strictly: an unknown node, mark or attribute, or nesting deeper than
 * `MAX_DEPTH`, throws a `RangeError` instead of being dropped. Content is not checked; call
 * `check()` or `checkPlanNode` on the result.
 */
export function yElementToNode(element: Y.XmlElement, schema: Schema = planSchema): PMNode {
  return schema.nodeFromJSON(toJSON(element, schema, 0));
}
