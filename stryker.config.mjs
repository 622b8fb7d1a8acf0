// StrykerJS mutation testing (not in CI: slow on 2 cores). Run through `pnpm mutation <package>`,
// which sets RAMPART_MUTATION_PACKAGE; each package mutates only its evaluator, emit paths or proofs,
// and runs only its own tests (vitest resolves @rampart/* to sources, so no build is needed).

/** What each package's mutation run mutates (the product code whose tests we judge). */
const SCOPES = {
  core: ["packages/core/src/evaluator/**/*.ts"],
  // Narrow scopes for a busy machine: the decision procedure alone, and the RBAC emit path alone.
  "core-evaluator": ["packages/core/src/evaluator/evaluator.ts"],
  // The rule semantics of the evaluator (time, scope, namespaces, names, URLs, unknown cluster): minutes, not hours.
  "core-rule-applies": ["packages/core/src/evaluator/evaluator.ts:45-93"],
  "compiler-rbac-emit": ["packages/compiler-rbac/src/emit.ts"],
  "compiler-rbac": ["packages/compiler-rbac/src/emit.ts", "packages/compiler-rbac/src/grants.ts", "packages/compiler-rbac/src/verify.ts"],
  "compiler-vap": ["packages/compiler-vap/src/workload/**/*.ts"],
  "compiler-networkpolicy": ["packages/compiler-networkpolicy/src/compile.ts", "packages/compiler-networkpolicy/src/carve.ts", "packages/compiler-networkpolicy/src/verify.ts"],
};

const scope = process.env.RAMPART_MUTATION_PACKAGE ?? "core";
if (!(scope in SCOPES)) throw new Error(`unknown scope \`${scope}\`: use one of ${Object.keys(SCOPES).join(", ")}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Named explicitly: under pnpm, Stryker cannot discover plugins by scanning its own node_modules.
  plugins: ["@stryker-mutator/vitest-runner"],
  // Tests import @rampart/* through aliases, so vitest cannot find "related" tests; run the package's own suite instead.
  vitest: { configFile: "test-support/vitest.mutation.config.ts", related: false },
  mutate: [...SCOPES[scope], "!**/*.test.ts", "!**/index.ts"],
  coverageAnalysis: "perTest",
  concurrency: Number(process.env.RAMPART_MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/mutation/${scope}.incremental.json`,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  ignorePatterns: ["reports", "bench", "examples/platform/out", "**/dist", ".tmp"],
  tempDirName: `.stryker-tmp-${scope}`,
  cleanTempDir: true,
  timeoutMS: 60_000,
  // Mutants reached while a test file loads (an evaluator built at file scope) would each rerun the whole suite:
  // hours on 2 cores. They are left out (reported as ignored); pass `--ignoreStatic false` to include them.
  ignoreStatic: true,
};
