import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
// Only the reader of Plan JSON: an export need not load ProseMirror and Yjs just to read a plan.
import { type Plan, PlanFormatError, type PlanFormatIssue, parsePlanJson } from "@ehcp/schema/json";
import { EXIT, type Io } from "./Io.js";
import { plural } from "./plural.js";

/** Files larger than this are refused before reading: no plan comes near it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ReadPlanResult =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly unreadable: string }
  | { readonly ok: false; readonly issues: readonly PlanFormatIssue[] };

/** Reads and parses a Plan JSON file, saying in plain words why when it cannot. */
export async function readPlanFile(file: string): Promise<ReadPlanResult> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, unreadable: `cannot read ${file}: it is a folder` };
    if (info.size > MAX_FILE_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(0);
      return {
        ok: false,
        issues: [
          {
            path: "",
            segments: [],
            message: `${basename(file)} is ${mb} MB; a plan file is at most 50 MB`,
          },
        ],
      };
    }
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES"
          ? "permission denied"
          : "it cannot be read";
    return { ok: false, unreadable: `cannot read ${file}: ${why}` };
  }
  try {
    return { ok: true, plan: parsePlanJson(text) };
  } catch (error) {
    if (error instanceof PlanFormatError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * Reads a plan for a command that needs a valid one: the plan, or the exit code after telling the
 * user on standard error why it cannot be used (`consequence` says what follows, e.g. "nothing was
 * written").
 */
export async function readPlanOrExplain(
  file: string,
  io: Io,
  consequence: string,
): Promise<Plan | number> {
  const read = await readPlanFile(file);
  if (read.ok) return read.plan;
  if ("unreadable" in read) {
    io.err(`ehcp: ${read.unreadable}`);
    return EXIT.usage;
  }
  io.err(
    `${basename(file)} is not a valid plan (${plural(read.issues.length, "problem")}); ${consequence}:`,
  );
  for (const issue of read.issues) io.err(`  ${issue.path || "(top level)"}: ${issue.message}`);
  return EXIT.problems;
}
