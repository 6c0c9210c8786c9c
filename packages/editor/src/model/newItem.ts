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

/** A new view for section A: the child's own, about themselves, until the writer says otherwise. */
export function newView(schema: Schema): PMNode {
  return node(schema, "view").create(
    {
      id: createId("view"),
      voice: "child",
      topic: "about-me",
      directQuote: false,
      gatheredHow: null,
    },
    line(schema),
  );
}

/** A new, empty step towards an outcome, due by `byWhen` (YYYY-MM or YYYY-MM-DD). */
export function newStep(schema: Schema, byWhen: string): PMNode {
  return node(schema, "outcomeStep").create({ id: createId("step"), byWhen });
}

/** A new item of the personal budget in section J, paying for provision `provisionId`. */
export function newBudgetItem(schema: Schema, provisionId: string): PMNode {
  return node(schema, "budgetItem").create(
    { provisionId, amountGBP: null, arrangement: "direct-payment" },
    line(schema),
  );
}

/** A new, empty piece of advice for section K, appended to the plan as the law expects. */
export function newAdvice(schema: Schema): PMNode {
  return node(schema, "advice").create({
    id: createId("k"),
    title: "",
    from: { name: "", role: "" },
    agency: "education",
    requested: null,
    received: null,
    appended: true,
  });
}
