import type { Plan } from "@ehcp/schema";

/** A realistic plan: scale 1 gives 40 needs, 80 outcomes and 240 provisions. Same seed, same plan. */
export function generatePlan(options?: { scale?: number; seed?: number }): Plan;
