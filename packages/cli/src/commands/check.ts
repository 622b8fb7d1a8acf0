import { hasErrors } from "@rampart/core";
import { buildPolicies } from "@rampart/pipeline";
import { buildOptions, defineCommand, EXIT, shownDiagnostics } from "../command.js";
import { fail, loadOrReport, printDiagnostics, sourceRootOption } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart check <paths…>`: every validation `build` runs (it compiles every cluster), nothing written. */
export const check = defineCommand("check", {
  usage: "rampart check <paths…|-> [--cluster NAME] [--inventory FILE] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--no-typescript] [--verbose] [-o text|json|yaml|sarif|github]",
  options: pick(["cluster", "inventory", "network-backend", "write-precision", "at", "verbose", "source-root", "no-typescript", "output"], { output: { description: "output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations)", example: "-o sarif" } }),
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    const options = buildOptions(args, io);
    // Loaded and compiled exactly as `build` does, so both report the same problems at the same positions.
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRootOption(io, args));
    if (!loaded) return EXIT.invalid;
    const result = await buildPolicies(loaded.documents, options);
    const shown = shownDiagnostics(args, result.diagnostics);
    const all = format === "text" ? shown : [...loaded.diagnostics, ...shown];
    if (hasErrors(result.diagnostics)) return fail(io, format, all);
    const n = loaded.documents.length;
    if (format !== "text") printReport(io, format, { documents: n, clusters: [...result.clusters.keys()], diagnostics: all }, all);
    else {
      printDiagnostics(io, shown);
      io.err(`ok: ${n} document${n === 1 ? "" : "s"} valid; compiled for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")})`);
    }
    return EXIT.ok;
  },
});
