import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { Layout, PlanIntegrityError, UnprintableCharacterError } from "@ehcp/export";
import { EXIT, type Io } from "./Io.js";
import { plural } from "./plural.js";
import { readPlanOrExplain } from "./readPlanFile.js";

export interface ExportArgs {
  readonly file: string;
  readonly format: "docx" | "pdf" | "json";
  readonly layout: Layout;
  readonly out?: string;
  /** Write a draft copy of a plan whose structure is broken, saying so on its title page. */
  readonly allowFindings: boolean;
}

/**
 * `ehcp export`: writes a plan as a document. The file is written under a temporary name and
 * renamed when complete, so a failure never leaves half a document behind.
 */
export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const plan = await readPlanOrExplain(args.file, io, "nothing was written");
  if (typeof plan === "number") return plan;

  const out = args.out ?? `${basename(args.file, extname(args.file))}.${args.format}`;
  let bytes: Uint8Array;
  try {
    // Only the chosen format's exporter is loaded: JSON needs neither pdfkit nor its fonts.
    if (args.format === "json") {
      const { exportJson } = await import("@ehcp/export/json");
      bytes = new TextEncoder().encode(exportJson(plan));
    } else if (args.format === "pdf") {
      const { exportPdf } = await import("@ehcp/export/pdf");
      bytes = await exportPdf(plan, { layout: args.layout, allowFindings: args.allowFindings });
    } else {
      const { exportDocx } = await import("@ehcp/export/docx");
      bytes = await exportDocx(plan, { layout: args.layout, allowFindings: args.allowFindings });
    }
  } catch (error) {
    // Errors are told apart by name: importing their classes would load every exporter.
    if ((error as Error | undefined)?.name === "PlanIntegrityError") {
      const { findings } = error as PlanIntegrityError;
      io.err(
        `${basename(args.file)}: the plan's structure has ${plural(findings.length, "problem")}; nothing was written (--allow-findings writes a draft copy anyway):`,
      );
      for (const finding of findings) io.err(`  ${finding.path}: ${finding.message}`);
      return EXIT.problems;
    }
    // A character the PDF cannot print is a problem in the plan, named where it is.
    if ((error as Error | undefined)?.name !== "UnprintableCharacterError") throw error;
    const unprintable = error as UnprintableCharacterError;
    io.err(`ehcp: ${args.file}: ${unprintable.message}; nothing was written`);
    return EXIT.problems;
  }
  const temporary = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString("hex")}.part`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    io.err(
      `ehcp: cannot write ${out}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : (error as Error).message}`,
    );
    return EXIT.usage;
  }
  io.out(`wrote ${out} (${Math.ceil(bytes.length / 1024)} KB)`);
  return EXIT.ok;
}
