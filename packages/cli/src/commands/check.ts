import { hasErrors } from "@rampart/core";
import { buildPoliciesInParallel, buildSummary } from "@rampart/pipeline/build";
import { BUILD_FLAGS, buildOptions, defineCommand, EXIT, fail, loadOrReport, outputFormat, printResult, shownDiagnostics, sourceRootOption } from "../kit.js";
import { parallelOptions } from "../kit.js";

/** `rampart check <paths…>`: every validation `build` runs (it compiles every cluster), nothing written. */
export const command = defineCommand("check", {
  usage: "<paths…|->",
  flags: [
    BUILD_FLAGS,
    "jobs",
    "-o, --output <text|json|yaml|sarif|github>  output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations); default: text; e.g. `-o sarif`",
  ],
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    const options = buildOptions(args, io);
    // Loaded and compiled exactly as `build` does, so both report the same problems at the same positions.
    const root = sourceRootOption(io, args);
    const loaded = await loadOrReport(io, args, args.positionals, format, root);
    const result = await buildPoliciesInParallel(loaded.documents, { ...options, ...parallelOptions(io, args, root) });
    const shown = shownDiagnostics(args, result.diagnostics);
    const all = format === "text" ? shown : [...loaded.diagnostics, ...shown];
    if (hasErrors(result.diagnostics)) return fail(io, format, all);
    const { data, note } = buildSummary(loaded.documents.length, result, all);
    return printResult(io, format, { data, findings: all, diagnostics: shown, notes: [note] }, EXIT.ok);
  },
});
