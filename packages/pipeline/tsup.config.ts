import { defineConfig } from "tsup";

export default defineConfig({
  // exit-codes: a subpath with no dependencies, so the CLI can inline it into its start path.
  entry: { index: "src/index.ts", "exit-codes": "src/exit-codes.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
});
