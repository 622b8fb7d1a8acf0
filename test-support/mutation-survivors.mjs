#!/usr/bin/env node
// `node test-support/mutation-survivors.mjs <scope> [--row]`: the mutants of a `pnpm mutation <scope>` run
// (reports/mutation/<scope>.json) that no test detected, one per line as `file:line:column mutator replacement`,
// then the counts and the score as Stryker computes it: (killed + timeout) / (killed + timeout + survived + no coverage).
// `--row` prints the counts as a Markdown table row instead (for docs/testing.md).
import { readFileSync } from "node:fs";

const [scope, flag] = process.argv.slice(2);
if (!scope) {
  console.error("usage: node test-support/mutation-survivors.mjs <scope> [--row]");
  process.exit(2);
}
const report = JSON.parse(readFileSync(new URL(`../reports/mutation/${scope}.json`, import.meta.url), "utf8"));

const counts = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
const undetected = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const m of mutants) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === "Survived" || m.status === "NoCoverage") undetected.push({ file, m });
  }
}
undetected.sort((a, b) =>
  a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.m.location.start.line - b.m.location.start.line || a.m.location.start.column - b.m.location.start.column,
);

const detected = counts.Killed + counts.Timeout;
const valid = detected + counts.Survived + counts.NoCoverage;
const score = valid === 0 ? "n/a" : `${((100 * detected) / valid).toFixed(2)} %`;
if (flag === "--row") {
  console.log(`| ${scope} | ${valid} | ${counts.Killed} | ${counts.Survived} | ${counts.Timeout} | ${counts.NoCoverage} | ${score} |`);
} else {
  for (const { file, m } of undetected) {
    const replacement = (m.replacement ?? "").replace(/\s+/g, " ");
    const shown = replacement.length > 100 ? `${replacement.slice(0, 97)}...` : replacement;
    console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.status === "NoCoverage" ? "(no coverage) " : ""}${shown}`);
  }
  console.log(
    `\n${scope}: ${valid} mutants, ${counts.Killed} killed, ${counts.Survived} survived, ${counts.Timeout} timeout, ${counts.NoCoverage} no coverage (${counts.Ignored} ignored, ${counts.CompileError + counts.RuntimeError} errors); score ${score}`,
  );
}
