// The vitest config of a mutation run: the root config, limited to the tests that judge the scope under
// mutation (RAMPART_MUTATION_PACKAGE; see test-support/mutation-scopes.mjs).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../vitest.config.js";
import { scopeNamed } from "./mutation-scopes.mjs";

const { tests } = scopeNamed(process.env.RAMPART_MUTATION_PACKAGE ?? "core");

// Spread, not mergeConfig: mergeConfig concatenates `include` lists instead of replacing them.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    ...base.test,
    include: tests,
    exclude: ["**/*.e2e.test.ts", "**/conformance-skipping.test.ts", "**/node_modules/**"],
    // Tests of the built `dist` (not copied into the sandbox: mutants live in the sources) judge no mutant; the
    // TypeScript policy modules under test/fixtures import the built @rampart/core through jiti, so they fail there;
    // the YAML-positions oracle reads every YAML file of the tree, which in a sandbox outlasts the test timeout. Both
    // judge the loader, never a mutated evaluator, compiler or proof.
    testNamePattern:
      /^(?!the built package from plain Node|TypeScript policy modules|positions from js-yaml's node events match the yaml library's node positions on every YAML file)/,
  },
});
