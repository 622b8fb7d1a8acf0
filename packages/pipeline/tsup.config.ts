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
  // yaml is bundled (it stays a dependency for the declaration files): loading its 73 CommonJS
  // modules one by one costs a cold CLI start ~5× what one bundled file does.
  noExternal: ["yaml"],
  // yaml requires Node built-ins (`process`, `buffer`): give the ESM build a `require`.
  banner: ({ format }) => (format === "esm" ? { js: 'import { createRequire as __bundledRequire } from "node:module";\nconst require = __bundledRequire(import.meta.url);' } : {}),
});
