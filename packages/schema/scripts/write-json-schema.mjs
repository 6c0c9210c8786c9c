// Writes plan.schema.json and advice.schema.json from the built zod schemas:
// `npm run generate -w @ehcp/schema`.
import { writeFileSync } from "node:fs";
import { adviceJsonSchema, planJsonSchema } from "../dist/index.js";

for (const [file, schema] of [
  ["plan.schema.json", planJsonSchema()],
  ["advice.schema.json", adviceJsonSchema()],
]) {
  const path = new URL(`../${file}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path.pathname}`);
}
