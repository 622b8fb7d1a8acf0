// Owned by the compiler-vap work: the normalised WorkloadPolicy model that compilers consume.
// Compilers import this IR, never the zod schemas or YAML: rules are a tagged union, defaults are
// filled in, expired exemptions are dropped (and reported), and every part keeps its position.
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics.js";
import { documentsOfKind, positionOf, type RampartDocument } from "../documents.js";
import { timestampMillis } from "../schema/common.js";
import { WORKLOAD_KINDS, type WorkloadRule, type WorkloadRuleName } from "../schema/workload-policy.js";

/** A kind a WorkloadPolicy reaches: Pod or a pod-template controller. */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** One workload rule, tagged by its name as written in the policy. */
export type WorkloadRuleSpec =
  | { readonly name: "podSecurity"; readonly level: "baseline" | "restricted" }
  | { readonly name: "readOnlyRootFilesystem" }
  | { readonly name: "automountServiceAccountToken" }
  | { readonly name: "imageDigest" }
  | { readonly name: "allowedRegistries"; readonly prefixes: readonly string[] }
  | { readonly name: "disallowLatestTag" }
  | { readonly name: "resources"; readonly limits: readonly string[]; readonly requests: readonly string[] }
  | { readonly name: "forbiddenContainerPorts"; readonly ports: readonly number[] }
  | { readonly name: "requiredLabels"; readonly keys: readonly string[] }
  | {
      readonly name: "cel";
      /** The custom rule's own name (what violations name instead of `cel`), if it has one. */
      readonly ruleName: string | undefined;
      readonly expression: string;
      readonly message: string;
      readonly expressionSource: SourcePosition;
    };

/** A normalised workload rule with its place in the policy. */
export interface WorkloadRuleIR {
  /** 0-based index in `spec.rules`. */
  readonly index: number;
  readonly rule: WorkloadRuleSpec;
  readonly source: SourcePosition;
}

/** A live (unexpired) exemption. */
export interface WorkloadExemptionIR {
  /** 0-based index in `spec.exemptions`. */
  readonly index: number;
  /** Namespace globs; undefined: any namespace. */
  readonly namespaces: readonly string[] | undefined;
  /** Image globs (`*` crosses `/`); undefined: any image. */
  readonly images: readonly string[] | undefined;
  /** Rule names skipped; undefined: every rule of the policy. */
  readonly rules: readonly WorkloadRuleName[] | undefined;
  readonly owner: string;
  /** Expiry as written, and in epoch ms. */
  readonly expires: { readonly text: string; readonly millis: number } | undefined;
  readonly reason: string | undefined;
  readonly source: SourcePosition;
}

/** A normalised WorkloadPolicy. */
export interface WorkloadPolicyIR {
  readonly name: string;
  readonly action: "deny" | "warn" | "audit";
  readonly match: {
    /** Namespace globs; undefined: every namespace. */
    readonly namespaces: readonly string[] | undefined;
    readonly excludeNamespaces: readonly string[];
    readonly namespaceLabels: Readonly<Record<string, string>>;
    /** Kinds in the order of WORKLOAD_KINDS, without duplicates. */
    readonly kinds: readonly WorkloadKind[];
  };
  readonly exemptions: readonly WorkloadExemptionIR[];
  readonly rules: readonly WorkloadRuleIR[];
  readonly source: SourcePosition;
}

/** Options of `normaliseWorkload`. */
export interface NormaliseWorkloadOptions {
  /** The instant exemptions' `expires` is judged against (default: now). */
  readonly now?: Date;
}

/** The rule of a validated workload rule object. */
function ruleSpec(rule: WorkloadRule, source: SourcePosition): WorkloadRuleSpec {
  if (rule.podSecurity) return { name: "podSecurity", level: rule.podSecurity };
  if (rule.readOnlyRootFilesystem) return { name: "readOnlyRootFilesystem" };
  if (rule.automountServiceAccountToken === false) return { name: "automountServiceAccountToken" };
  if (rule.imageDigest) return { name: "imageDigest" };
  if (rule.allowedRegistries) return { name: "allowedRegistries", prefixes: [...rule.allowedRegistries] };
  if (rule.disallowLatestTag) return { name: "disallowLatestTag" };
  if (rule.resources) return { name: "resources", limits: [...(rule.resources.limits ?? [])], requests: [...(rule.resources.requests ?? [])] };
  if (rule.forbiddenContainerPorts) return { name: "forbiddenContainerPorts", ports: [...rule.forbiddenContainerPorts] };
  if (rule.requiredLabels) return { name: "requiredLabels", keys: [...rule.requiredLabels] };
  if (rule.cel) return { name: "cel", ruleName: rule.cel.name, expression: rule.cel.expression, message: rule.cel.message, expressionSource: source };
  throw new Error("unreachable: a validated workload rule has exactly one rule key");
}

/**
 * Normalises the WorkloadPolicies among `documents`: defaults filled in (action `deny`, every
 * kind), rules tagged, exemptions whose `expires` is not after `now` dropped and reported as
 * `exemption-expired` warnings (their rules apply again).
 */
export function normaliseWorkload(
  documents: readonly RampartDocument[],
  options: NormaliseWorkloadOptions = {},
): { policies: WorkloadPolicyIR[]; diagnostics: Diagnostic[] } {
  const now = (options.now ?? new Date()).getTime();
  const diagnostics: Diagnostic[] = [];
  const policies: WorkloadPolicyIR[] = [];
  for (const doc of documentsOfKind(documents, "WorkloadPolicy")) {
    const spec = doc.spec;
    const exemptions: WorkloadExemptionIR[] = [];
    (spec.exemptions ?? []).forEach((e, index) => {
      const millis = e.expires === undefined ? undefined : timestampMillis(e.expires);
      if (millis !== undefined && millis <= now) {
        diagnostics.push(
          diagnostic(
            "exemption-expired",
            "warning",
            `exemption ${index} of WorkloadPolicy \`${doc.metadata.name}\` (owner \`${e.owner}\`) expired on \`${e.expires}\`: its rules apply again`,
            positionOf(doc, ["spec", "exemptions", index, "expires"]),
            "remove the exemption, or renew `expires` with its owner",
          ),
        );
        return;
      }
      exemptions.push({
        index,
        namespaces: e.namespaces ? [...e.namespaces] : undefined,
        images: e.images ? [...e.images] : undefined,
        rules: e.rules ? [...new Set(e.rules)] : undefined,
        owner: e.owner,
        expires: e.expires !== undefined && millis !== undefined ? { text: e.expires, millis } : undefined,
        reason: e.reason,
        source: positionOf(doc, ["spec", "exemptions", index]),
      });
    });
    const match = spec.match ?? {};
    const kinds = match.kinds ? WORKLOAD_KINDS.filter((k) => match.kinds!.includes(k)) : [...WORKLOAD_KINDS];
    policies.push({
      name: doc.metadata.name,
      action: spec.action ?? "deny",
      match: {
        namespaces: match.namespaces ? [...new Set(match.namespaces)] : undefined,
        excludeNamespaces: [...new Set(match.excludeNamespaces ?? [])],
        namespaceLabels: { ...(match.namespaceLabels ?? {}) },
        kinds,
      },
      exemptions,
      rules: spec.rules.map((rule, index) => ({
        index,
        rule: ruleSpec(rule, positionOf(doc, ["spec", "rules", index, "cel", "expression"])),
        source: positionOf(doc, ["spec", "rules", index]),
      })),
      source: positionOf(doc, []),
    });
  }
  return { policies, diagnostics };
}
