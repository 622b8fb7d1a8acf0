import { resolve } from "node:path";
import { formatVerdict, verifyTree } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, loadOrReport, outputFormat, printResult, sourceRootOption, str, UsageError } from "../kit.js";

/** `rampart verify <paths…> <dir>`: re-proves never-over-grant on a built tree. */
export const command = defineCommand("verify", {
  usage: "<paths…> <dir>",
  flags: ["cluster inventory at source-root no-typescript output"],
  async run(args, io) {
    const format = outputFormat(args);
    if (args.positionals.length < 2) throw new UsageError("give the policies and the built directory");
    const dir = resolve(io.cwd, args.positionals.at(-1)!);
    const now = atOption(args);
    // Loaded as `build` loads them, so that the report's positions name the same files.
    const loaded = await loadOrReport(io, args, args.positionals.slice(0, -1), format, sourceRootOption(io, args));
    const result = await verifyTree(loaded.documents, dir, { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now, host: io });
    if (result.diagnostics.some((d) => d.severity === "error")) return fail(io, format, result.diagnostics);
    const data = { ok: result.ok, clusters: result.clusters };
    return printResult(io, format, { data, lines: formatVerdict(result) }, result.ok ? EXIT.ok : EXIT.outcome);
  },
});
