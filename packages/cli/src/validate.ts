import { basename } from "node:path";
import { checkIntegrity, type Finding, type Plan } from "@ehcp/schema";
import { EXIT, type Io } from "./Io.js";
import { plural } from "./plural.js";
import { readPlanFile } from "./readPlanFile.js";

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
  const read = await readPlanFile(args.file);
  if (!read.ok && "unreadable" in read) {
    io.err(`ehcp: ${read.unreadable}`);
    return EXIT.usage;
  }
  if (!read.ok) {
    if (args.json) {
      const issues = read.issues.map(({ path, message }) => ({ path, message }));
      io.out(JSON.stringify({ file: args.file, valid: false, issues, findings: [] }, null, 2));
    } else {
      io.out(`${name} is not a valid plan (${plural(read.issues.length, "problem")}):`);
      for (const issue of read.issues) io.out(`  ${issue.path || "(top level)"}: ${issue.message}`);
    }
    return EXIT.problems;
  }

  const findings = checkIntegrity(read.plan);
  if (args.json) {
    io.out(
      JSON.stringify(
        { file: args.file, valid: findings.length === 0, issues: [], findings },
        null,
        2,
      ),
    );
  } else if (findings.length > 0) {
    io.out(`${name}: ${plural(findings.length, "integrity problem")} (${summary(read.plan)}):`);
    for (const finding of findings) io.out(findingLine(finding));
  } else {
    io.out(`${name}: sound. ${summary(read.plan)}.`);
  }
  return findings.length > 0 ? EXIT.problems : EXIT.ok;
}
