import { type AnyExtension, Mark, Node } from "@tiptap/core";
import type {
  AttributeSpec,
  DOMOutputSpec,
  MarkSpec,
  NodeSpec,
  TagParseRule,
} from "@tiptap/pm/model";
import { planSchema } from "@ehcp/schema";

const DATA_PREFIX = "data-ehcp-";

/**
 * Tiptap attributes for a ProseMirror node's attribute specs: the same defaults and validation,
 * read from the `data-ehcp-*` attributes the schema writes, so copied HTML pastes back whole.
 */
function attributesOf(attrs: Readonly<Record<string, AttributeSpec>> | undefined) {
  return Object.fromEntries(
    Object.entries(attrs ?? {}).map(([name, spec]) => [
      name,
      {
        default: spec.default,
        ...(spec.validate ? { validate: spec.validate } : {}),
        parseHTML: (element: HTMLElement) => {
          const raw = element.getAttribute(DATA_PREFIX + name);
          if (raw === null) return undefined;
          try {
            return JSON.parse(raw) as unknown;
          } catch {
            return undefined;
          }
        },
        // The node's own rendering writes its attributes.
        renderHTML: () => ({}),
      },
    ]),
  );
}

function nodeExtension(name: string, spec: NodeSpec): AnyExtension {
  return Node.create({
    name,
    topNode: name === planSchema.topNodeType.name,
    ...(spec.content !== undefined ? { content: spec.content } : {}),
    ...(spec.group !== undefined ? { group: spec.group } : {}),
    ...(spec.marks !== undefined ? { marks: spec.marks } : {}),
    ...(spec.inline !== undefined ? { inline: spec.inline } : {}),
    ...(spec.atom !== undefined ? { atom: spec.atom } : {}),
    ...(spec.selectable !== undefined ? { selectable: spec.selectable } : {}),
    ...(spec.defining !== undefined ? { defining: spec.defining } : {}),
    ...(spec.isolating !== undefined ? { isolating: spec.isolating } : {}),
    addAttributes: () => attributesOf(spec.attrs),
    ...(spec.parseDOM ? { parseHTML: () => spec.parseDOM as TagParseRule[] } : {}),
    ...(spec.toDOM
      ? { renderHTML: ({ node }) => (spec.toDOM as (n: typeof node) => DOMOutputSpec)(node) }
      : {}),
  });
}

function markExtension(name: string, spec: MarkSpec): AnyExtension {
  return Mark.create({
    name,
    ...(spec.inclusive !== undefined ? { inclusive: spec.inclusive } : {}),
    ...(spec.excludes !== undefined ? { excludes: spec.excludes } : {}),
    addAttributes: () => attributesOf(spec.attrs),
    ...(spec.parseDOM ? { parseHTML: () => spec.parseDOM as TagParseRule[] } : {}),
    ...(spec.toDOM
      ? {
          renderHTML: ({ mark }) =>
            (spec.toDOM as (m: typeof mark, inline: boolean) => DOMOutputSpec)(mark, true),
        }
      : {}),
  });
}

/**
 * One Tiptap extension for each node and mark of `planSchema`, generated from it, so the editor
 * and the rest of the toolkit share one model. The editor adds views and commands to these
 * (see `withNodeViews`), never nodes of its own.
 */
export function planExtensions(): AnyExtension[] {
  const extensions: AnyExtension[] = [];
  planSchema.spec.nodes.forEach((name, spec) => extensions.push(nodeExtension(name, spec)));
  planSchema.spec.marks.forEach((name, spec) => extensions.push(markExtension(name, spec)));
  return extensions;
}
