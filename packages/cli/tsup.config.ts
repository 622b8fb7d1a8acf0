import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts", "src/kubectl-rampart.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
  // yaml is bundled (it stays a dependency for the declaration files): loading its 73 CommonJS
  // modules one by one costs a cold start ~5× what one bundled file does.
  // The exit codes are inlined too: start-up (`--version`, `--help`) loads no package.
  noExternal: ["yaml", "@rampart/pipeline/exit-codes"],
  // Inlined from source: the built module carries the pipeline's own `require` banner, which would clash with ours.
  esbuildOptions(options) {
    options.alias = { ...options.alias, "@rampart/pipeline/exit-codes": fileURLToPath(new URL("../pipeline/src/exit-codes.ts", import.meta.url)) };
  },
  // yaml requires Node built-ins (`process`, `buffer`): give the ESM build a `require`.
  banner: ({ format }) => (format === "esm" ? { js: 'import { createRequire as __bundledRequire } from "node:module";\nconst require = __bundledRequire(import.meta.url);' } : {}),
});
