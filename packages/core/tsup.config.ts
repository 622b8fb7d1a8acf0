import { defineConfig } from "tsup";

// zod, yaml and js-yaml are bundled into dist: a cold CLI start then reads one file instead of
// ~170 (zod's locales alone are 45 modules, yaml is 73 CommonJS modules), and zod is tree-shaken.
// They stay dependencies (the declaration files import their types).
const BUNDLED = ["zod", "yaml", "js-yaml"];

export default defineConfig({
  entry: { index: "src/index.ts", compiler: "src/compiler/index.ts", yaml: "src/yaml/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  noExternal: BUNDLED,
  // `import.meta.url` in the CommonJS build too: ajv is required lazily through `createRequire`.
  shims: true,
  // yaml is CommonJS and requires Node built-ins (`process`, `buffer`): give the ESM build a `require`.
  banner: ({ format }) =>
    format === "esm" ? { js: 'import { createRequire as __bundledRequire } from "node:module";\nconst require = __bundledRequire(import.meta.url);' } : {},
});
