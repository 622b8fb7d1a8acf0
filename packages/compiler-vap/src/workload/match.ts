// matchConstraints and matchConditions of a WorkloadPolicy: kinds on CREATE/UPDATE, exact
// namespaces by namespaceSelector on `kubernetes.io/metadata.name`, globs by matchConditions.
import type { WorkloadKind, WorkloadPolicyIR } from "@rampart/core";
import { namespaceCel } from "./validation.js";

/** API group and resources of each kind (Pods also on the ephemeralcontainers subresource, as `kubectl debug` adds them there). */
export const KIND_RESOURCES: Readonly<Record<WorkloadKind, readonly [string, readonly string[]]>> = {
  Pod: ["", ["pods", "pods/ephemeralcontainers"]],
  Deployment: ["apps", ["deployments"]],
  StatefulSet: ["apps", ["statefulsets"]],
  DaemonSet: ["apps", ["daemonsets"]],
  ReplicaSet: ["apps", ["replicasets"]],
  ReplicationController: ["", ["replicationcontrollers"]],
  Job: ["batch", ["jobs"]],
  CronJob: ["batch", ["cronjobs"]],
};

const literal = (g: string) => !g.includes("*") && !g.includes("?");

/** A named matchCondition. */
export interface MatchCondition {
  name: string;
  expression: string;
}

/** The matchConstraints of the policy (resource rules and namespace selector). */
export function matchConstraints(policy: WorkloadPolicyIR): Record<string, unknown> {
  const byGroup = new Map<string, string[]>();
  for (const kind of policy.match.kinds) {
    const [group, resources] = KIND_RESOURCES[kind];
    byGroup.set(group, [...(byGroup.get(group) ?? []), ...resources]);
  }
  const resourceRules = [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, resources]) => ({ apiGroups: [group], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: [...resources].sort() }));
  const { namespaces, excludeNamespaces, namespaceLabels } = policy.match;
  const expressions: { key: string; operator: "In" | "NotIn"; values: string[] }[] = [];
  if (namespaces && !namespaces.includes("*") && namespaces.every(literal)) expressions.push({ key: "kubernetes.io/metadata.name", operator: "In", values: [...namespaces].sort() });
  const excluded = excludeNamespaces.filter(literal);
  if (excluded.length) expressions.push({ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...excluded].sort() });
  const selector: Record<string, unknown> = {};
  const labels = Object.keys(namespaceLabels).sort();
  if (labels.length) selector.matchLabels = Object.fromEntries(labels.map((k) => [k, namespaceLabels[k]!]));
  if (expressions.length) selector.matchExpressions = expressions;
  return { resourceRules, ...(Object.keys(selector).length ? { namespaceSelector: selector } : {}), matchPolicy: "Equivalent" };
}

/**
 * matchConditions: namespace globs, excluded namespace globs, and the namespace-only exemptions
 * that skip every rule of the policy (they switch the whole policy off there).
 */
export function matchConditions(policy: WorkloadPolicyIR, policyWide: ReadonlySet<number>): MatchCondition[] {
  const out: MatchCondition[] = [];
  const { namespaces, excludeNamespaces } = policy.match;
  if (namespaces && !namespaces.includes("*") && !namespaces.every(literal)) out.push({ name: "rampart-namespaces", expression: namespaceCel(namespaces) });
  const globbed = excludeNamespaces.filter((g) => !literal(g));
  if (globbed.length) out.push({ name: "rampart-exclude-namespaces", expression: `!(${namespaceCel(globbed)})` });
  for (const e of policy.exemptions) if (policyWide.has(e.index)) out.push({ name: `rampart-exemption-${e.index}`, expression: `!(${namespaceCel(e.namespaces!)})` });
  return out;
}
