import { documentsOfKind, normaliseClusters, positionOf, sortDiagnostics, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { checkRequest } from "../check-request.js";
import { inventoryFor } from "../cluster-inventory.js";
import type { Host } from "../host.js";
import { resolveCluster } from "../resolve-cluster.js";
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
  const problems = await checkAccessCases(documents, options, { cwd: options.cwd ?? process.cwd(), err: () => {} });
  if (problems.length > 0) return { diagnostics: problems };
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

/**
 * The access cases' requests checked against the inventory of every cluster they run in: an
 * unknown cluster, verb or resource is an error at the case (a typo would otherwise pass as `deny`).
 */
async function checkAccessCases(documents: readonly RampartDocument[], options: PolicyTestOptions, host: Host): Promise<Diagnostic[]> {
  const chosen = resolveCluster(documents, { name: options.cluster });
  if (chosen.diagnostics.length > 0) return chosen.diagnostics;
  const inventories = new Map<string, Inventory | undefined>();
  const problems: Diagnostic[] = [];
  const inventoryOf = async (name: string) => {
    if (!inventories.has(name)) {
      const cluster = normaliseClusters(documents).find((c) => c.name === name)!;
      const inv = await inventoryFor(host, documents, cluster, undefined);
      problems.push(...inv.diagnostics.filter((d) => d.severity === "error"));
      inventories.set(name, inv.inventory);
    }
    return inventories.get(name);
  };
  for (const test of documentsOfKind(documents, "PolicyTest")) {
    for (const [i, c] of (test.spec.access ?? []).entries()) {
      const at = (field: string) => positionOf(test, ["spec", "access", i, "request", field]);
      let clusters = chosen.clusters.map((x) => x.name);
      if (c.request.cluster) {
        const own = resolveCluster(documents, { name: c.request.cluster, at: at("cluster") });
        problems.push(...own.diagnostics);
        clusters = own.clusters.map((x) => x.name);
      }
      for (const name of clusters) {
        const inventory = await inventoryOf(name);
        if (inventory) problems.push(...checkRequest(c.request, inventory, { verb: at("verb"), resource: at("resource") }));
      }
    }
  }
  const seen = new Set<string>();
  return sortDiagnostics(
    problems.filter((d) => !seen.has(`${d.file}:${d.line}:${d.column}:${d.message}`) && !!seen.add(`${d.file}:${d.line}:${d.column}:${d.message}`)),
  );
}
