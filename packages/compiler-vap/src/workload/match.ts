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
  if (namespaces && !namespaces.includes("*") && namespaces.every(literal))
    expressions.push({ key: "kubernetes.io/metadata.name", operator: "In", values: [...namespaces].sort() });
  const excluded = excludeNamespaces.filter(literal);
  if (excluded.length) expressions.push({ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...excluded].sort() });
  const selector: Record<string, unknown> = {};
  const labels = Object.keys(namespaceLabels).sort();
  if (labels.length) selector.matchLabels = Object.fromEntries(labels.map((k) => [k, namespaceLabels[k]!]));
  if (expressions.length) selector.matchExpressions = expressions;
  return { resourceRules, ...(Object.keys(selector).length ? { namespaceSelector: selector } : {}), matchPolicy: "Equivalent" };
}

/** True when the pod template differs between object and oldObject (a Pod's own spec; CronJob: `spec.jobTemplate.spec.template`). */
const TEMPLATE_CHANGED =
  'object.kind == "Pod" ? object.spec != oldObject.spec : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template != oldObject.spec.jobTemplate.spec.template : object.spec.template != oldObject.spec.template)';
/** True when a field (one or two segments; `metadata` and `spec` always present) differs, presence included. */
const changed = (path: string) => `has(object.${path}) != has(oldObject.${path}) || (has(object.${path}) && object.${path} != oldObject.${path})`;

/**
 * The matchCondition that skips UPDATEs outside the policy's say, as Pod Security Admission does:
 * an update is checked only when it changes the pod template or a field outside it that the rules
 * read (a Pod's annotations, for Pod Security's AppArmor check, the object's labels for
 * `requiredLabels`, the top-level fields a custom expression reads). Undefined when a custom
 * expression reads what cannot be told apart (the whole object, oldObject, or an unguarded path).
 */
export function updateCondition(policy: WorkloadPolicyIR, customReads: readonly (readonly string[] | undefined)[]): MatchCondition | undefined {
  if (customReads.some((r) => r === undefined)) return undefined;
  const paths = new Set<string>();
  let podAnnotations = false;
  for (const { rule } of policy.rules) {
    // A Pod's own annotations are its template's (AppArmor, `variables.podAnnotations`); a controller's are not read.
    if (rule.name === "podSecurity" || rule.name === "cel") podAnnotations = true;
    if (rule.name === "requiredLabels") paths.add("metadata.labels");
  }
  for (const r of customReads) for (const p of r!) paths.add(p);
  const parts = ['request.operation != "UPDATE"', "oldObject == null", `(${TEMPLATE_CHANGED})`];
  if (podAnnotations && !paths.has("metadata.annotations")) parts.push(`(object.kind == "Pod" && (${changed("metadata.annotations")}))`);
  parts.push(...[...paths].sort().map(changed));
  return { name: "rampart-changed-on-update", expression: parts.join(" || ") };
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
  for (const e of policy.exemptions)
    if (policyWide.has(e.index)) out.push({ name: `rampart-exemption-${e.index}`, expression: `!(${namespaceCel(e.namespaces!)})` });
  return out;
}
