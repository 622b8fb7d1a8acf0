import { defineConfig } from "tsup";

export default defineConfig({
  // Light subpaths: exit-codes (no dependency; the CLI inlines it into its start path) and output (yaml only).
  entry: { index: "src/index.ts", "exit-codes": "src/exit-codes.ts", output: "src/output/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
});
