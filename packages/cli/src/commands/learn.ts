import { formatLearnSummary, learnFromAuditLogs, learnJson, learnOptionsFromFlags, writeLearnedFiles } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, orUsage, printDiagnostics, str, strs, timeOption, UsageError } from "../kit.js";

/** `rampart learn <audit.jsonl…>`: least-privilege AccessPolicies from audit events, proven by replay. */
export const command = defineCommand("learn", {
  usage: "<audit.jsonl|.gz|-…>",
  flags: [
    "-o, --output <DIR>  the directory to write the learned policies to; default: standard output; e.g. `-o learned/`",
    "--format <yaml|ts>  `yaml` or `ts` (typed builders); default: yaml; e.g. `--format ts`",
    "--by-group <G>…  learn one policy per group instead of per user (repeatable); default: none; e.g. `--by-group payments`",
    "--since <T>  ignore audit events before this instant; default: the first event; e.g. `--since 2026-11-01T00:00:00Z`",
    "--until <T>  ignore audit events after this instant; default: the last event; e.g. `--until 2026-12-01T00:00:00Z`",
    "inventory",
    "--rbac <MANIFESTS|live>…  the current grants the learned policies are compared with (what they would remove): RBAC manifests, or `live` to read them from the cluster; default: none; e.g. `--rbac live --context prod`",
    "--context <CTX>  the kubeconfig context `--rbac live` reads; default: the current context; e.g. `--context prod`",
    "kubeconfig at",
    "--json  print a JSON summary (status, files written, diagnostics) instead of text; default: off; e.g. `--json`",
  ],
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError("give at least one audit log (`.jsonl`, `.gz`, or `-` for standard input)");
    const [format, since, until] = [str(args, "format"), timeOption("since", str(args, "since")), timeOption("until", str(args, "until"))];
    const [rbac, context, kubeconfig, inventoryFile, byGroup] = [
      strs(args, "rbac"),
      str(args, "context"),
      str(args, "kubeconfig"),
      str(args, "inventory"),
      strs(args, "by-group"),
    ];
    const { options } = orUsage(
      learnOptionsFromFlags({ format, since, until, rbac, context, kubeconfig, inventoryFile, byGroup, at: atOption(args), cwd: io.cwd }),
    );
    const result = await learnFromAuditLogs(args.positionals, options);
    const [dir, ok] = [str(args, "output"), result.status !== EXIT.invalid];
    if (args.values.json !== true) printDiagnostics(io, result.diagnostics.slice(0, 50));
    if (args.values.json !== true && result.diagnostics.length > 50) io.err(`… and ${result.diagnostics.length - 50} more warnings`);
    if (ok && dir !== undefined) await writeLearnedFiles(dir, result.files, io.cwd);
    if (args.values.json === true) io.out(learnJson(result, dir));
    // Without -o the policies go to standard output and the summary to standard error.
    else if (dir === undefined && ok) io.out(result.files.map((f) => f.content).join(options.format === "yaml" ? "---\n" : "\n"));
    if (args.values.json !== true) for (const line of formatLearnSummary(result.summary, dir)) io.err(line);
    return result.status;
  },
});
