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
  entry: ["src/index.ts", "src/bin.ts", "src/kubectl-rampart.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
  // `yaml` is served by @rampart/core's bundled copy (one copy per process: loading yaml's 73
  // CommonJS modules, or a second bundled copy, costs a cold start ~20 ms). It stays a
  // dependency: the declaration files import its types.
  // The exit codes are inlined too: start-up (`--version`, `--help`) loads no package.
  noExternal: ["yaml", "@rampart/pipeline/exit-codes"],
  esbuildPlugins: [yamlFromCore],
});
