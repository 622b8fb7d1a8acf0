// Writes schema/rampart.schema.json (the JSON Schema of rampart documents, for YAML editors).
// Usage: node --import jiti/register packages/core/scripts/gen-json-schema.ts
import { writeFileSync } from "node:fs";
import { documentJsonSchema } from "../src/json-schema.js";

const target = new URL("../schema/rampart.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
