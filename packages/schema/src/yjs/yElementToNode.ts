import type { Node as PMNode, Schema } from "prosemirror-model";
import * as Y from "yjs";
import { MAX_DEPTH } from "../json/limits.js";
import { planSchema } from "../prosemirror/planSchema.js";

interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: unknown[];
  text?: string;
  marks?: { type: string; attrs: unknown }[];
}

// y-prosemirror writes a mark that may overlap itself as `name--hash`.
const markName = (attribute: string) => attribute.replace(/--[^-]*$/, "");

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
      const marks = Object.entries(op.attributes ?? {}).map(([name, markAttrs]) => ({
        type: markName(name),
        attrs: markAttrs,
      }));
      content.push({ type: "text", text: op.insert, ...(marks.length ? { marks } : {}) });
    }
  }
  return { type: element.nodeName, attrs, content };
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
