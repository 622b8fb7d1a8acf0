import { hasErrors, loadManifests } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import { atOption, type Command, EXIT, jsonOutput, loadOrReport, OUTPUT_OPTION, printDiagnostics, str, strs, UsageError } from "../command.js";

/** `rampart admit <paths…> -f <manifests…>`: workload rules against manifests, offline. */
export const admitCommand: Command = {
  name: "admit",
  summary: "check manifests against the workload rules offline, with the emitted admission CEL",
  usage: "rampart admit <paths…> -f <manifests…> [--at TIME] [-o json]",
  options: { file: { type: "string", short: "f", multiple: true }, at: { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const files = strs(args, "file");
    if (files.length === 0) throw new UsageError("give the manifests to check with `-f FILE` (repeatable; directories too)");
    const now = atOption(args);
    const loaded = await loadOrReport(io, args.positionals, json);
    if (!loaded) return EXIT.invalid;
    const { manifests, diagnostics } = await loadManifests(files, { cwd: io.cwd });
    if (hasErrors(diagnostics)) {
      printDiagnostics(io, diagnostics);
      return EXIT.invalid;
    }
    const results = admit(loaded.documents, manifests.map((m) => m.value), { now });
    if (json) io.out(JSON.stringify({ results }, null, 2));
    else {
      for (const r of results) {
        io.out(`${r.decision.padEnd(5)} ${r.kind} ${r.namespace}/${r.name}`);
        for (const v of r.violations) io.out(`      ${v.message} [${v.policy}]`);
      }
    }
    return results.some((r) => r.decision === "deny") ? EXIT.outcome : EXIT.ok;
  },
};
