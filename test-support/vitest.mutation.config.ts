// The vitest config of a mutation run: the root config, limited to the tests of the package under
// mutation (RAMPART_MUTATION_PACKAGE), which are the tests that judge its code.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../vitest.config.js";

// A scope is a package name, optionally narrowed (`core-evaluator`, `compiler-rbac-emit`): run that package's tests.
const scope = process.env.RAMPART_MUTATION_PACKAGE ?? "core";
const pkg = ["compiler-networkpolicy", "compiler-rbac", "compiler-vap", "core"].find((p) => scope === p || scope.startsWith(`${p}-`)) ?? scope;

// Spread, not mergeConfig: mergeConfig concatenates `include` lists instead of replacing them.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: { ...base.test, include: [`packages/${pkg}/src/**/*.test.ts`, `packages/${pkg}/test/**/*.test.ts`], exclude: ["**/*.e2e.test.ts", "**/conformance-skipping.test.ts", "**/node_modules/**"] },
});
