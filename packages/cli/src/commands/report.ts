import { resolve } from "node:path";
import { formatReportSummary, reportFromFiles, reportJsonPath, writeReport } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";
import { pick } from "../options.js";

/** `rampart report <paths…> -o report.html`: one self-contained HTML page, and report.json beside it. */
export const reportCommand = defineCommand("report", {
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
    const files = { inventoryFile: str(args, "inventory"), workloadsFile: str(args, "workloads"), manifestFiles: strs(args, "file") };
    const r = await reportFromFiles(loaded.documents, { paths: args.positionals, host: io, now: atOption(args), cluster: str(args, "cluster"), base: str(args, "base"), ...files });
    if (!r.data || !r.html) {
      printDiagnostics(io, r.diagnostics);
      return EXIT.invalid;
    }
    await writeReport(resolve(io.cwd, out), { data: r.data, html: r.html });
    for (const line of formatReportSummary(r.data)) io.out(line);
    io.out(`wrote ${out} (${Math.ceil(Buffer.byteLength(r.html) / 1024)} KiB) and ${reportJsonPath(out)}`);
    return EXIT.ok;
  },
});
