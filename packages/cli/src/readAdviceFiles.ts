import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
// Only the reader of Plan JSON and advice exports: no exporter is loaded to check advice.
import { type AdviceExport, PlanFormatError, parseAdviceExport } from "@ehcp/schema/json";
import { EXIT, type Io } from "./Io.js";
import { plural } from "./plural.js";

/**
 * The advice exports `--advice` names, each a file or a folder of them (its `.json` files, in
 * name order), read and checked; or, after saying which file is wrong and where in it, the exit
 * code. Advice given for another plan is refused too. Nothing is written when one is wrong: a bundle missing a piece of advice would go to the
 * family looking whole.
 */
export async function readAdviceFiles(
  paths: readonly string[],
  planId: string,
  io: Io,
  consequence = "nothing was written",
): Promise<AdviceExport[] | number> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter((n) => n.endsWith(".json")).sort();
        if (names.length === 0) {
          io.err(`ehcp: --advice ${path}: the folder holds no .json file; ${consequence}`);
          return EXIT.usage;
        }
        files.push(...names.map((n) => join(path, n)));
      } else files.push(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(
        `ehcp: cannot read ${path}: ${code === "ENOENT" ? "no such file or folder" : (error as Error).message}`,
      );
      return EXIT.usage;
    }
  }
  const advice: AdviceExport[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      io.err(`ehcp: ${file}: not JSON: ${(error as Error).message}; ${consequence}`);
      return EXIT.problems;
    }
    let read: AdviceExport;
    try {
      read = parseAdviceExport(json);
    } catch (error) {
      if (!(error instanceof PlanFormatError)) throw error;
      io.err(
        `${file} is not valid advice (${plural(error.issues.length, "problem")}); ${consequence}:`,
      );
      for (const issue of error.issues)
        io.err(`  ${issue.path || "(top level)"}: ${issue.message}`);
      return EXIT.problems;
    }
    if (read.planId !== planId) {
      io.err(
        `ehcp: ${file}: planId: this advice was given for the plan ${read.planId}, not for ${planId}; ${consequence}`,
      );
      return EXIT.problems;
    }
    advice.push(read);
  }
  return advice;
}
