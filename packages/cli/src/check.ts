import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import {
  checkPlan,
  createCopyIndex,
  parseQualityConfig,
  QualityConfigError,
  type QualityConfig,
} from "@ehcp/quality";
import { type Finding, type Plan, SECTION_KEYS, SECTION_TITLES } from "@ehcp/schema";
import { EXIT, type Io } from "./Io.js";
import { plural } from "./plural.js";
import { readPlanFile, readPlanOrExplain } from "./readPlanFile.js";

export interface CheckArgs {
  readonly file: string;
  readonly format: "text" | "json";
  readonly config?: string;
  readonly corpus?: string;
}

async function readConfig(file: string, io: Io): Promise<QualityConfig | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "it is not valid JSON";
    io.err(`ehcp: cannot read the settings ${file}: ${why}`);
    return null;
  }
  try {
    return parseQualityConfig(json);
  } catch (error) {
    if (!(error instanceof QualityConfigError)) throw error;
    io.err(`ehcp: the settings in ${file} are not valid:`);
    for (const issue of error.issues) io.err(`  ${issue.path || "(top level)"}: ${issue.message}`);
    return null;
  }
}

/** Reads every plan in a folder for the copied-text rule; files that are not plans are named and skipped. */
async function readCorpus(dir: string, io: Io): Promise<Plan[] | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    io.err(`ehcp: cannot read the folder of plans ${dir}`);
    return null;
  }
  const plans: Plan[] = [];
  for (const name of names) {
    const read = await readPlanFile(join(dir, name));
    if (read.ok) plans.push(read.plan);
    else io.err(`ehcp: skipped ${name} in ${dir}: it is not a valid plan`);
  }
  return plans;
}

function printText(name: string, findings: readonly Finding[], io: Io): void {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  io.out(
    `${name}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${count("info")} for information`,
  );
  for (const section of SECTION_KEYS) {
    const here = findings.filter((f) => f.section === section);
    if (here.length === 0) continue;
    io.out("");
    io.out(`Section ${section}: ${SECTION_TITLES[section]}`);
    for (const f of here) io.out(`  ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
  }
}

/** `ehcp check`: runs the plan checker and prints its findings. */
export async function check(args: CheckArgs, io: Io): Promise<number> {
  const plan = await readPlanOrExplain(args.file, io, "run ehcp validate for details");
  if (typeof plan === "number") return plan;

  const config = args.config ? await readConfig(args.config, io) : {};
  if (!config) return EXIT.usage;
  if (args.corpus) {
    const plans = await readCorpus(args.corpus, io);
    if (!plans) return EXIT.usage;
    Object.assign(config, { copyIndex: createCopyIndex(plans) });
  }
  const findings = checkPlan(plan, config);
  if (args.format === "json") io.out(JSON.stringify(findings, null, 2));
  else printText(basename(args.file), findings, io);
  return findings.some((f) => f.severity === "error") ? EXIT.problems : EXIT.ok;
}
