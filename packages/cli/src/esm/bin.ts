#!/usr/bin/env node
// dist/bin.js: runs the CLI from its CommonJS build, dist/bin.cjs (the package's `bin`; see compile-cache.ts for why).
import { createRequire } from "node:module";

createRequire(import.meta.url)("./bin.cjs");
