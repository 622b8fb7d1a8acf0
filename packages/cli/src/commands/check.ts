import { hasErrors } from "@rampart/core";
import { buildPolicies } from "@rampart/pipeline";
import { atOption, type Command, EXIT, jsonOutput, networkBackendOption, OUTPUT_OPTION, str, writePrecisionOption } from "../command.js";
import { fail, loadOrReport, printDiagnostics } from "../load-policies.js";
import { SOURCE_ROOT_OPTION, sourceRoot } from "../source-root.js";

/** `rampart check <paths…>`: every validation `build` runs (it compiles every cluster), nothing written. */
export const check: Command = {
  name: "check",
  summary: "load and validate policies; print diagnostics",
  usage: "rampart check <paths…> [--cluster NAME] [--inventory FILE] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--verbose] [-o json]",
  options: { cluster: { type: "string" }, inventory: { type: "string" }, "network-backend": { type: "string" }, "write-precision": { type: "string" }, at: { type: "string" }, verbose: { type: "boolean", short: "v" }, ...SOURCE_ROOT_OPTION, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const options = { networkBackend: networkBackendOption(args), writePrecision: writePrecisionOption(args), now: atOption(args), cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io };
    // Loaded and compiled exactly as `build` does, so both report the same problems at the same positions.
    const loaded = await loadOrReport(io, args.positionals, json, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const result = await buildPolicies(loaded.documents, options);
    const shown = args.values.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info");
    if (hasErrors(result.diagnostics)) return fail(io, json, json ? [...loaded.diagnostics, ...shown] : shown);
    const n = loaded.documents.length;
    if (json) io.out(JSON.stringify({ documents: n, clusters: [...result.clusters.keys()], diagnostics: [...loaded.diagnostics, ...shown] }, null, 2));
    else {
      printDiagnostics(io, shown);
      io.err(`ok: ${n} document${n === 1 ? "" : "s"} valid; compiled for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")})`);
    }
    return EXIT.ok;
  },
};
