import { hasErrors, type Diagnostic, type Manifest, type RampartDocument, type SourcePosition } from "@rampart/core";
import { admitWithObjects, compileVap, type AdmitResult } from "@rampart/compiler-vap";
import type { OutputFinding } from "../output/finding.js";

/** Options of `admitManifests`. */
export interface AdmitManifestsOptions {
  /** The instant exemptions' `expires` is judged against (default: now). */
  now?: Date;
  /** The namespace of manifests that name none (default `default`). */
  namespace?: string | undefined;
}

/** The admission outcome of one manifest, at its position. */
export type ManifestAdmission = AdmitResult & SourcePosition;

/** The outcome of each manifest in order (kinds no policy can match left out); undefined when the WorkloadPolicies do not compile. */
export interface AdmitManifestsResult {
  results?: ManifestAdmission[];
  /** The compiler's diagnostics. */
  diagnostics: Diagnostic[];
}

/**
 * Admits manifests offline: the WorkloadPolicies compiled to ValidatingAdmissionPolicies, and
 * those very expressions run on each manifest as the API server would on CREATE.
 */
export function admitManifests(
  documents: readonly RampartDocument[],
  manifests: readonly Manifest[],
  options: AdmitManifestsOptions = {},
): AdmitManifestsResult {
  const compiled = compileVap(documents, options.now ? { now: options.now } : {});
  if (hasErrors(compiled.diagnostics)) return { diagnostics: compiled.diagnostics };
  const admitOptions = options.namespace ? { namespace: options.namespace } : {};
  const results = manifests.flatMap((m) =>
    admitWithObjects(compiled.objects, [m.value], admitOptions).map((r) => ({ ...r, file: m.file, line: m.line, column: m.column })),
  );
  return { results, diagnostics: compiled.diagnostics };
}

/** A finding per violation of a denied or warned manifest, at the manifest's position (errors for Deny, else warnings). */
export function admissionFindings(results: readonly ManifestAdmission[]): OutputFinding[] {
  return results.flatMap((r) =>
    r.violations.map((v) => ({
      code: v.policy,
      severity: v.actions.includes("Deny") ? ("error" as const) : ("warning" as const),
      message: `${r.kind} ${r.namespace}/${r.name}: ${v.message}`,
      file: r.file,
      line: r.line,
      column: r.column,
    })),
  );
}

/** How many manifests got each decision. */
export function admissionCounts(results: readonly ManifestAdmission[]): Record<AdmitResult["decision"], number> {
  const count = (d: AdmitResult["decision"]) => results.filter((r) => r.decision === d).length;
  return { deny: count("deny"), warn: count("warn"), allow: count("allow") };
}

/** Lines of each manifest's decision and violations, then a summary line (`3 workload manifests: 1 denied, …`). */
export function formatAdmission(results: readonly ManifestAdmission[]): { lines: string[]; summary: string } {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.decision.padEnd(5)} ${r.kind} ${r.namespace}/${r.name} (${r.file}:${r.line})`);
    for (const v of r.violations) lines.push(`      ${v.message} [${v.policy}${v.actions.includes("Deny") ? "" : `, ${v.actions.join("+")}`}]`);
  }
  const c = admissionCounts(results);
  return { lines, summary: `${results.length} workload manifest${results.length === 1 ? "" : "s"}: ${c.deny} denied, ${c.warn} warned, ${c.allow} admitted` };
}
