import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

// zod, yaml and js-yaml are bundled into dist: a cold CLI start then reads one file instead of
// ~170 (zod's locales alone are 45 modules, yaml is 73 CommonJS modules), and zod is tree-shaken.
// They stay dependencies (the declaration files import their types).
const BUNDLED = ["zod", "yaml", "js-yaml"];

/**
 * In the CommonJS build (no shared chunks there), index.cjs and compiler.cjs require `yaml` from
 * dist/yaml.cjs rather than bundling a copy each: the other packages' CommonJS builds load that one
 * (`@rampart/core/yaml`), so a CommonJS process (the CLI binary) holds one copy of yaml.
 */
const yamlEntryInCjs: Plugin = {
  name: "yaml-entry-in-cjs",
  setup(build) {
    if (build.initialOptions.format !== "cjs") return;
    build.onResolve({ filter: /^yaml$/ }, (args) =>
      /[\\/]src[\\/]yaml[\\/]index\.ts$/.test(args.importer) ? undefined : { path: "./yaml.cjs", external: true },
    );
  },
};

export default defineConfig({
  entry: { index: "src/index.ts", compiler: "src/compiler/index.ts", yaml: "src/yaml/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  noExternal: BUNDLED,
  esbuildPlugins: [yamlEntryInCjs],
  // CommonJS builds load lazily with `require`: V8 11 (Node 20) loses an `import()`'s loader when
  // it runs code from a code cache (see packages/cli/src/compile-cache.ts).
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "dynamic-import": false };
  },
  // `import.meta.url` in the CommonJS build too: ajv is required lazily through `createRequire`.
  shims: true,
  // yaml is CommonJS and requires Node built-ins (`process`, `buffer`): give the ESM build a `require`.
  banner: ({ format }) =>
    format === "esm" ? { js: 'import { createRequire as __bundledRequire } from "node:module";\nconst require = __bundledRequire(import.meta.url);' } : {},
});
