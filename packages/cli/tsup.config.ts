import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts", "src/kubectl-rampart.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
  // The exit codes are inlined: start-up (`--version`, `--help`) loads no package.
  noExternal: ["@rampart/pipeline/exit-codes"],
});
