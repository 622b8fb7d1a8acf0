import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/** Resolves `yaml` to @rampart/core's bundled copy, left external (tsup's `noExternal` lets it reach this plugin). */
const yamlFromCore: Plugin = {
  name: "yaml-from-core",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: "@rampart/core/yaml", external: true }));
  },
};

export default defineConfig({
  // Light subpaths: exit-codes (no dependency; the CLI inlines it into its start path), output (yaml only)
  // and build (compile, write and check a tree: none of learn, diff, report or the live-cluster client).
  entry: {
    index: "src/index.ts",
    "exit-codes": "src/exit-codes.ts",
    output: "src/output/index.ts",
    build: "src/build/index.ts",
    // The parsing worker of `learn`, found beside the module that starts it (`new URL("./learn-worker.js", import.meta.url)`).
    "learn-worker": "src/learn/learn-worker.ts",
    "build-worker": "src/build/build-worker.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
  // `yaml` is served by @rampart/core's bundled copy (one copy per process: loading yaml's 73
  // CommonJS modules, or a second bundled copy, costs a cold CLI start ~20 ms). It stays a
  // dependency: the declaration files import its types.
  noExternal: ["yaml"],
  esbuildPlugins: [yamlFromCore],
  // CommonJS builds load lazily with `require`: V8 11 (Node 20) loses an `import()`'s loader when
  // it runs code from a code cache (see packages/cli/src/compile-cache.ts).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "dynamic-import": false };
  },
});
