import { defineConfig } from "vitest/config";

// One config for the whole monorepo: each package is a project, so `vitest run --project schema`
// runs one package. The `@ehcp/source` condition makes workspace imports resolve to TypeScript
// sources, so tests never run against a stale build.
const packages = ["schema", "quality", "export", "collab-server", "editor", "cli"];

export default defineConfig({
  resolve: { conditions: ["@ehcp/source"] },
  ssr: { resolve: { conditions: ["@ehcp/source"] } },
  test: {
    passWithNoTests: true,
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
        },
      })),
    ],
  },
});
