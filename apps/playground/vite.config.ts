import { defineConfig } from "vite";

// The playground is built into dist/ and served by `ehcp serve --app` from the same address as
// the collaboration server, so it needs no other origin. `npm run dev` proxies to a running server.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: {
      "/plans": "http://127.0.0.1:1234",
      "/dev": "http://127.0.0.1:1234",
      "/healthz": "http://127.0.0.1:1234",
    },
  },
});
