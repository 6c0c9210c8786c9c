import { withoutSuggestions } from "../suggestions/withoutSuggestions.js";
import type { Node as PMNode } from "prosemirror-model";
import { z } from "zod";
import { describeZodIssue } from "../errors/describeZodIssue.js";
import {
  AdviceDecisionSchema,
  AdviceSchema,
  BudgetItemSchema,
  IdSchema,
  MetaSchema,
  OutcomeSchema,
  OutcomeStepSchema,
  PlacementSchema,
  ProvisionSchema,
  SectionBSchema,
  SectionCSchema,
  SectionDSchema,
  ViewSchema,
} from "../json/plan.js";
import { ITEM_TO_JSON } from "./planNodeJson.js";
import { PlanFormatError } from "../errors/PlanFormatError.js";
import type { PlanNodeName } from "./planSchema.js";

// Needs take their area list from the section they sit in.
const NEED_SCHEMAS: Partial<Record<PlanNodeName, z.ZodType>> = {
  sectionB: SectionBSchema.shape.needs.element,
  sectionC: SectionCSchema.shape.needs.element,
  sectionD: SectionDSchema.shape.needs.element,
};

const PlanDetailsSchema = z.object({ planId: IdSchema });
const SectionIAttrsSchema = z.object({ placement: PlacementSchema.nullable() });
const SectionJAttrsSchema = z.object({ requested: z.boolean() });

function valuesOf(node: PMNode, section: PlanNodeName | undefined): [z.ZodType, unknown][] {
  switch (node.type.name as PlanNodeName) {
    case "view":
      return [[ViewSchema, ITEM_TO_JSON.view(node)]];
    case "need": {
      const schema = section ? NEED_SCHEMAS[section] : undefined;
      if (!schema) throw new RangeError(`a need belongs in section B, C or D, not ${section}`);
      return [[schema, ITEM_TO_JSON.need(node)]];
    }
    case "outcome":
      return [[OutcomeSchema, ITEM_TO_JSON.outcome(node)]];
    case "outcomeStep":
      return [[OutcomeStepSchema, ITEM_TO_JSON.outcomeStep(node)]];
    case "provision":
      return [[ProvisionSchema, ITEM_TO_JSON.provision(node)]];
    case "budgetItem":
      return [[BudgetItemSchema, ITEM_TO_JSON.budgetItem(node)]];
    case "advice":
      return [[AdviceSchema, ITEM_TO_JSON.advice(node)]];
    case "adviceDecision":
      return [[AdviceDecisionSchema, ITEM_TO_JSON.adviceDecision(node)]];
    case "planDetails":
      return [
        [PlanDetailsSchema, node.attrs],
        [MetaSchema, ITEM_TO_JSON.planDetails(node)],
      ];
    case "sectionI":
      return [[SectionIAttrsSchema, node.attrs]];
    case "sectionJ":
      return [[SectionJAttrsSchema, node.attrs]];
    default:
      return [];
  }
}

/**
 * Checks one node of a plan document on its own, as the collaboration server does for each item
 * an edit touches: its content and marks against `planSchema` (deeply), and the values of the node
 * itself against Plan JSON when it is an item, the plan details or section I or J. Children that
 * are items are not checked against Plan JSON here; check them in their turn. `section` names the
 * section node the node sits in, since a need's areas depend on it. Throws a `PlanFormatError`
 * whose paths start at the node and whose message names it: "Invalid provision p-3: …".
 */
export function checkPlanNode(node: PMNode, section?: PlanNodeName): void {
  const id = typeof node.attrs.id === "string" ? ` ${node.attrs.id}` : "";
  const where = `${node.type.name}${id}`;
  try {
    node.check();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new PlanFormatError([{ path: "", segments: [], message: error.message }], where);
  }
  for (const [schema, value] of valuesOf(withoutSuggestions(node), section)) {
    const result = schema.safeParse(value);
    if (result.success) continue;
    throw new PlanFormatError(
      result.error.issues.flatMap((issue) => describeZodIssue(issue, value)),
      where,
    );
  }
}
