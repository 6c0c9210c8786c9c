import { defineConfig } from "vite";

// The playground is built into dist/ and served by `ehcp serve --app` from the same address as
// the collaboration server, so it needs no other origin. `npm run dev` proxies to a running server.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  // GOV.UK Frontend keeps an old browser's hack (`min-width: 0\0`) that the CSS minifier
  // refuses; the rule it is in is dropped, which only that browser read.
  css: { lightningcss: { errorRecovery: true } },
  server: {
    proxy: {
      "/plans": "http://127.0.0.1:1234",
      "/dev": "http://127.0.0.1:1234",
      "/healthz": "http://127.0.0.1:1234",
    },
  },
});
