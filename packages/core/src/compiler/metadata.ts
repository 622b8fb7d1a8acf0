import type { SourcePosition } from "../diagnostics.js";

/** The label every generated object carries, so that drift detection finds rampart's objects. */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
/** The label naming the policy an object was generated from. */
export const POLICY_LABEL = "rampart.dev/policy";
/** The annotation naming the source file(s) and line(s) an object was generated from. */
export const SOURCE_ANNOTATION = "rampart.dev/source";

/** The labels of a generated object: managed by rampart, from `policy` (a valid label value). */
export function managedLabels(policy: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: "rampart", [POLICY_LABEL]: policy };
}

/** `file:line` of a source position, as the source annotation writes it. */
export function sourceRef(at: Pick<SourcePosition, "file" | "line">): string {
  return `${at.file}:${at.line}`;
}

/** The annotations of a generated object: where it came from (`file:line`, or several joined). */
export function sourceAnnotations(source: string): Record<string, string> {
  return { [SOURCE_ANNOTATION]: source };
}
