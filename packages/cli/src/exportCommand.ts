import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type {
  ExportOptions,
  Layout,
  PlanIntegrityError,
  UnprintableCharacterError,
} from "@ehcp/export";
import type { BundlePartName } from "./bundlePartNames.js";
import { readAdviceFiles } from "./readAdviceFiles.js";
import { readCouncilSettings } from "./readCouncilSettings.js";
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
  readonly councilName?: string;
  /** The council's logo (PNG or JPEG) and the words that describe it. */
  readonly logo?: { readonly file: string; readonly altText: string };
  /** An earlier version of the plan, for an appendix of what changed since. */
  readonly since?: string;
  readonly qualityAppendix: boolean;
  /** A JSON file of the council's settings, for the family's rights and contacts. */
  readonly councilSettings?: string;
  /** Parts of the bundle to put in or leave out, whatever the plan's status would choose. */
  readonly include?: readonly BundlePartName[];
  readonly omit?: readonly BundlePartName[];
  /** Advice exports to append, each a file or a folder of them. */
  readonly advice?: readonly string[];
}

const PART_OPTIONS = {
  "provision-summary": "provisionSummary",
  "need-table": "needTable",
  signature: "signatureBlock",
  rights: "familyRights",
  advice: "adviceAppendices",
  "advice-use": "adviceUseAppendix",
} as const;

/** The export options the command's arguments ask for, or what is wrong with them. */
async function optionsFor(
  args: ExportArgs,
  planId: string,
  io: Io,
): Promise<ExportOptions | number> {
  let logo: ExportOptions["logo"];
  if (args.logo) {
    const type = /\.png$/i.test(args.logo.file)
      ? "png"
      : /\.jpe?g$/i.test(args.logo.file)
        ? "jpg"
        : null;
    if (!type) {
      io.err(`ehcp: --logo ${args.logo.file}: a logo is a .png or .jpg file`);
      return EXIT.usage;
    }
    try {
      logo = { data: await readFile(args.logo.file), type, altText: args.logo.altText };
    } catch (error) {
      io.err(
        `ehcp: cannot read ${args.logo.file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
      );
      return EXIT.usage;
    }
  }
  let changesSince: ExportOptions["changesSince"];
  if (args.since) {
    const earlier = await readPlanOrExplain(args.since, io, "nothing was written");
    if (typeof earlier === "number") return earlier;
    const { status, issue } = earlier.meta;
    changesSince = { plan: earlier, name: `the ${status} plan, issue ${issue}` };
  }
  let councilSettings: ExportOptions["councilSettings"];
  if (args.councilSettings) {
    const read = await readCouncilSettings(args.councilSettings, io);
    if (typeof read === "number") return read;
    councilSettings = read;
  }
  if (args.include?.includes("rights") && !councilSettings) {
    io.err(
      "ehcp: --include rights needs --council-settings, the file naming the council's SEN team, SENDIASS and mediation service",
    );
    return EXIT.usage;
  }
  let advice: ExportOptions["advice"];
  if (args.advice?.length) {
    const read = await readAdviceFiles(args.advice, planId, io);
    if (typeof read === "number") return read;
    advice = read;
  }
  const wantsAdvice = args.include?.find((p) => p === "advice" || p === "advice-use");
  if (wantsAdvice && !advice) {
    io.err(`ehcp: --include ${wantsAdvice} needs --advice, the advice files or a folder of them`);
    return EXIT.usage;
  }
  const parts: Partial<Record<(typeof PART_OPTIONS)[BundlePartName], boolean>> = {};
  for (const part of args.include ?? []) parts[PART_OPTIONS[part]] = true;
  for (const part of args.omit ?? []) parts[PART_OPTIONS[part]] = false;
  return {
    ...parts,
    ...(councilSettings ? { councilSettings } : {}),
    layout: args.layout,
    allowFindings: args.allowFindings,
    qualityAppendix: args.qualityAppendix,
    ...(args.councilName ? { councilName: args.councilName } : {}),
    ...(logo ? { logo } : {}),
    ...(changesSince ? { changesSince } : {}),
    ...(advice ? { advice } : {}),
  };
}

/**
 * `ehcp export`: writes a plan as a document. The file is written under a temporary name and
 * renamed when complete, so a failure never leaves half a document behind.
 */
export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const plan = await readPlanOrExplain(args.file, io, "nothing was written");
  if (typeof plan === "number") return plan;

  const options = await optionsFor(args, plan.id, io);
  if (typeof options === "number") return options;

  const out = args.out ?? `${basename(args.file, extname(args.file))}.${args.format}`;
  let bytes: Uint8Array;
  try {
    // Only the chosen format's exporter is loaded: JSON needs neither pdfkit nor its fonts.
    if (args.format === "json") {
      const { exportJson } = await import("@ehcp/export/json");
      bytes = new TextEncoder().encode(exportJson(plan));
    } else if (args.format === "pdf") {
      const { exportPdf } = await import("@ehcp/export/pdf");
      bytes = await exportPdf(plan, options);
    } else {
      const { exportDocx } = await import("@ehcp/export/docx");
      bytes = await exportDocx(plan, options);
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
