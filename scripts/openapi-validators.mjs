#!/usr/bin/env node
// Generates the OpenAPI checks a compiler runs on every object it emits: for each bundle
// data/<name>.json of the package (one with `roots`, made by the package's schema script), the
// module src/generated/<name>.ts, ajv's standalone code for each kind of the bundle. Compiled at
// build time, the checks cost a CLI run neither ajv nor compiling the schemas (~300 ms of a cold
// `rampart build`). Run by the compilers' `pnpm build`; the output is committed (tests and
// typecheck run from sources) and a test keeps it equal to a fresh generation.
//
// Usage: node scripts/openapi-validators.mjs [package-dir…]   (default: the working directory)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openApiValidatorModule } from "@rampart/core/compiler";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");

/** The bundles of a package and the module generated from each: `{bundle, output, from}` (paths absolute). */
export function validatorTargets(packageDir) {
  const data = join(packageDir, "data");
  return readdirSync(data)
    .filter((f) => f.endsWith(".json") && "roots" in JSON.parse(readFileSync(join(data, f), "utf8")))
    .sort()
    .map((f) => ({
      bundle: join(data, f),
      output: join(packageDir, "src/generated", `${basename(f, ".json")}.ts`),
      from: `${relative(ROOT, join(data, f))} by scripts/openapi-validators.mjs`,
    }));
}

/** The module text for one target. */
export function validatorModule(target) {
  return openApiValidatorModule(JSON.parse(readFileSync(target.bundle, "utf8")), target.from);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : [process.cwd()];
  for (const dir of dirs) {
    for (const target of validatorTargets(resolve(dir))) {
      const text = validatorModule(target);
      mkdirSync(join(target.output, ".."), { recursive: true });
      // Rewritten only when changed: an unchanged build leaves the file (and its mtime) alone.
      if (!existsSync(target.output) || readFileSync(target.output, "utf8") !== text) writeFileSync(target.output, text);
    }
  }
}
