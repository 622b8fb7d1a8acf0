#!/usr/bin/env node
// `pnpm mutation [scope]`: StrykerJS over one scope's evaluator, emit path or proof (test-support/mutation-scopes.mjs).
// Property tests run a hundredth of their cases (at least 20 runs) per mutant (RAMPART_PROPERTY_SCALE) so that one run fits in an afternoon on 2 cores.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scopeNamed, scopeProblems } from "./mutation-scopes.mjs";

const scope = process.argv[2] ?? "core";
try {
  scopeNamed(scope);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const problems = scopeProblems(fileURLToPath(new URL("..", import.meta.url)), scope);
if (problems.length > 0) {
  console.error(`mutation scope \`${scope}\` does not match the tree (fix test-support/mutation-scopes.mjs):\n  ${problems.join("\n  ")}`);
  process.exit(2);
}
const env = { ...process.env, RAMPART_MUTATION_PACKAGE: scope, RAMPART_PROPERTY_SCALE: process.env.RAMPART_PROPERTY_SCALE ?? "0.01" };
const result = spawnSync("pnpm", ["exec", "stryker", "run", "stryker.config.mjs", ...process.argv.slice(3)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
