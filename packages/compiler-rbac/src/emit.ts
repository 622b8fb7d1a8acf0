import type { AccessPolicyIR } from "@rampart/core";
import { managedLabels, sourceAnnotations, sourceRef } from "@rampart/core/compiler";
import type { Atom } from "./grants.js";
import type { PolicyRule, RbacObject, RbacSubject } from "./rbac-types.js";
import { rbacResource } from "./targets.js";

const RBAC_API = "rbac.authorization.k8s.io/v1";
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The text of a names list, joined once per list (atoms of one rule share their lists). */
const joined = new WeakMap<readonly string[], string>();
function namesText(names: readonly string[]): string {
  let text = joined.get(names);
  if (text === undefined) joined.set(names, (text = names.join("\u0001")));
  return text;
}

/** Merges atoms into few PolicyRules: per (group, names) the resources that share a verb set. */
export function mergeRules(atoms: readonly Pick<Atom, "verb" | "target" | "names">[]): PolicyRule[] {
  const byKey = new Map<string, { group: string; names: string[] | undefined; resources: Map<string, Set<string>> }>();
  for (const a of atoms) {
    const key = `${a.target.group}\u0000${a.names ? namesText(a.names) : "\u0002"}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { group: a.target.group, names: a.names, resources: new Map() }));
    const res = rbacResource(a.target);
    if (!e.resources.has(res)) e.resources.set(res, new Set());
    e.resources.get(res)!.add(a.verb);
  }
  const rules: PolicyRule[] = [];
  for (const e of byKey.values()) {
    const byVerbs = new Map<string, string[]>();
    for (const [res, verbs] of e.resources) {
      const k = [...verbs].sort().join(",");
      byVerbs.set(k, [...(byVerbs.get(k) ?? []), res]);
    }
    for (const [verbs, resources] of byVerbs) {
      const rule: PolicyRule = { apiGroups: [e.group], resources: resources.sort(cmp), verbs: verbs.split(",") };
      if (e.names) rule.resourceNames = [...e.names];
      rules.push(rule);
    }
  }
  const keyed = rules.map((r) => ({ r, key: ruleKey(r) }));
  return keyed.sort((a, b) => cmp(a.key, b.key)).map((k) => k.r);
}

const ruleKey = (r: PolicyRule) => JSON.stringify([r.nonResourceURLs ?? [], r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.verbs]);

/** RBAC subjects of a policy, sorted. */
export function rbacSubjects(policy: AccessPolicyIR): RbacSubject[] {
  const out: RbacSubject[] = [
    ...policy.users.map((name) => ({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name })),
    ...policy.groups.map((name) => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name })),
    ...policy.serviceAccounts.map((s) => ({ kind: "ServiceAccount", name: s.name, namespace: s.namespace })),
  ];
  return out.sort((a, b) => cmp(`${a.kind}/${a.namespace ?? ""}/${a.name}`, `${b.kind}/${b.namespace ?? ""}/${b.name}`));
}

/**
 * The name of every object of a policy: `rampart:<policy>`. Policy names are DNS-1123 labels
 * (≤ 63 characters, no `:`), so the name stays within 253 characters and two policies never share it.
 */
export const objectName = (policy: string): string => `rampart:${policy}`;

/**
 * The name of a policy's Role and RoleBinding in each namespace: `rampart:<policy>:ns`. It differs
 * from the RoleBinding name of earlier versions (`rampart:<policy>`, bound to hashed ClusterRoles),
 * so an upgrade creates new bindings and prunes the old ones instead of changing a roleRef.
 */
export const namespacedObjectName = (policy: string): string => `rampart:${policy}:ns`;

/**
 * Emits the objects of one policy: cluster-wide grants in ClusterRole + ClusterRoleBinding
 * `rampart:<policy>`, namespaced grants in Role + RoleBinding `rampart:<policy>:ns` of each namespace.
 */
export function emitPolicy(policy: AccessPolicyIR, atoms: readonly Atom[], nonResource: PolicyRule[]): RbacObject[] {
  const subjects = rbacSubjects(policy);
  if (subjects.length === 0) return [];
  const meta = (name: string, namespace?: string) => ({
    name,
    ...(namespace ? { namespace } : {}),
    labels: managedLabels(policy.name),
    annotations: sourceAnnotations(sourceRef(policy.source)),
  });
  const objects: RbacObject[] = [];
  const clusterRules = [...mergeRules(atoms.filter((a) => a.namespace === "")), ...nonResource];
  if (clusterRules.length > 0) {
    const name = objectName(policy.name);
    objects.push({ apiVersion: RBAC_API, kind: "ClusterRole", metadata: meta(name), rules: clusterRules });
    objects.push({
      apiVersion: RBAC_API,
      kind: "ClusterRoleBinding",
      metadata: meta(name),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects,
    });
  }
  // Namespaced grants: per namespace a Role and a RoleBinding, both `rampart:<policy>:ns`. The roleRef is
  // a constant of the binding's name (Kubernetes forbids changing it), and an edit changes the Role in place.
  const byNs = new Map<string, Atom[]>();
  for (const a of atoms) {
    if (a.namespace === "") continue;
    const list = byNs.get(a.namespace);
    if (list) list.push(a);
    else byNs.set(a.namespace, [a]);
  }
  const name = namespacedObjectName(policy.name);
  for (const ns of [...byNs.keys()].sort(cmp)) {
    objects.push({ apiVersion: RBAC_API, kind: "Role", metadata: meta(name, ns), rules: mergeRules(byNs.get(ns)!) });
    objects.push({
      apiVersion: RBAC_API,
      kind: "RoleBinding",
      metadata: meta(name, ns),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
      subjects,
    });
  }
  return objects;
}
