import { hasErrors, loadManifests } from "@rampart/core";
import { admitWithObjects, compileVap } from "@rampart/compiler-vap";
import { atOption, type Command, EXIT, jsonOutput, OUTPUT_OPTION, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

/**
 * `rampart admit <paths…> -f <manifests…>`: the WorkloadPolicies compiled to
 * ValidatingAdmissionPolicies, and those very expressions run on the manifests, offline.
 * Exit 1 when a manifest is denied, 2 on invalid policies or manifests.
 */
export const admitCommand: Command = {
  name: "admit",
  summary: "check manifests against the workload rules offline, with the emitted admission CEL",
  usage: "rampart admit <paths…> -f <manifests…> [-n NAMESPACE] [--at TIME] [-o json]",
  options: { file: { type: "string", short: "f", multiple: true }, namespace: { type: "string", short: "n" }, at: { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const files = strs(args, "file");
    if (files.length === 0) throw new UsageError("give the manifests to check with `-f FILE` (repeatable; directories too)");
    const now = atOption(args);
    const namespace = str(args, "namespace");
    const loaded = await loadOrReport(io, args.positionals, json);
    if (!loaded) return EXIT.invalid;
    const compiled = compileVap(loaded.documents, { now });
    const { manifests, diagnostics } = await loadManifests(files, { cwd: io.cwd });
    const problems = [...compiled.diagnostics, ...diagnostics];
    if (hasErrors(problems)) {
      if (json) io.out(JSON.stringify({ diagnostics: problems }, null, 2));
      else printDiagnostics(io, problems);
      return EXIT.invalid;
    }
    if (!json) printDiagnostics(io, problems);
    const results = manifests.flatMap((m) => admitWithObjects(compiled.objects, [m.value], namespace ? { namespace } : {}).map((r) => ({ ...r, file: m.file, line: m.line })));
    const count = (d: string) => results.filter((r) => r.decision === d).length;
    if (json) io.out(JSON.stringify({ results, diagnostics: problems }, null, 2));
    else {
      for (const r of results) {
        io.out(`${r.decision.padEnd(5)} ${r.kind} ${r.namespace}/${r.name} (${r.file}:${r.line})`);
        for (const v of r.violations) io.out(`      ${v.message} [${v.policy}${v.actions.includes("Deny") ? "" : `, ${v.actions.join("+")}`}]`);
      }
      io.err(`${results.length} workload manifest${results.length === 1 ? "" : "s"}: ${count("deny")} denied, ${count("warn")} warned, ${count("allow")} admitted`);
    }
    return count("deny") > 0 ? EXIT.outcome : EXIT.ok;
  },
};
