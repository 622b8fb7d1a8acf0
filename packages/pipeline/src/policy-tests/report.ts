import type { OutputFinding } from "../output/finding.js";
import type { CaseResult } from "./types.js";

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "");

/** Human report: failures in full, passes as one line each, then a summary. */
export function textReport(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`  skip  ${r.id}  ${r.title}: ${r.detail}`);
      continue;
    }
    if (r.passed) {
      lines.push(`  ok    ${r.id}  ${r.title} → ${r.actual}`);
      continue;
    }
    lines.push(`  FAIL  ${r.id}  ${r.file}:${r.line}:${r.column}`);
    lines.push(`        case:     ${r.title}`);
    lines.push(`        expected: ${r.expected}`);
    lines.push(`        actual:   ${r.actual}`);
    lines.push(`        because:  ${r.detail}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  const skipped = results.filter((r) => r.skipped).length;
  lines.push(`${results.length - failed - skipped} passed, ${failed} failed, ${skipped ? `${skipped} skipped, ` : ""}${results.length} total`);
  return lines;
}

/** JUnit XML: one testsuite per PolicyTest document, one testcase per case. */
export function junitReport(results: readonly CaseResult[]): string {
  const suites = new Map<string, CaseResult[]>();
  for (const r of results) suites.set(r.suite, [...(suites.get(r.suite) ?? []), r]);
  const failures = results.filter((r) => !r.passed).length;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="rampart" tests="${results.length}" failures="${failures}">`];
  for (const [name, cases] of suites) {
    out.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${cases.filter((c) => !c.passed).length}">`);
    for (const c of cases) {
      const open = `    <testcase classname="${xml(`${name}.${c.kind}`)}" name="${xml(`${c.id} ${c.title}`)}" file="${xml(c.file)}" line="${c.line}"`;
      if (c.skipped) out.push(`${open}><skipped message="${xml(c.detail)}"/></testcase>`);
      else if (c.passed) out.push(`${open}/>`);
      else {
        out.push(`${open}>`);
        out.push(`      <failure message="${xml(`expected ${c.expected}, got ${c.actual}`)}">${xml(`${c.file}:${c.line}:${c.column}: ${c.detail}`)}</failure>`);
        out.push("    </testcase>");
      }
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n");
}

/** An error finding per failed case, at the case (for SARIF and GitHub annotations). */
export function policyTestFindings(results: readonly CaseResult[]): OutputFinding[] {
  return results
    .filter((r) => !r.passed)
    .map((r) => ({
      code: `policy-test-${r.kind}`,
      severity: "error" as const,
      message: `${r.id}: ${r.title}: expected ${r.expected}, got ${r.actual}${r.detail ? ` (${r.detail})` : ""}`,
      file: r.file,
      line: r.line,
      column: r.column,
    }));
}

/** The counts and cases of a run, as `rampart test -o json` prints them. */
export function policyTestSummary(results: readonly CaseResult[]): { passed: number; skipped: number; failed: number; results: readonly CaseResult[] } {
  return {
    passed: results.filter((r) => r.passed && !r.skipped).length,
    skipped: results.filter((r) => r.skipped).length,
    failed: results.filter((r) => !r.passed).length,
    results,
  };
}
