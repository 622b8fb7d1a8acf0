import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests import packages by their public names; resolve those to sources so tests need no build.
export default defineConfig({
  resolve: {
    alias: {
      // Subpaths first: "@rampart/core" would otherwise also match "@rampart/core/compiler".
      "@rampart/core/compiler": fileURLToPath(new URL("./packages/core/src/compiler/index.ts", import.meta.url)),
      "@rampart/pipeline/build": fileURLToPath(new URL("./packages/pipeline/src/build/index.ts", import.meta.url)),
      "@rampart/pipeline/exit-codes": fileURLToPath(new URL("./packages/pipeline/src/exit-codes.ts", import.meta.url)),
      "@rampart/pipeline/output": fileURLToPath(new URL("./packages/pipeline/src/output/index.ts", import.meta.url)),
      "@rampart/core": pkg("core"),
      "@rampart/compiler-rbac": pkg("compiler-rbac"),
      "@rampart/compiler-vap": pkg("compiler-vap"),
      "@rampart/compiler-networkpolicy": pkg("compiler-networkpolicy"),
      "@rampart/pipeline": pkg("pipeline"),
      "@rampart/cli": pkg("cli"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
