import { sortDiagnostics, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { inventoryFor } from "../cluster-inventory.js";
import { quietHost, type Host } from "../host.js";
import { resolveCluster } from "../resolve-cluster.js";
import { BACKENDS } from "./backends.js";
import { kustomization, objectFiles, type KubeObject } from "./emit.js";
import type { ClusterFiles } from "./write-tree.js";

/** Options of a build. */
export interface BuildOptions {
  /** Build this cluster only (default: every cluster). */
  cluster?: string | undefined;
  /** An Inventory file, or `live`, for every cluster (default: each Cluster's `spec.inventory`). */
  inventory?: string | undefined;
  networkBackend?: "np" | "cnp";
  writePrecision?: "admission" | "rbac-only";
  /** The instant expiry is judged at (default: now). */
  now?: Date;
  /** Where relative inventory paths start and progress goes (default: the working directory, silent). */
  host?: Host;
}

/** One cluster's build: the objects, their files (path relative to `<dir>/<cluster>` → content) and the report. */
export interface ClusterBuild {
  objects: KubeObject[];
  files: ClusterFiles;
  report: Record<string, unknown>;
  /** The inventory the cluster was compiled against. */
  inventory: Inventory;
}

/** Every cluster's build, plus all diagnostics (sorted, deduplicated). Errors mean nothing may be written. */
export interface BuildResult {
  clusters: Map<string, ClusterBuild>;
  diagnostics: Diagnostic[];
}

/** The file map of each cluster of a build, as the tree writer takes it. */
export function buildFiles(result: BuildResult): Map<string, ClusterFiles> {
  return new Map([...result.clusters].map(([name, c]) => [name, c.files]));
}

/** Compiles every selected cluster with every backend into objects and file contents, in memory (nothing is written). */
export async function buildPolicies(documents: readonly RampartDocument[], options: BuildOptions = {}): Promise<BuildResult> {
  const host = options.host ?? quietHost();
  const now = options.now ?? new Date();
  const networkBackend = options.networkBackend ?? "np";
  const writePrecision = options.writePrecision ?? "admission";
  const clusters = new Map<string, ClusterBuild>();
  const choice = resolveCluster(documents, { name: options.cluster });
  if (choice.diagnostics.length > 0) return { clusters, diagnostics: choice.diagnostics };
  const diagnostics: Diagnostic[] = [];
  for (const cluster of choice.clusters) {
    const inv = await inventoryFor(host, documents, cluster, options.inventory);
    diagnostics.push(...inv.diagnostics);
    if (!inv.inventory) continue;
    const inventory = inv.inventory;
    const files = new Map<string, string>();
    const objects: KubeObject[] = [];
    const backends: Record<string, unknown> = {};
    const clusterDiagnostics: Diagnostic[] = [];
    for (const backend of BACKENDS) {
      const result = await backend.compile(documents, { cluster, inventory, now, networkBackend, writePrecision });
      clusterDiagnostics.push(...result.diagnostics);
      objects.push(...result.objects);
      for (const [path, content] of objectFiles(backend.folder, result.objects)) files.set(path, content);
      const previous = (backends[backend.folder] ?? { objects: 0 }) as { objects: number };
      backends[backend.folder] = { ...previous, ...(result.report as object), objects: previous.objects + result.objects.length };
    }
    diagnostics.push(...clusterDiagnostics);
    files.set("kustomization.yaml", kustomization([...files.keys()]));
    const report = {
      cluster: cluster.name,
      tags: cluster.tags,
      kubernetesVersion: inventory.kubernetesVersion,
      inventory: { namespaces: inventory.namespaces.length, resources: inventory.resources.length, objectNames: countNames(inventory) },
      backends,
      diagnostics: dedupe(clusterDiagnostics).map(({ code, severity, message, file, line, column }) => ({ code, severity, message, file, line, column })),
    };
    files.set("report.json", `${JSON.stringify(report, null, 2)}\n`);
    clusters.set(cluster.name, { objects, files, report, inventory });
  }
  return { clusters, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

function countNames(inventory: Inventory): number {
  let n = 0;
  for (const perNs of inventory.objects.values()) for (const names of perNs.values()) n += names.length;
  return n;
}

/** Drops repeated diagnostics (the same problem found for several clusters). */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    return !seen.has(k) && !!seen.add(k);
  });
}
