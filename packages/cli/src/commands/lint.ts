import { formatDiagnostic, hasErrors, lint, loadFiles, loadManifests, sortDiagnostics } from "@rampart/core";
import { atOption, type Command, EXIT, jsonOutput, OUTPUT_OPTION, str, UsageError } from "../command.js";
import { printDiagnostics } from "../load-policies.js";

const RBAC_KINDS = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

/** `rampart lint`: privilege-escalation and least-privilege findings. */
export const lintCommand: Command = {
  name: "lint",
  summary: "find privilege-escalation paths and least-privilege problems in policies and RBAC manifests",
  usage: "rampart lint <paths or RBAC manifests…> [--at TIME] [-o json]",
  options: { at: { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    if (args.positionals.length === 0) throw new UsageError("give files or directories of policies or RBAC manifests");
    const now = atOption(args);
    const policies = await loadFiles(args.positionals, { cwd: io.cwd, skipForeign: true });
    const manifests = await loadManifests(args.positionals, { cwd: io.cwd });
    const problems = sortDiagnostics([...policies.diagnostics, ...manifests.diagnostics.filter((d) => d.code !== "file-not-found")]);
    if (hasErrors(problems)) {
      if (json) io.out(JSON.stringify({ diagnostics: problems }, null, 2));
      else printDiagnostics(io, problems);
      return EXIT.invalid;
    }
    const rbac = manifests.manifests.filter((m) => typeof m.value.kind === "string" && RBAC_KINDS.has(m.value.kind) && String(m.value.apiVersion ?? "").startsWith("rbac.authorization.k8s.io/"));
    const findings = lint(policies.documents, rbac, { now });
    const errors = findings.filter((f) => f.severity === "error").length;
    if (json) io.out(JSON.stringify({ errors, warnings: findings.length - errors, findings }, null, 2));
    else {
      for (const f of findings) io.out(formatDiagnostic(f));
      io.err(`${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"} in ${policies.documents.length} documents and ${rbac.length} RBAC objects`);
    }
    return errors > 0 ? EXIT.outcome : EXIT.ok;
  },
};
