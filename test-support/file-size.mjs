#!/usr/bin/env node
// The file-size check CI runs (`pnpm check:size`): no source, test, script or benchmark file over 300 lines.
// Run it on a formatted tree (`pnpm format:check` first): the limit is counted after prettier.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The most lines a file may have. */
export const LIMIT = 300;

/** Code files: what prettier formats and review reads. */
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Folders never walked: dependencies, build output, reports and tool scratch space. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "coverage", "reports", ".git", ".stryker-tmp", ".cache"]);

/** Files exempt from the limit, each with why: generated code and data, not written or reviewed by hand. */
export const EXEMPT = [
  // OpenAPI validators generated at build time by scripts/openapi-validators.mjs (ajv standalone code).
  { pattern: /^packages\/[^/]+\/src\/generated\//, why: "generated validators" },
  // The built-in Kubernetes API inventory per minor version: data tables generated from discovery documents.
  { pattern: /^packages\/core\/src\/inventory\/builtin-v[^/]*\.ts$/, why: "generated inventory data" },
  // Test fixtures are inputs kept byte-exact (positions and goldens depend on them), not code.
  { pattern: /(^|\/)test\/fixtures\//, why: "test fixtures (data)" },
  // The bundled example's output and fixtures: compiler output and inputs, checked by the drift check.
  { pattern: /^examples\/platform\/(out|fixtures)\//, why: "example output and fixtures (data)" },
];

/** Every code file under `root` (repository-relative, `/`-separated), skipped folders left out. */
export function codeFiles(root, dir = root) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) files.push(...codeFiles(root, path));
    else if (entry.isFile() && CODE.test(entry.name)) files.push(relative(root, path).split(sep).join("/"));
  }
  return files.sort();
}

/** The lines of a file as `wc -l` counts them (newline characters). */
export function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The code files over `limit` lines that no exemption covers, longest first. */
export function oversized(root, limit = LIMIT) {
  const over = [];
  for (const file of codeFiles(root)) {
    if (EXEMPT.some((e) => e.pattern.test(file))) continue;
    const lines = lineCount(readFileSync(join(root, file), "utf8"));
    if (lines > limit) over.push({ file, lines });
  }
  return over.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const over = oversized(root);
  for (const { file, lines } of over) console.error(`${file}: ${lines} lines (at most ${LIMIT}): split it by concept into kebab-case files`);
  if (over.length > 0) process.exit(1);
  console.log(`file sizes: every code file is at most ${LIMIT} lines (exempt: ${EXEMPT.map((e) => e.why).join("; ")})`);
}
