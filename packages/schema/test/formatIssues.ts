import { parsePlan, type PlanFormatError } from "../src/index.js";

/**
 * What parsePlan finds wrong with a plan, each as "path: message", for the tests that change a
 * frozen plan of one format version and look for the refusal; a plan it accepts fails the test.
 */
export const formatIssues = (input: unknown): string[] => {
  try {
    parsePlan(input);
  } catch (error) {
    return (error as PlanFormatError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error("the plan was accepted");
};
