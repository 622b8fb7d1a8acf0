import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // cel-js is bundled (tree-shaken; it stays a dependency for the declaration files): its 15
  // modules cost a cold CLI start more to resolve and load one by one. Nothing here depends on
  // cel-js's classes being the caller's (registerKubernetesLibraries uses only the environment's methods).
  noExternal: ["@marcbachmann/cel-js"],
});
