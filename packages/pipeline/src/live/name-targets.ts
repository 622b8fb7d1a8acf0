import { resourceKey, selectorMatches, type AccessPolicyIR, type Glob } from "@rampart/core";
import type { DiscoveredResource } from "./discovery.js";

/** A resource whose object names the policies need, and where. */
export interface NameTarget {
  readonly resource: DiscoveredResource;
  /** `pods`, `deployments.apps`: the key under `spec.objects`. */
  readonly key: string;
  /** Namespace globs whose objects matter; undefined: every namespace (and always for cluster-scoped resources). */
  readonly namespaces: readonly Glob[] | undefined;
  /** The rules that name this resource by pattern, e.g. `payments rule 2` (1-based, as users count). */
  readonly rules: readonly string[];
}

/** Options of `nameTargets`. */
export interface NameTargetOptions {
  /** Rules expired at this instant (epoch ms) need no names. */
  now?: number;
  /** Only policies whose `clusters` selector matches these tags (undefined: every policy). */
  clusterTags?: Readonly<Record<string, string>>;
}

/**
 * The resources the policies name by pattern: every listable resource covered by a rule with
 * `names` (other than `*`), restricted to the namespaces such rules cover. A subresource ref
 * (`pods/log`) needs the names of its resource. Rules with `namespaces` never apply to
 * cluster-scoped resources, so those are only pulled for cluster-wide rules. Sorted by key.
 */
export function nameTargets(policies: readonly AccessPolicyIR[], resources: readonly DiscoveredResource[], options: NameTargetOptions = {}): NameTarget[] {
  const acc = new Map<string, { resource: DiscoveredResource; all: boolean; globs: Map<string, Glob>; rules: Set<string> }>();
  for (const policy of policies) {
    if (options.clusterTags && !selectorMatches(policy.clusters, options.clusterTags)) continue;
    for (const rule of policy.rules) {
      if (!rule.names || rule.names.every((g) => g.any)) continue;
      if (rule.expires !== undefined && options.now !== undefined && rule.expires <= options.now) continue;
      for (const ref of rule.resources) {
        for (const r of resources) {
          if (!r.verbs.includes("list")) continue;
          if (!ref.everything && (ref.group !== r.group || (ref.resource !== "*" && ref.resource !== r.resource))) continue;
          if (!r.namespaced && rule.namespaces !== undefined) continue;
          const key = resourceKey(r.group, r.resource);
          let entry = acc.get(key);
          if (!entry) acc.set(key, (entry = { resource: r, all: false, globs: new Map(), rules: new Set() }));
          entry.rules.add(`${policy.name} rule ${rule.index + 1}`);
          if (!r.namespaced || rule.namespaces === undefined || rule.anyNamespace) entry.all = true;
          else for (const g of rule.namespaces) entry.globs.set(g.source, g);
        }
      }
    }
  }
  return [...acc]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => ({
      resource: e.resource,
      key,
      namespaces: e.all ? undefined : [...e.globs.values()].sort((a, b) => (a.source < b.source ? -1 : 1)),
      rules: [...e.rules].sort(),
    }));
}

/**
 * How to list a target: one list per namespace when every namespace glob is a literal
 * (cheaper, and needs no cluster-wide list permission), else one cluster-wide list filtered
 * by the globs. Namespaces that do not exist are not listed.
 */
export function listPlan(target: NameTarget, existing: readonly string[]): { perNamespace: string[] } | { clusterWide: true } {
  if (!target.resource.namespaced || target.namespaces === undefined) return { clusterWide: true };
  if (target.namespaces.every((g) => g.literal)) {
    const wanted = new Set(target.namespaces.map((g) => g.source));
    return { perNamespace: existing.filter((ns) => wanted.has(ns)) };
  }
  return { clusterWide: true };
}

/** True when a namespace's objects matter for a target. */
export function wantsNamespace(target: NameTarget, namespace: string): boolean {
  return target.namespaces === undefined || target.namespaces.some((g) => g.test(namespace));
}
