import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { loadFiles } from "../load/load-files.js";
import { loadManifests, type Manifest } from "../load/load-manifests.js";
import { lint, type Finding } from "./lint.js";

const RBAC_KINDS = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

/** True for RBAC objects (Roles, ClusterRoles and their bindings, `rbac.authorization.k8s.io`). */
export function isRbacObject(o: Record<string, unknown>): boolean {
  return RBAC_KINDS.has(String(o.kind)) && String(o.apiVersion).startsWith("rbac.authorization.k8s.io/");
}

/** Options of `lintFiles`. */
export interface LintFilesOptions {
  cwd: string;
  /** The text the path `-` stands for: manifests only (an RBAC dump), read by the caller. */
  stdin?: string | undefined;
  noTypescript?: boolean;
  /** The instant rule expiry is judged at (default: now). */
  now?: Date;
}

/** The findings, and what was linted; undefined findings when an input is invalid (`diagnostics` says why). */
export interface LintFilesResult {
  findings?: Finding[];
  documents: number;
  rbacObjects: number;
  diagnostics: Diagnostic[];
}

/**
 * Lints policies and plain RBAC manifests together (privilege escalation, least privilege): the
 * paths are read both as policies (other documents skipped) and as manifests, of which the RBAC
 * objects count.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions): Promise<LintFilesResult> {
  const policies = await loadFiles(
    paths.filter((p) => p !== "-"),
    { cwd: options.cwd, skipForeign: true, noTypescript: options.noTypescript ?? false },
  );
  const manifests = await loadManifests(paths, { cwd: options.cwd, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
  // A path is missing for both readers alike: its policy diagnostic says it once.
  const diagnostics = sortDiagnostics([...policies.diagnostics, ...manifests.diagnostics.filter((d) => d.code !== "file-not-found")]);
  const rbac: Manifest[] = manifests.manifests.filter((m) => isRbacObject(m.value));
  const counts = { documents: policies.documents.length, rbacObjects: rbac.length };
  if (hasErrors(diagnostics)) return { ...counts, diagnostics };
  return { findings: lint(policies.documents, rbac, options.now ? { now: options.now } : {}), ...counts, diagnostics };
}

/** The closing line of a lint run: `2 errors, 1 warning in 9 documents and 4 RBAC objects`. */
export function lintSummary(result: LintFilesResult): string {
  const errors = result.findings?.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (result.findings?.length ?? 0) - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${result.documents} documents and ${result.rbacObjects} RBAC objects`;
}
