import { resolve } from "node:path";
import { formatReportSummary, reportFromFiles, reportJsonPath, writeReport } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, loadOrReport, str, strs, UsageError } from "../kit.js";

/** `rampart report <paths…> -o report.html`: one self-contained HTML page, and report.json beside it. */
export const command = defineCommand("report", {
  usage: "<paths…> -o report.html",
  flags: [
    "-o, --output <FILE>  the HTML file to write (report.json is written beside it); default: required; e.g. `-o report.html`",
    "--base <git-ref|dir>  also show the semantic diff against this git ref or directory of policies; default: none; e.g. `--base origin/main`",
    "workloads",
    "-f, --file <MANIFESTS>…  manifests to admit and lint on the page (files or directories); default: none; e.g. `-f deploy/ -f -`",
    "cluster inventory at no-typescript",
  ],
  async run(args, io) {
    const out = str(args, "output");
    if (!out) throw new UsageError("`-o FILE` is required: where to write the HTML report (report.json is written beside it)");
    const loaded = await loadOrReport(io, args, args.positionals);
    const files = { inventoryFile: str(args, "inventory"), workloadsFile: str(args, "workloads"), manifestFiles: strs(args, "file") };
    const options = { paths: args.positionals, host: io, now: atOption(args), cluster: str(args, "cluster"), base: str(args, "base"), ...files };
    const { data, html, diagnostics } = await reportFromFiles(loaded.documents, options);
    if (!data || !html) return fail(io, "text", diagnostics);
    await writeReport(resolve(io.cwd, out), { data, html });
    for (const line of formatReportSummary(data)) io.out(line);
    io.out(`wrote ${out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB) and ${reportJsonPath(out)}`);
    return EXIT.ok;
  },
});
