#!/usr/bin/env node
// dist/kubectl-rampart.js: runs the CLI from its CommonJS build, dist/bin.cjs (the package's `kubectl-rampart` is dist/kubectl-rampart.cjs).
import { createRequire } from "node:module";

createRequire(import.meta.url)("./bin.cjs");
