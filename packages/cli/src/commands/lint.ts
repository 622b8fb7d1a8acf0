import { formatDiagnostic, hasErrors, lint, loadFiles, sortDiagnostics } from "@rampart/core";
import { atOption, type Command, EXIT, UsageError } from "../command.js";
import { fail, readManifests } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { paint } from "../colour.js";
import { pick } from "../options.js";

const RBAC_KINDS = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

/** `rampart lint`: privilege-escalation and least-privilege findings. */
export const lintCommand: Command = {
  name: "lint",
  summary: "find privilege-escalation paths and least-privilege problems in policies and RBAC manifests",
  usage: "rampart lint <paths or RBAC manifests…|-> [--at TIME] [--no-typescript] [-o text|json|yaml|sarif|github]",
  options: pick(["at", "no-typescript", "output"], { output: { description: "output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations)", example: "-o github" } }),
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    if (args.positionals.length === 0) throw new UsageError("give files or directories of policies or RBAC manifests (or `-` for standard input)");
    const now = atOption(args);
    const files = args.positionals.filter((p) => p !== "-");
    const policies = await loadFiles(files, { cwd: io.cwd, skipForeign: true, noTypescript: args.values["no-typescript"] === true });
    // Standard input holds manifests only (RBAC dumps); policies come from files.
    const manifests = await readManifests(io, args.positionals);
    const problems = sortDiagnostics([...policies.diagnostics, ...manifests.diagnostics.filter((d) => d.code !== "file-not-found")]);
    if (hasErrors(problems)) return fail(io, format, problems);
    const rbac = manifests.manifests.filter((m) => typeof m.value.kind === "string" && RBAC_KINDS.has(m.value.kind) && String(m.value.apiVersion ?? "").startsWith("rbac.authorization.k8s.io/"));
    const findings = lint(policies.documents, rbac, { now });
    const errors = findings.filter((f) => f.severity === "error").length;
    if (format !== "text") printReport(io, format, { errors, warnings: findings.length - errors, findings }, findings);
    else {
      for (const f of findings) io.out(paint(io, formatDiagnostic(f)));
      io.err(`${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"} in ${policies.documents.length} documents and ${rbac.length} RBAC objects`);
    }
    return errors > 0 ? EXIT.outcome : EXIT.ok;
  },
};
