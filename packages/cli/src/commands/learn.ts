import { learnFromAuditLogs, learnOptionsFromFlags, learnOutput, writeLearnedFiles } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, orUsage, printResult, str, strs, timeOption, UsageError } from "../kit.js";

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
    const [rbac, byGroup] = [strs(args, "rbac"), strs(args, "by-group")];
    const [context, kubeconfig, inventoryFile] = ["context", "kubeconfig", "inventory"].map((n) => str(args, n));
    const flags = { format, since, until, rbac, context, kubeconfig, inventoryFile, byGroup, at: atOption(args), cwd: io.cwd };
    const { options } = orUsage(learnOptionsFromFlags(flags));
    const result = await learnFromAuditLogs(args.positionals, options);
    const dir = str(args, "output");
    if (result.status !== EXIT.invalid && dir !== undefined) await writeLearnedFiles(dir, result.files, io.cwd);
    const output = learnOutput(result, { json: args.values.json === true, dir, format: options.format });
    return printResult(io, "text", { data: undefined, ...output }, result.status);
  },
});
