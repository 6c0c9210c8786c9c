import { playwright } from "@vitest/browser-playwright";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@ehcp/fixtures/chromium";

// One config for the whole monorepo: each package is a project, so `vitest run --project schema`
// runs one package. The `@ehcp/source` condition makes workspace imports resolve to TypeScript
// sources, so tests never run against a stale build.
const packages = ["schema", "quality", "export", "collab-server", "editor", "cli"];

export default defineConfig({
  resolve: { conditions: ["@ehcp/source"] },
  ssr: { resolve: { conditions: ["@ehcp/source"] } },
  test: {
    passWithNoTests: true,
    // A poll waits for what a user would wait for (a check to run, a peer's words to arrive); on a
    // loaded CI machine that takes longer than vitest's default of one second.
    expect: { poll: { timeout: 20_000 } },
    // The SQLite store's worker thread runs from the built package (see the file).
    globalSetup: [
      fileURLToPath(new URL("packages/collab-server/test/buildPackage.ts", import.meta.url)),
    ],
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
          // Real servers, databases and LibreOffice share CI's cores with the browser tests; a
          // busy machine must not fail a test on time alone (speed is measured in the benchmarks).
          testTimeout: 30_000,
        },
      })),
      {
        // The playground end to end: the built app served by a real server, driven in Chromium.
        extends: true as const,
        test: {
          name: "playground-e2e",
          root: "apps/playground",
          include: ["e2e/**/*.test.ts"],
          // Each test is a whole journey of two or three people in Chromium; on a shared, busy
          // machine one takes minutes, and time alone must not fail it (see the benchmarks).
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Editor behaviour in a real Chromium (the machine's /usr/bin/chromium), with a real
        // collaboration server started for the run (see packages/editor/test/globalSetup.ts).
        extends: true as const,
        // Bundled before the first test, so Vite does not find them mid-run and reload the page.
        optimizeDeps: {
          include: [
            "react",
            "react/jsx-runtime",
            "react/jsx-dev-runtime",
            "react-dom",
            "react-dom/client",
            "@tiptap/core",
            "@tiptap/react",
            "@tiptap/pm/model",
            "@tiptap/pm/state",
            "@tiptap/pm/view",
            "@tiptap/pm/transform",
            "@tiptap/pm/history",
            "@tiptap/y-tiptap",
            "@tiptap/extension-collaboration",
            "@tiptap/extension-collaboration-caret",
            "@hocuspocus/provider",
            "yjs",
            "zod",
            // The checker's language model (CommonJS), which the editor runs in the browser.
            "wink-nlp",
            "wink-eng-lite-web-model",
            "axe-core",
            "@storybook/react-vite",
          ],
        },
        test: {
          name: "editor-browser",
          root: "packages/editor",
          include: ["src/**/*.browser.test.{ts,tsx}", "stories/**/*.browser.test.{ts,tsx}"],
          globalSetup: ["test/globalSetup.ts"],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_PATH,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: "chromium" as const }],
          },
        },
      },
    ],
  },
});
