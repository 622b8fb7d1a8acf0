import { formatDiagnostic } from "@rampart/core";
import { formatLearnSummary, learnFromAuditLogs, writeLearnedFiles } from "@rampart/pipeline";
import { atOption, type Command, EXIT, str, strs, UsageError } from "../command.js";
import { pick } from "../options.js";

function time(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw new UsageError(`\`--${flag} ${value}\` is not a timestamp like \`2026-12-31T18:00:00Z\``);
  return t;
}

/** `rampart learn <audit.jsonl…>`: least-privilege AccessPolicies from audit events, proven by replay. */
export const learnCommand: Command = {
  name: "learn",
  summary: "learn least-privilege AccessPolicies from Kubernetes audit logs, proven by replay",
  usage: "rampart learn <audit.jsonl|.gz|-…> [-o <dir>] [--format yaml|ts] [--by-group G]… [--since T] [--until T] [--inventory FILE] [--rbac MANIFESTS…|live [--context CTX] [--kubeconfig FILE]] [--json]",
  options: {
    output: { type: "string", short: "o", description: "the directory to write the learned policies to", default: "standard output", example: "-o learned/" },
    format: { type: "string", description: "`yaml` or `ts` (typed builders)", default: "yaml", example: "--format ts" },
    "by-group": { type: "string", multiple: true, description: "learn one policy per group instead of per user (repeatable)", default: "none", example: "--by-group payments" },
    since: { type: "string", description: "ignore audit events before this instant", default: "the first event", example: "--since 2026-11-01T00:00:00Z" },
    until: { type: "string", description: "ignore audit events after this instant", default: "the last event", example: "--until 2026-12-01T00:00:00Z" },
    ...pick(["inventory", "rbac", "context", "kubeconfig", "at"], {
      rbac: { description: "the current grants the learned policies are compared with (what they would remove): RBAC manifests, or `live` to read them from the cluster", example: "--rbac live --context prod" },
      context: { multiple: false, description: "the kubeconfig context `--rbac live` reads" },
    }),
    json: { type: "boolean", description: "print a JSON summary (status, files written, diagnostics) instead of text", default: "off", example: "--json" },
  },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError("give at least one audit log (`.jsonl`, `.gz`, or `-` for standard input)");
    const format = str(args, "format") ?? "yaml";
    if (format !== "yaml" && format !== "ts") throw new UsageError(`\`--format ${format}\`: use \`yaml\` or \`ts\``);
    const since = time("since", str(args, "since"));
    const until = time("until", str(args, "until"));
    const inventoryFile = str(args, "inventory");
    const rbac = strs(args, "rbac");
    const live = rbac.includes("live");
    if (live && rbac.length > 1) throw new UsageError("`--rbac live` reads the current grants from the cluster: give it alone, not with manifests (`./live` names a file called live)");
    const context = str(args, "context");
    const kubeconfig = str(args, "kubeconfig");
    if (!live && (context ?? kubeconfig) !== undefined) throw new UsageError("`--context` and `--kubeconfig` choose the cluster of `--rbac live`: add `--rbac live`");
    const result = await learnFromAuditLogs(args.positionals, {
      cwd: io.cwd,
      at: atOption(args),
      format,
      byGroup: strs(args, "by-group"),
      ...(live ? { rbacLive: { ...(context !== undefined ? { context } : {}), ...(kubeconfig !== undefined ? { kubeconfig } : {}) } } : { rbacFiles: rbac }),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(inventoryFile !== undefined ? { inventoryFile } : {}),
    });
    const json = args.values["json"] === true;
    const dir = str(args, "output");
    const shown = result.diagnostics.slice(0, 50);
    if (!json) {
      for (const d of shown) io.err(formatDiagnostic(d));
      if (result.diagnostics.length > shown.length) io.err(`… and ${result.diagnostics.length - shown.length} more warnings`);
    }
    if (result.status !== EXIT.invalid && dir !== undefined) await writeLearnedFiles(dir, result.files, io.cwd);
    if (json) io.out(JSON.stringify({ status: result.status, ...(dir !== undefined && result.status !== EXIT.invalid ? { written: result.files.map((f) => f.path) } : {}), summary: result.summary, diagnostics: result.diagnostics }, null, 2));
    else {
      // Without -o the policies go to standard output and the summary to standard error.
      if (dir === undefined && result.status !== EXIT.invalid) io.out(result.files.map((f) => f.content).join(format === "yaml" ? "---\n" : "\n"));
      for (const line of formatLearnSummary(result.summary, dir)) io.err(line);
    }
    return result.status;
  },
};
