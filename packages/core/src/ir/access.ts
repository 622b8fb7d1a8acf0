import { dirname, isAbsolute, resolve } from "node:path";
import type { SourcePosition } from "../diagnostics.js";
import { documentsOfKind, positionOf, sourceOf, type RampartDocument } from "../documents.js";
import { compileGlob, type Glob } from "../glob.js";
import { parseResourceRef, type ResourceRef } from "../resource-ref.js";
import { timestampMillis } from "../schema/common.js";

/** A normalised access rule: parsed resources, compiled globs, expiry in epoch ms. */
export interface AccessRuleIR {
  /** Name of the AccessPolicy. */
  readonly policy: string;
  /** 0-based index of the rule in `spec.rules`. */
  readonly index: number;
  /** Global order: policies in load order, rules in order (used to report the first match). */
  readonly ordinal: number;
  readonly effect: "allow" | "deny";
  /** Verbs as written; `anyVerb` when they include `*`. */
  readonly verbs: readonly string[];
  readonly anyVerb: boolean;
  /** Resource refs; empty for non-resource rules. */
  readonly resources: readonly ResourceRef[];
  /** Non-resource URL globs; undefined for resource rules. */
  readonly nonResourceURLs: readonly Glob[] | undefined;
  /** Namespace globs; undefined means cluster-wide (every namespace and cluster-scoped resources). */
  readonly namespaces: readonly Glob[] | undefined;
  /** True when `namespaces` includes `*` (covers requests across all namespaces). */
  readonly anyNamespace: boolean;
  /** Name globs; undefined means every name. */
  readonly names: readonly Glob[] | undefined;
  /** Instant (epoch ms) at which the rule stops applying. */
  readonly expires: number | undefined;
  readonly reason: string | undefined;
  readonly source: SourcePosition;
}

/** A normalised AccessPolicy. */
export interface AccessPolicyIR {
  readonly name: string;
  readonly users: readonly string[];
  readonly groups: readonly string[];
  /** ServiceAccounts as `{namespace, name}`; they match by username `system:serviceaccount:<ns>:<name>`. */
  readonly serviceAccounts: readonly { readonly namespace: string; readonly name: string }[];
  /** Tag selector over clusters; undefined selects every cluster. */
  readonly clusters: Readonly<Record<string, string>> | undefined;
  readonly rules: readonly AccessRuleIR[];
  readonly source: SourcePosition;
}

/** A normalised Cluster. */
export interface ClusterIR {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly kubernetesVersion: string | undefined;
  /** Absolute path of the inventory file, resolved against the Cluster's file. */
  readonly inventory: string | undefined;
  readonly source: SourcePosition;
}

/** Normalises the AccessPolicies of a document set, in load order. */
export function normaliseAccess(documents: readonly RampartDocument[]): AccessPolicyIR[] {
  let ordinal = 0;
  return documentsOfKind(documents, "AccessPolicy").map((doc) => {
    const spec = doc.spec;
    const rules = spec.rules.map((rule, index): AccessRuleIR => {
      const globs = (list: readonly string[] | undefined) => list?.map(compileGlob);
      return {
        policy: doc.metadata.name,
        index,
        ordinal: ordinal++,
        effect: rule.effect,
        verbs: rule.verbs,
        anyVerb: rule.verbs.includes("*"),
        resources: (rule.resources ?? []).map((r) => {
          const ref = parseResourceRef(r);
          if ("error" in ref) throw new Error(`unvalidated resource \`${r}\`: ${ref.error}`);
          return ref;
        }),
        nonResourceURLs: globs(rule.nonResourceURLs),
        namespaces: globs(rule.namespaces),
        anyNamespace: rule.namespaces?.includes("*") ?? false,
        names: globs(rule.names),
        expires: rule.expires === undefined ? undefined : timestampMillis(rule.expires),
        reason: rule.reason,
        source: positionOf(doc, ["spec", "rules", index]),
      };
    });
    return {
      name: doc.metadata.name,
      users: spec.subjects.flatMap((s) => (s.user !== undefined ? [s.user] : [])),
      groups: spec.subjects.flatMap((s) => (s.group !== undefined ? [s.group] : [])),
      serviceAccounts: spec.subjects.flatMap((s) => {
        if (s.serviceAccount === undefined) return [];
        const [namespace = "", name = ""] = s.serviceAccount.split("/");
        return [{ namespace, name }];
      }),
      clusters: spec.clusters,
      rules,
      source: positionOf(doc, []),
    };
  });
}

/** Normalises the Cluster documents; without any, one implicit `default` cluster. */
export function normaliseClusters(documents: readonly RampartDocument[]): ClusterIR[] {
  const clusters = documentsOfKind(documents, "Cluster");
  if (clusters.length === 0) {
    return [{ name: "default", tags: {}, kubernetesVersion: undefined, inventory: undefined, source: { file: "<builtin>", line: 1, column: 1 } }];
  }
  return clusters.map((doc) => {
    const source = sourceOf(doc);
    const inv = doc.spec.inventory;
    return {
      name: doc.metadata.name,
      tags: doc.spec.tags ?? {},
      kubernetesVersion: doc.spec.kubernetesVersion,
      inventory: inv === undefined ? undefined : isAbsolute(inv) ? inv : resolve(dirname(source.path ?? resolve(source.file)), inv),
      source: positionOf(doc, []),
    };
  });
}

/** True when a tag selector (undefined: all) selects a cluster's tags. */
export function selectorMatches(selector: Readonly<Record<string, string>> | undefined, tags: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  for (const key in selector) if (tags[key] !== selector[key]) return false;
  return true;
}
