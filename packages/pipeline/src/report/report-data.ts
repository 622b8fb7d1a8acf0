import { lint, normaliseClusters, type Inventory, type Manifest, type RampartDocument } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import { buildAccessMatrix } from "./access-matrix.js";
import { buildTrafficGraph } from "./traffic-graph.js";
import type { ClusterReport, DiffEntry, LintFinding, ReportData, WorkloadFinding } from "./types.js";

/** Options of `buildReport`. */
export interface ReportOptions {
  /** Only this cluster (default: every Cluster document, or `default` when there is none). */
  cluster?: string;
  /** The inventory of each cluster (default: the built-in one). */
  inventories?: ReadonlyMap<string, Inventory>;
  /** Workload manifests for the traffic graph (`--workloads`). */
  workloads?: readonly Record<string, unknown>[];
  /** Manifests to admit and lint (`-f`). */
  manifests?: readonly Manifest[];
  /** The evaluation instant (default: now). */
  now?: Date;
  /** The semantic diff against a base, computed elsewhere. */
  diff?: { base: string; entries: DiffEntry[] };
}

/** The clusters a report covers. */
export function reportClusters(documents: readonly RampartDocument[], cluster?: string): string[] {
  if (cluster !== undefined) return [cluster];
  const names = normaliseClusters(documents).map((c) => c.name);
  return names.length > 0 ? [...new Set(names)].sort() : ["default"];
}

/** Everything the HTML report shows, per cluster: access matrix, traffic graph, workload and lint findings. */
export function buildReport(documents: readonly RampartDocument[], options: ReportOptions = {}): ReportData {
  const manifests = options.manifests ?? [];
  const now = options.now ?? new Date();
  // Traffic and workload policies select no clusters: computed once and shared.
  const traffic = buildTrafficGraph(documents, options.workloads ? { workloads: options.workloads } : {});
  const workloads: WorkloadFinding[] = [];
  for (const r of admit(
    documents,
    manifests.map((m) => m.value as Record<string, unknown>),
    { now },
  )) {
    for (const v of r.violations) {
      workloads.push({ object: `${r.kind} ${r.namespace}/${r.name}`, decision: r.decision, policy: v.policy, rule: v.rule, message: v.message });
    }
  }
  const clusters = reportClusters(documents, options.cluster).map((name): ClusterReport => {
    const inventory = options.inventories?.get(name);
    const findings: LintFinding[] = lint(documents, manifests, { now, ...(inventory ? { inventory } : {}) }).map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      ...(f.hint ? { hint: f.hint } : {}),
      file: f.file ?? "",
      line: f.line ?? 0,
      column: f.column ?? 0,
    }));
    return { name, access: buildAccessMatrix(documents, { cluster: name, now, ...(inventory ? { inventory } : {}) }), traffic, workloads, lint: findings };
  });
  return { format: "rampart-report/v1", clusters, ...(options.diff ? { diff: options.diff } : {}) };
}
