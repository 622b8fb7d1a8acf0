import { createInventory, hasErrors, normaliseClusters, sortDiagnostics, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import type { Io } from "../command.js";
import { clusterInventory } from "../inventory-option.js";
import { BACKENDS } from "./backends.js";
import { kustomization, objectFiles } from "./emit.js";
import type { ClusterFiles } from "./write-tree.js";

/** Options of a build. */
export interface BuildOptions {
  cluster?: string;
  inventory?: string;
  networkBackend: "np" | "cnp";
  writePrecision: "admission" | "rbac-only";
  now: Date;
}

/** Every cluster's files, plus all diagnostics of the build. */
export interface BuildOutput {
  clusters: Map<string, ClusterFiles>;
  diagnostics: Diagnostic[];
}

/** Compiles every selected cluster with every backend into file contents (nothing is written). */
export async function buildClusters(io: Io, documents: readonly RampartDocument[], options: BuildOptions): Promise<BuildOutput> {
  const all = normaliseClusters(documents);
  const selected = options.cluster === undefined ? all : all.filter((c) => c.name === options.cluster);
  const diagnostics: Diagnostic[] = [];
  const clusters = new Map<string, ClusterFiles>();
  if (selected.length === 0) {
    diagnostics.push({
      code: "unknown-cluster",
      severity: "error",
      message: `unknown cluster \`${options.cluster}\`; the policies define ${all.map((c) => `\`${c.name}\``).join(", ")}`,
      file: "<command line>",
      line: 0,
      column: 0,
    });
    return { clusters, diagnostics };
  }
  for (const cluster of selected) {
    const inv = await clusterInventory(io, documents, cluster.name, options.inventory);
    diagnostics.push(...inv.diagnostics);
    if (hasErrors(inv.diagnostics)) continue;
    const inventory: Inventory = inv.inventory ?? createInventory(cluster.kubernetesVersion ? { kubernetesVersion: cluster.kubernetesVersion } : {});
    const files = new Map<string, string>();
    const report: Record<string, unknown> = {};
    const clusterDiagnostics: Diagnostic[] = [];
    for (const backend of BACKENDS) {
      const result = await backend.compile(documents, { cluster, inventory, now: options.now, networkBackend: options.networkBackend, writePrecision: options.writePrecision });
      clusterDiagnostics.push(...result.diagnostics);
      for (const [path, content] of objectFiles(backend.folder, result.objects)) files.set(path, content);
      const previous = (report[backend.folder] ?? { objects: 0 }) as { objects: number };
      report[backend.folder] = { ...previous, ...(result.report as object), objects: previous.objects + result.objects.length };
    }
    diagnostics.push(...clusterDiagnostics);
    files.set("kustomization.yaml", kustomization([...files.keys()]));
    const unique = dedupe(clusterDiagnostics);
    files.set(
      "report.json",
      `${JSON.stringify(
        {
          cluster: cluster.name,
          tags: cluster.tags,
          kubernetesVersion: inventory.kubernetesVersion,
          inventory: { namespaces: inventory.namespaces.length, resources: inventory.resources.length, objectNames: countNames(inventory) },
          backends: report,
          diagnostics: unique.map(({ code, severity, message, file, line, column }) => ({ code, severity, message, file, line, column })),
        },
        null,
        2,
      )}\n`,
    );
    clusters.set(cluster.name, files);
  }
  return { clusters, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

function countNames(inventory: Inventory): number {
  let n = 0;
  for (const perNs of inventory.objects.values()) for (const names of perNs.values()) n += names.length;
  return n;
}

/** Drops repeated diagnostics (the same problem found for several clusters). */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    return !seen.has(k) && !!seen.add(k);
  });
}
