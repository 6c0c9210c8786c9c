import { createId, NEED_AREAS, type NeedsSectionKey } from "@ehcp/schema";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";

const node = (schema: Schema, name: string) => {
  const type = schema.nodes[name];
  if (!type) throw new RangeError(`the schema has no node ${name}`);
  return type;
};

/** An empty paragraph, so a rich-text field has a line to type on. */
const line = (schema: Schema) => node(schema, "paragraph").create();

/** A new, empty need for section B, C or D, in the first area that section allows. */
export function newNeed(schema: Schema, section: NeedsSectionKey): PMNode {
  return node(schema, "need").create(
    { id: createId("need"), area: NEED_AREAS[section][0], adviceIds: [] },
    [
      node(schema, "needTitle").create(),
      node(schema, "needDescription").create(null, line(schema)),
    ],
  );
}

/** A new, empty outcome meeting the given needs. */
export function newOutcome(schema: Schema, needIds: readonly string[]): PMNode {
  return node(schema, "outcome").create(
    {
      id: createId("out"),
      needIds: [...needIds],
      byWhen: null,
      pfa: null,
      frameworkRef: null,
    },
    [node(schema, "outcomeStatement").create(null, line(schema))],
  );
}

/** A new, empty provision serving the given outcomes (and through them, their needs). */
export function newProvision(
  schema: Schema,
  outcomeIds: readonly string[],
  needIds: readonly string[] = [],
): PMNode {
  return node(schema, "provision").create(
    {
      id: createId("prov"),
      outcomeIds: [...outcomeIds],
      needIds: [...needIds],
      ratio: null,
      frequency: null,
      hoursPerWeek: null,
      duration: null,
      adviceIds: [],
    },
    [
      node(schema, "provisionWhat").create(null, line(schema)),
      node(schema, "provisionDeliveredBy").create(),
      node(schema, "provisionExpertise").create(),
    ],
  );
}
