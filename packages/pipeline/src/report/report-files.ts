import { hasErrors, loadManifests, type Diagnostic, type Inventory, type Manifest, type RampartDocument } from "@rampart/core";
import { clusterInventory } from "../cluster-inventory.js";
import { diffPaths } from "../diff/diff-paths.js";
import type { Host } from "../host.js";
import { diffEntries } from "./diff-entries.js";
import { buildReport, reportClusters } from "./report-data.js";
import { renderReportHtml } from "./render-html.js";
import type { ReportData } from "./types.js";

/** Options of `reportFromFiles`: the report's inputs as files, as the CLI names them. */
export interface ReportFilesOptions {
  /** The policy paths the documents came from (the base of `--base` is read at the same paths). */
  paths: readonly string[];
  host: Host;
  cluster?: string | undefined;
  /** An Inventory file for every cluster (else each Cluster's own). */
  inventoryFile?: string | undefined;
  /** Manifests of namespaces, pods and controllers for the traffic graph. */
  workloadsFile?: string | undefined;
  /** Manifests to admit and lint. */
  manifestFiles?: readonly string[];
  /** A git ref or directory: the semantic diff against it is shown too. */
  base?: string | undefined;
  now?: Date;
}

/** The report's data and page; both undefined with an error anywhere (`diagnostics` says why). */
export interface ReportFilesResult {
  data?: ReportData;
  html?: string;
  diagnostics: Diagnostic[];
}

/**
 * Reads the report's input files, computes the report (and the diff against `base`) and renders
 * the page. With an error anywhere, `data` and `html` are undefined and `diagnostics` says why.
 */
export async function reportFromFiles(documents: readonly RampartDocument[], options: ReportFilesOptions): Promise<ReportFilesResult> {
  const { host, cluster, base } = options;
  const now = options.now ?? new Date();
  const problems: Diagnostic[] = [];
  const read = async (files: readonly string[]): Promise<Manifest[]> => {
    if (files.length === 0) return [];
    const r = await loadManifests([...files], { cwd: host.cwd });
    problems.push(...r.diagnostics);
    return r.manifests;
  };
  const workloads = options.workloadsFile !== undefined ? await read([options.workloadsFile]) : undefined;
  const manifests = await read(options.manifestFiles ?? []);
  const inventories = new Map<string, Inventory>();
  for (const name of reportClusters(documents, cluster)) {
    const inv = await clusterInventory(host, documents, name, options.inventoryFile);
    problems.push(...inv.diagnostics);
    if (inv.inventory) inventories.set(name, inv.inventory);
  }
  if (hasErrors(problems)) return { diagnostics: problems };
  let diff: ReportData["diff"];
  if (base !== undefined) {
    const d = await diffPaths({
      paths: options.paths,
      base,
      cwd: host.cwd,
      now,
      ...(cluster !== undefined ? { cluster } : {}),
      ...(options.workloadsFile !== undefined ? { workloadsFile: options.workloadsFile } : {}),
      ...(options.manifestFiles?.length ? { manifestFiles: options.manifestFiles } : {}),
      ...(options.inventoryFile !== undefined ? { inventoryFile: options.inventoryFile } : {}),
    });
    if (!d.diff) return { diagnostics: d.diagnostics };
    diff = { base, entries: diffEntries(d.diff) };
  }
  const data = buildReport(documents, {
    now,
    inventories,
    manifests,
    ...(diff ? { diff } : {}),
    ...(cluster !== undefined ? { cluster } : {}),
    ...(workloads ? { workloads: workloads.map((m) => m.value as Record<string, unknown>) } : {}),
  });
  return { data, html: renderReportHtml(data), diagnostics: problems };
}
