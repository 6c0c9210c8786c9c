// Keeps every package in its own house, so that a fresh clone with nothing beside it passes:
// - no tracked file outside .ci/ names the folder beside the repository (../shared);
// - no import climbs out of its package into another one's files (a package's tests import only
//   what it declares);
// - every package declares the packages its code, tests and stories import.
// Prints each breach with its file and line and exits 1 when there is any.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, normalize, relative } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => f && existsSync(join(root, f)));

const breaches = [];
const lineOf = (text, index) => text.slice(0, index).split("\n").length;

const outside = /\.\.\/shared\b|shared\/fixtures/g;
for (const file of tracked) {
  if (file.startsWith(".ci/") || /\.(png|bin|sqlite|ico|woff2?|ttf)$/.test(file)) continue;
  const text = readFileSync(join(root, file), "utf8");
  for (const m of text.matchAll(outside))
    breaches.push(
      `${file}:${lineOf(text, m.index)}: names "${m[0]}", a folder outside the repository`,
    );
}

/** The workspace a file belongs to: `packages/x` or `apps/x`, or the repository's root. */
const workspaceOf = (file) =>
  (/^(packages|apps)\/[^/]+\//.exec(file)?.[0] ?? "").replace(/\/$/, "");
const manifests = new Map();
const declared = (workspace) => {
  if (!manifests.has(workspace)) {
    const pkg = JSON.parse(readFileSync(join(root, workspace, "package.json"), "utf8"));
    manifests.set(
      workspace,
      new Set([
        pkg.name,
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.devDependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
      ]),
    );
  }
  return manifests.get(workspace);
};

const specifiers =
  /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|(?:^|[\s;(])import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
for (const file of tracked) {
  if (!/\.(ts|tsx|mts|mjs|js)$/.test(file)) continue;
  const workspace = workspaceOf(file);
  const text = readFileSync(join(root, file), "utf8");
  for (const m of text.matchAll(specifiers)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const line = lineOf(text, m.index + m[0].indexOf(spec));
    if (spec.startsWith(".")) {
      if (!workspace) continue;
      const target = normalize(join(dirname(file), spec));
      if (relative(workspace, target).startsWith(".."))
        breaches.push(
          `${file}:${line}: imports "${spec}", outside ${workspace}; import it by its package name`,
        );
      continue;
    }
    if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
    if (!declared(workspace).has(name))
      breaches.push(
        `${file}:${line}: imports "${name}", which ${workspace || "the root"}/package.json does not declare`,
      );
  }
}

if (breaches.length) {
  console.log(`${breaches.length} breach(es) of the house rules:`);
  for (const b of breaches) console.log(`  ${b}`);
  process.exit(1);
}
console.log("house rules: nothing outside the repository, every import declared by its package");
