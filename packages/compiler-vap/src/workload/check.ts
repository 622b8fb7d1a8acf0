import type { WorkloadRuleName } from "@rampart/core";

/** The container list a check walks: every container, or those that can have resources. */
export type ContainerList = "containers" | "resourceContainers";

/**
 * One compiled check, the unit of a validation. CEL runs with `variables.podSpec`,
 * `variables.containers` (containers, initContainers and
 * ephemeralContainers), `variables.resourceContainers` (without ephemeral ones) and
 * `variables.subject` (`Kind namespace/name`) available; container conditions see the container as `c`.
 */
export interface Check {
  /** What a violation names: the catalogue rule name, or the Pod Security check id. */
  readonly id: string;
  /** The policy rule it comes from (exemptions name these). */
  readonly rule: WorkloadRuleName;
  /** One line of documentation. */
  readonly docs: string;
  /** When this CEL is true the check does not apply (e.g. Windows pods, user-namespace pods). */
  readonly relax?: string;
  /** A pod-level condition, and a CEL string expression describing its failure (evaluated only when it fails). */
  readonly pod?: { readonly ok: string; readonly problem: string };
  /** A per-container condition on `c`, and the fix a failing container needs (plain text). */
  readonly container?: { readonly list: ContainerList; readonly ok: string; readonly fix: string };
  /** A static message for when the message expression cannot be evaluated. */
  readonly message: string;
}

/** Optional access with a default: `base.?a.?b.orValue(dflt)`. */
export function opt(base: string, path: string, dflt: string): string {
  return `${base}${path
    .split(".")
    .map((p) => `.?${p}`)
    .join("")}.orValue(${dflt})`;
}

/** True when an optional path is present: `base.?a.?b.hasValue()`. */
export function present(base: string, path: string): string {
  return `${base}${path
    .split(".")
    .map((p) => `.?${p}`)
    .join("")}.hasValue()`;
}
