// Sums vitest JSON reports into the one closing line CI reads: "N passed, N failed, N skipped".
// A report that is missing or unreadable counts as one failure, so a crashed run never looks green.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const args = process.argv.slice(2);
// `--failed NAME` counts a check that is not a test run (the linter) as one failure.
for (let i = args.indexOf("--failed"); i >= 0; i = args.indexOf("--failed")) {
  console.error(`failed: ${args[i + 1]}`);
  failed += 1;
  args.splice(i, 2);
}
// `--exited FILE=STATUS`: vitest's exit status for a report. A run that exits non-zero with no
// failed test in its report (errors vitest caught outside any test) counts as one failure.
const exited = new Map();
for (let i = args.indexOf("--exited"); i >= 0; i = args.indexOf("--exited")) {
  const [file, status] = (args[i + 1] ?? "").split(/=(?=[^=]*$)/);
  exited.set(file, Number(status));
  args.splice(i, 2);
}
for (const file of args) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    const before = failed;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A suite that fails to load has no failed tests but is a failure all the same.
    failed += report.testResults.filter(
      (r) => r.status === "failed" && r.assertionResults.length === 0,
    ).length;
    if (report.numTotalTests === 0) failed += 1;
    // Name each failure before the closing line, so a log cut to its tail still says what failed.
    for (const result of report.testResults) {
      const file = result.name.replace(`${process.cwd()}/`, "");
      if (result.status === "failed" && result.assertionResults.length === 0) {
        console.log(`FAILED to load ${file}: ${firstLine(result.message)}`);
      }
      for (const test of result.assertionResults.filter((t) => t.status === "failed")) {
        const message = test.failureMessages?.[0];
        console.log(
          `FAILED ${file}${where(message, file)} > ${test.fullName}: ${firstLine(message)}`,
        );
      }
    }
    if (failed === before && (exited.get(file) ?? 0) !== 0) {
      console.error(
        `${file}: vitest exited ${exited.get(file)} with no failed test (unhandled errors)`,
      );
      failed += 1;
    }
  } catch (error) {
    console.error(`no readable test report in ${file}: ${error.message}`);
    failed += 1;
  }
}
// The line in the test file where it failed, so a timeout among many waits names its wait.
function where(text, file) {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = String(text ?? "").match(new RegExp(`${escaped}:(\\d+):\\d+`));
  return match ? `:${match[1]}` : "";
}
function firstLine(text) {
  return String(text ?? "")
    .split("\n")[0]
    .slice(0, 300);
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed > 0 ? 1 : 0;
