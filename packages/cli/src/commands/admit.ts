import { hasErrors } from "@rampart/core";
import { admitWithObjects, compileVap } from "@rampart/compiler-vap";
import { atOption, type Command, EXIT, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport, printDiagnostics, readManifests } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/**
 * `rampart admit <paths…> -f <manifests…>`: the WorkloadPolicies compiled to
 * ValidatingAdmissionPolicies, and those very expressions run on the manifests, offline.
 * Exit 1 when a manifest is denied, 2 on invalid policies or manifests.
 */
export const admitCommand: Command = {
  name: "admit",
  summary: "check manifests against the workload rules offline, with the emitted admission CEL",
  usage: "rampart admit <paths…> -f <manifests…|-> [-n NAMESPACE] [--at TIME] [--no-typescript] [-o text|json|yaml|sarif|github]",
  options: pick(["file", "namespace", "at", "no-typescript", "output"], {
    file: { description: "the manifests to check (files or directories; `-` reads standard input, e.g. from `helm template`)", default: "none (required)" },
    output: { description: "output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations)", example: "-o sarif" },
  }),
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    const files = strs(args, "file");
    if (files.length === 0) throw new UsageError("give the manifests to check with `-f FILE` (repeatable; directories too; `-f -` reads standard input)");
    const now = atOption(args);
    const namespace = str(args, "namespace");
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const compiled = compileVap(loaded.documents, { now });
    const { manifests, diagnostics } = await readManifests(io, files);
    const problems = [...compiled.diagnostics, ...diagnostics];
    if (hasErrors(problems)) return fail(io, format, problems);
    if (format === "text") printDiagnostics(io, problems);
    const results = manifests.flatMap((m) => admitWithObjects(compiled.objects, [m.value], namespace ? { namespace } : {}).map((r) => ({ ...r, file: m.file, line: m.line, column: m.column })));
    const count = (d: string) => results.filter((r) => r.decision === d).length;
    if (format !== "text") {
      // A finding per violation of a denied or warned manifest, at the manifest's position.
      const findings = results.flatMap((r) => r.violations.map((v) => ({ code: v.policy, severity: v.actions.includes("Deny") ? ("error" as const) : ("warning" as const), message: `${r.kind} ${r.namespace}/${r.name}: ${v.message}`, file: r.file, line: r.line, column: r.column })));
      printReport(io, format, { results, diagnostics: problems }, [...problems, ...findings]);
    } else {
      for (const r of results) {
        io.out(`${r.decision.padEnd(5)} ${r.kind} ${r.namespace}/${r.name} (${r.file}:${r.line})`);
        for (const v of r.violations) io.out(`      ${v.message} [${v.policy}${v.actions.includes("Deny") ? "" : `, ${v.actions.join("+")}`}]`);
      }
      io.err(`${results.length} workload manifest${results.length === 1 ? "" : "s"}: ${count("deny")} denied, ${count("warn")} warned, ${count("allow")} admitted`);
    }
    return count("deny") > 0 ? EXIT.outcome : EXIT.ok;
  },
};
