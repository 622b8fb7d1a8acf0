import { resolve } from "node:path";
import { formatVerdict, verifyTree } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, str, UsageError } from "../command.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";
import { fail, loadOrReport, sourceRootOption } from "../load-policies.js";

/** `rampart verify <paths…> <dir>`: re-proves never-over-grant on a built tree. */
export const verify = defineCommand("verify", {
  usage: "rampart verify <paths…> <dir> [--cluster NAME] [--inventory FILE] [--at TIME] [--source-root DIR] [--no-typescript] [-o text|json|yaml]",
  options: pick(["cluster", "inventory", "at", "source-root", "no-typescript", "output"]),
  async run(args, io) {
    const format = outputFormat(args);
    if (args.positionals.length < 2) throw new UsageError("give the policies and the built directory");
    const dir = resolve(io.cwd, args.positionals.at(-1)!);
    const now = atOption(args);
    // Loaded as `build` loads them, so that the report's positions name the same files.
    const loaded = await loadOrReport(io, args, args.positionals.slice(0, -1), format, sourceRootOption(io, args));
    if (!loaded) return EXIT.invalid;
    const result = await verifyTree(loaded.documents, dir, { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now, host: io });
    if (result.diagnostics.some((d) => d.severity === "error")) return fail(io, format, result.diagnostics);
    if (format !== "text") printReport(io, format, { ok: result.ok, clusters: result.clusters }, []);
    else for (const line of formatVerdict(result)) io.out(line);
    return result.ok ? EXIT.ok : EXIT.outcome;
  },
});
