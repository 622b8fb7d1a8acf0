import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", compiler: "src/compiler/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // `import.meta.url` in the CommonJS build too: ajv is required lazily through `createRequire`.
  shims: true,
});
