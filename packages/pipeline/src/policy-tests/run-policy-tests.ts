import type { Diagnostic, RampartDocument } from "@rampart/core";
import { runAccessCases } from "./access-cases.js";
import { runAdmissionCases } from "./admission-cases.js";
import { runTrafficCases } from "./traffic-cases.js";
import type { CaseResult } from "./types.js";

/** Options of `runPolicyTests`. */
export interface PolicyTestOptions {
  /** Run access cases that name no cluster in this one only (default: every cluster). */
  cluster?: string | undefined;
  now?: Date;
  /** Where admission cases' manifest paths start (default: the working directory). */
  cwd?: string;
}

/** The PolicyTests' outcome: every case's result, or the diagnostics of bad tests (nothing run). */
export type PolicyTestOutcome = { results: CaseResult[]; diagnostics: Diagnostic[] } | { results?: undefined; diagnostics: Diagnostic[] };

/** Runs every PolicyTest case — access (evaluator), admission (emitted CEL) and traffic (compiled NetworkPolicies). */
export async function runPolicyTests(documents: readonly RampartDocument[], options: PolicyTestOptions = {}): Promise<PolicyTestOutcome> {
  const now = options.now ?? new Date();
  const base = options.cluster === undefined ? { now } : { cluster: options.cluster, now };
  const results: CaseResult[] = runAccessCases(documents, base);
  for (const runner of [runAdmissionCases, runTrafficCases]) {
    const r = await runner(documents, { ...base, cwd: options.cwd ?? process.cwd() });
    if ("diagnostics" in r) return { diagnostics: r.diagnostics };
    results.push(...r.results);
  }
  return { results, diagnostics: [] };
}
