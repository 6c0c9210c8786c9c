import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  checkIntegrity,
  type Finding,
  type Plan,
  PlanFormatError,
  parsePlanJson,
} from "@ehcp/schema";
import { EXIT, type Io } from "./Io.js";

/** Files larger than this are refused before reading: no plan comes near it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(plan: Plan): string {
  const s = plan.sections;
  const needs = s.B.needs.length + s.C.needs.length + s.D.needs.length;
  const provisions =
    s.F.provisions.length + s.G.provisions.length + s.H1.provisions.length + s.H2.provisions.length;
  return `${plural(needs, "need")}, ${plural(s.E.outcomes.length, "outcome")}, ${plural(provisions, "provision")}`;
}

const findingLine = (f: Finding) =>
  `  ${f.severity}  ${f.rule}  ${f.target}  ${f.path}: ${f.message}`;

/** `ehcp validate`: checks a Plan JSON file's shape and integrity. */
export async function validate(args: { file: string; json: boolean }, io: Io): Promise<number> {
  const name = basename(args.file);
  let text: string;
  try {
    const info = await stat(args.file);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    if (info.size > MAX_FILE_BYTES) {
      io.err(
        `ehcp: ${name} is ${(info.size / 1024 / 1024).toFixed(0)} MB; a plan file is at most 50 MB`,
      );
      return EXIT.problems;
    }
    text = await readFile(args.file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : "it cannot be read";
    io.err(`ehcp: cannot read ${args.file}: ${why}`);
    return EXIT.usage;
  }

  let plan: Plan;
  try {
    plan = parsePlanJson(text);
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            file: args.file,
            valid: false,
            issues: error.issues.map(({ path, message }) => ({ path, message })),
            findings: [],
          },
          null,
          2,
        ),
      );
    } else {
      io.out(`${name} is not a valid plan (${plural(error.issues.length, "problem")}):`);
      for (const issue of error.issues)
        io.out(`  ${issue.path || "(top level)"}: ${issue.message}`);
    }
    return EXIT.problems;
  }

  const findings = checkIntegrity(plan);
  if (args.json) {
    io.out(
      JSON.stringify(
        { file: args.file, valid: findings.length === 0, issues: [], findings },
        null,
        2,
      ),
    );
  } else if (findings.length > 0) {
    io.out(`${name}: ${plural(findings.length, "integrity problem")} (${summary(plan)}):`);
    for (const finding of findings) io.out(findingLine(finding));
  } else {
    io.out(`${name}: sound. ${summary(plan)}.`);
  }
  return findings.length > 0 ? EXIT.problems : EXIT.ok;
}
