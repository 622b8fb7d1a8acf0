import { rmSync } from "node:fs";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

/** Resolves `yaml` to @rampart/core's bundled copy, left external (tsup's `noExternal` lets it reach this plugin). */
const yamlFromCore: Plugin = {
  name: "yaml-from-core",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: "@rampart/core/yaml", external: true }));
  },
};

const common: Options = {
  sourcemap: true,
  target: "node20",
  external: ["@kubernetes/client-node"],
  // `yaml` is served by @rampart/core's bundled copy (one copy per process: loading yaml's 73
  // CommonJS modules, or a second bundled copy, costs a cold start ~20 ms). It stays a
  // dependency: the declaration files import its types.
  // The exit codes are inlined too: start-up (`--version`, `--help`) loads no package.
  noExternal: ["yaml", "@rampart/pipeline/exit-codes"],
  esbuildPlugins: [yamlFromCore],
  // CommonJS builds load lazily with `require`: V8 11 (Node 20) loses an `import()`'s loader when
  // it runs code from a code cache (see packages/cli/src/compile-cache.ts).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "dynamic-import": false };
  },
};

export default defineConfig(() => {
  // The three builds below run at once and share dist/: it is emptied here, once, before them.
  rmSync("dist", { recursive: true, force: true });
  return [
    // The library (`main` in-process).
    { ...common, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: { entry: "src/index.ts" } },
    // The binaries run as CommonJS, the form Node 20 can keep a code cache for (see src/compile-cache.ts).
    { ...common, entry: ["src/bin.ts", "src/kubectl-rampart.ts"], format: ["cjs"] },
    // dist/bin.js and dist/kubectl-rampart.js, for whoever runs those paths: they load the CommonJS binary.
    { ...common, entry: { bin: "src/esm/bin.ts", "kubectl-rampart": "src/esm/kubectl-rampart.ts" }, format: ["esm"] },
  ];
});
