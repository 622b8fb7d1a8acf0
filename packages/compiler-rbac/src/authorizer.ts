import type { PolicyRule, RbacObject, RbacRequest, RbacSubject } from "./rbac-types.js";

/** Does one PolicyRule allow the request (Kubernetes `RuleAllows`)? */
export function ruleAllows(rule: PolicyRule, r: RbacRequest): boolean {
  if (!rule.verbs.includes("*") && !rule.verbs.includes(r.verb)) return false;
  if (!r.resourceRequest) {
    const path = r.path ?? "";
    return (rule.nonResourceURLs ?? []).some((u) => u === "*" || u === path || (u.endsWith("*") && path.startsWith(u.replace(/\*+$/, ""))));
  }
  const groups = rule.apiGroups ?? [];
  if (!groups.includes("*") && !groups.includes(r.apiGroup ?? "")) return false;
  const resource = r.resource ?? "";
  const sub = r.subresource ?? "";
  const combined = sub ? `${resource}/${sub}` : resource;
  const resources = rule.resources ?? [];
  // `*` covers resources and subresources; `*/sub` covers one subresource; `x/*` is NOT a wildcard.
  if (!resources.some((res) => res === "*" || res === combined || (sub !== "" && res === `*/${sub}`))) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (r.name !== undefined && r.name !== "" && names.includes(r.name));
}

/** Does a binding subject apply to the user (Kubernetes `appliesToUser`)? */
export function subjectApplies(subject: RbacSubject, user: string, groups: readonly string[], bindingNamespace: string): boolean {
  switch (subject.kind) {
    case "User":
      return subject.name === user;
    case "Group":
      return groups.includes(subject.name);
    case "ServiceAccount": {
      const ns = subject.namespace || bindingNamespace;
      return ns !== "" && user === `system:serviceaccount:${ns}:${subject.name}`;
    }
    default:
      return false;
  }
}

/** An RBAC authorizer over a fixed set of objects, indexed for repeated questions. */
export interface RbacAuthorizer {
  /** True when some applicable rule allows the request (RBAC never denies; no rule is "no opinion"). */
  allows(request: RbacRequest): boolean;
}

/** Builds the authorizer: ClusterRoleBindings always apply; RoleBindings only in their namespace. */
export function createRbacAuthorizer(objects: readonly RbacObject[]): RbacAuthorizer {
  const clusterRoles = new Map<string, PolicyRule[]>();
  const roles = new Map<string, PolicyRule[]>();
  for (const o of objects) {
    if (o.kind === "ClusterRole") clusterRoles.set(o.metadata.name ?? "", o.rules ?? []);
    if (o.kind === "Role") roles.set(`${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`, o.rules ?? []);
  }
  const clusterBindings: { subjects: RbacSubject[]; rules: PolicyRule[] }[] = [];
  const nsBindings = new Map<string, { subjects: RbacSubject[]; rules: PolicyRule[] }[]>();
  for (const o of objects) {
    if (!o.roleRef) continue;
    if (o.kind === "ClusterRoleBinding" && o.roleRef.kind === "ClusterRole") {
      clusterBindings.push({ subjects: o.subjects ?? [], rules: clusterRoles.get(o.roleRef.name) ?? [] });
    } else if (o.kind === "RoleBinding") {
      const ns = o.metadata.namespace ?? "";
      const rules = o.roleRef.kind === "ClusterRole" ? clusterRoles.get(o.roleRef.name) : o.roleRef.kind === "Role" ? roles.get(`${ns}/${o.roleRef.name}`) : undefined;
      const list = nsBindings.get(ns) ?? [];
      list.push({ subjects: o.subjects ?? [], rules: rules ?? [] });
      nsBindings.set(ns, list);
    }
  }
  return {
    allows(r) {
      for (const b of clusterBindings) {
        if (b.subjects.some((s) => subjectApplies(s, r.user, r.groups, "")) && b.rules.some((rule) => ruleAllows(rule, r))) return true;
      }
      const ns = r.resourceRequest ? (r.namespace ?? "") : "";
      if (ns === "") return false;
      for (const b of nsBindings.get(ns) ?? []) {
        if (b.subjects.some((s) => subjectApplies(s, r.user, r.groups, ns)) && b.rules.some((rule) => ruleAllows(rule, r))) return true;
      }
      return false;
    },
  };
}
