import type { Plan } from "@ehcp/schema";
import { checkPlan } from "../src/checkPlan.js";
import type { QualityConfig } from "../src/QualityConfig.js";

/** The findings of one rule, checked on 22 November 2026. */
export const findingsOf = (plan: Plan, rule: string, config: QualityConfig = {}) =>
  checkPlan(plan, { today: "2026-11-22", ...config }).filter((f) => f.rule === rule);
