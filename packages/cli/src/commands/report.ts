import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { reportFromFiles, type AccessMatrix } from "@rampart/pipeline";
import { atOption, type Command, EXIT, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";
import { pick } from "../options.js";

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
    output: { type: "string", short: "o", description: "the HTML file to write (report.json is written beside it)", default: "required", example: "-o report.html" },
    base: { type: "string", description: "also show the semantic diff against this git ref or directory of policies", default: "none", example: "--base origin/main" },
    ...pick(["workloads", "file", "cluster", "inventory", "at", "no-typescript"], { file: { description: "manifests to admit and lint on the page (files or directories)" } }),
  },
  async run(args, io) {
    const out = str(args, "output");
    if (!out) throw new UsageError("`-o FILE` is required: where to write the HTML report (report.json is written beside it)");
    const loaded = await loadOrReport(io, args, args.positionals);
    if (!loaded) return EXIT.invalid;
    const cluster = str(args, "cluster");
    const files = strs(args, "file");
    const r = await reportFromFiles(loaded.documents, {
      paths: args.positionals,
      host: io,
      now: atOption(args),
      ...(cluster !== undefined ? { cluster } : {}),
      ...(str(args, "base") !== undefined ? { base: str(args, "base")! } : {}),
      ...(str(args, "inventory") !== undefined ? { inventoryFile: str(args, "inventory")! } : {}),
      ...(str(args, "workloads") !== undefined ? { workloadsFile: str(args, "workloads")! } : {}),
      ...(files.length > 0 ? { manifestFiles: files } : {}),
    });
    if (!r.data || !r.html) {
      printDiagnostics(io, r.diagnostics);
      return EXIT.invalid;
    }
    const { data, html } = r;
    const htmlPath = resolve(io.cwd, out);
    const jsonPath = join(dirname(htmlPath), `${basename(htmlPath, extname(htmlPath))}.json`);
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
