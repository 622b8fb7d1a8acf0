// StrykerJS mutation testing (not in CI: slow on 2 cores). Run through `pnpm mutation <scope>`, which
// sets RAMPART_MUTATION_PACKAGE; each scope (test-support/mutation-scopes.mjs) mutates an evaluator, emit
// path or proof and runs only the tests that judge it (vitest resolves @rampart/* to sources: no build).

import { fileURLToPath } from "node:url";
import { resolveMutate, scopeProblems } from "./test-support/mutation-scopes.mjs";

const scope = process.env.RAMPART_MUTATION_PACKAGE ?? "core";

// A scope naming a file that moved would mutate nothing there and still print a score: refuse to run.
const root = fileURLToPath(new URL(".", import.meta.url));
const problems = scopeProblems(root, scope);
if (problems.length > 0)
  throw new Error(`mutation scope \`${scope}\` does not match the tree (fix test-support/mutation-scopes.mjs):\n  ${problems.join("\n  ")}`);
// Named declarations become line ranges now, against the file as it is.
const mutate = resolveMutate(root, scope);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Named explicitly: under pnpm, Stryker cannot discover plugins by scanning its own node_modules.
  plugins: ["@stryker-mutator/vitest-runner"],
  // Tests import @rampart/* through aliases, so vitest cannot find "related" tests; run the package's own suite instead.
  vitest: { configFile: "test-support/vitest.mutation.config.ts", related: false },
  mutate: [...mutate, "!**/*.test.ts", "!**/index.ts"],
  coverageAnalysis: "perTest",
  concurrency: Number(process.env.RAMPART_MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/mutation/${scope}.incremental.json`,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  ignorePatterns: ["reports", "bench", "**/dist", ".tmp"],
  tempDirName: `.stryker-tmp-${scope}`,
  cleanTempDir: true,
  timeoutMS: 60_000,
  // Mutants reached while a test file loads (an evaluator built at file scope) would each rerun the whole suite:
  // hours on 2 cores. They are left out (reported as ignored); pass `--ignoreStatic false` to include them.
  ignoreStatic: true,
  // vitest strips types without checking them, so Stryker's `// @ts-nocheck` headers are not needed; they would
  // also make the test holding generated validators to their generator fail in the sandbox (every core scope).
  disableTypeChecks: false,
};
