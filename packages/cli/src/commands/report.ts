import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { hasErrors, loadManifests, type Diagnostic, type Inventory, type Manifest } from "@rampart/core";
import { buildReport, clusterInventory, diffEntries, diffPaths, renderReportHtml, reportClusters, type AccessMatrix } from "@rampart/pipeline";
import { atOption, type Command, EXIT, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

/** Cells some rule decides (the others are denied by default). */
function decidedCells(m: AccessMatrix): number {
  let n = 0;
  for (const p of m.subjectProfile) {
    const profile = m.profiles[p] ?? [];
    for (let i = 1; i < profile.length; i += 2) n += m.patterns[profile[i]!]!.filter((k) => k >= 0).length;
  }
  return n;
}

/** `rampart report <paths…> -o report.html`: one self-contained HTML page, and report.json beside it. */
export const reportCommand: Command = {
  name: "report",
  summary: "write one self-contained HTML page (access matrix, traffic graph, findings) and report.json",
  usage: "rampart report <paths…> -o report.html [--base <git-ref|dir>] [--workloads FILE] [-f MANIFESTS]… [--cluster C] [--inventory FILE] [--at TIME]",
  options: {
    output: { type: "string", short: "o" },
    workloads: { type: "string" },
    file: { type: "string", short: "f", multiple: true },
    cluster: { type: "string" },
    inventory: { type: "string" },
    base: { type: "string" },
    at: { type: "string" },
  },
  async run(args, io) {
    const out = str(args, "output");
    if (!out) throw new UsageError("`-o FILE` is required: where to write the HTML report (report.json is written beside it)");
    const now = atOption(args);
    const loaded = await loadOrReport(io, args.positionals);
    if (!loaded) return EXIT.invalid;
    const problems: Diagnostic[] = [];
    const readManifests = async (files: string[]): Promise<Manifest[]> => {
      if (files.length === 0) return [];
      const r = await loadManifests(files, { cwd: io.cwd });
      problems.push(...r.diagnostics);
      return r.manifests;
    };
    const workloadsFile = str(args, "workloads");
    const workloads = workloadsFile ? await readManifests([workloadsFile]) : undefined;
    const manifests = await readManifests(strs(args, "file"));
    const inventories = new Map<string, Inventory>();
    for (const cluster of reportClusters(loaded.documents, str(args, "cluster"))) {
      const inv = await clusterInventory(io, loaded.documents, cluster, str(args, "inventory"));
      problems.push(...inv.diagnostics);
      if (inv.inventory) inventories.set(cluster, inv.inventory);
    }
    if (hasErrors(problems)) {
      printDiagnostics(io, problems);
      return EXIT.invalid;
    }
    const cluster = str(args, "cluster");
    const base = str(args, "base");
    let diff: { base: string; entries: ReturnType<typeof diffEntries> } | undefined;
    if (base !== undefined) {
      const d = await diffPaths({ paths: args.positionals, base, cwd: io.cwd, now, ...(cluster ? { cluster } : {}), ...(workloadsFile ? { workloadsFile } : {}), ...(strs(args, "file").length ? { manifestFiles: strs(args, "file") } : {}), ...(str(args, "inventory") ? { inventoryFile: str(args, "inventory")! } : {}) });
      if (!d.diff) {
        printDiagnostics(io, d.diagnostics);
        return EXIT.invalid;
      }
      diff = { base, entries: diffEntries(d.diff) };
    }
    const data = buildReport(loaded.documents, { now, inventories, manifests, ...(diff ? { diff } : {}), ...(cluster ? { cluster } : {}), ...(workloads ? { workloads: workloads.map((m) => m.value as Record<string, unknown>) } : {}) });
    const htmlPath = resolve(io.cwd, out);
    const jsonPath = join(dirname(htmlPath), `${basename(htmlPath, extname(htmlPath))}.json`);
    const html = renderReportHtml(data);
    mkdirSync(dirname(htmlPath), { recursive: true });
    writeFileSync(htmlPath, html);
    writeFileSync(jsonPath, `${JSON.stringify(data, null, 2)}\n`);
    for (const c of data.clusters) {
      io.out(`${c.name}: ${c.access.subjects.length} subjects × ${c.access.resources.length} resources × ${c.access.verbs.length} verbs (${decidedCells(c.access)} decided cells), ${c.traffic.nodes.length} workloads, ${c.traffic.edges.length} flows, ${c.workloads.length} workload findings, ${c.lint.length} lint findings`);
    }
    io.out(`wrote ${out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB) and ${join(dirname(out), basename(jsonPath))}`);
    return EXIT.ok;
  },
};
