// Writes plan.schema.json from the built zod schemas: `npm run generate -w @ehcp/schema`.
import { writeFileSync } from "node:fs";
import { planJsonSchema } from "../dist/index.js";

const path = new URL("../plan.schema.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
