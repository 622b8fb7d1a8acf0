import type { PolicyRule, RbacObject, RbacRequest, RbacSubject } from "./rbac-types.js";
import { serviceAccountUser } from "@rampart/core/compiler";

/** Does a non-resource URL entry of a rule match a path (`*`, exact, or a `prefix*` string prefix)? */
export function urlMatches(entry: string, path: string): boolean {
  if (entry === "*" || entry === path) return true;
  return entry.endsWith("*") && path.startsWith(entry.replace(/\*+$/, ""));
}

/** Does one PolicyRule allow the request (Kubernetes `RuleAllows`, SEMANTICS.md §2)? */
export function ruleAllows(rule: PolicyRule, r: RbacRequest): boolean {
  return compileRule(rule)(r);
}

/** A PolicyRule compiled into a predicate with set lookups (same semantics as `ruleAllows`). */
type CompiledRule = (r: RbacRequest) => boolean;

function compileRule(rule: PolicyRule): CompiledRule {
  const verbs = new Set(rule.verbs ?? []);
  const anyVerb = verbs.has("*");
  const verbOk = (v: string) => anyVerb || verbs.has(v);
  const urls = rule.nonResourceURLs ?? [];
  const groups = new Set(rule.apiGroups ?? []);
  const anyGroup = groups.has("*");
  const resources = new Set(rule.resources ?? []);
  const anyResource = resources.has("*");
  const names = rule.resourceNames && rule.resourceNames.length > 0 ? new Set(rule.resourceNames) : undefined;
  return (r) => {
    if (!verbOk(r.verb)) return false;
    if (!r.resourceRequest) {
      const path = r.path ?? "";
      for (const u of urls) if (urlMatches(u, path)) return true;
      return false;
    }
    if (!anyGroup && !groups.has(r.apiGroup ?? "")) return false;
    if (!anyResource) {
      const resource = r.resource ?? "";
      const sub = r.subresource ?? "";
      // `*` covers resources and subresources; `*/sub` one subresource of every resource; `x/*` is NOT a wildcard.
      if (sub === "" ? !resources.has(resource) : !resources.has(`${resource}/${sub}`) && !resources.has(`*/${sub}`)) return false;
    }
    return names === undefined || (r.name !== undefined && r.name !== "" && names.has(r.name));
  };
}

/** Does a binding subject apply to the user (Kubernetes `appliesToUser`, SEMANTICS.md §3)? */
export function subjectApplies(subject: RbacSubject, user: string, groups: readonly string[], bindingNamespace: string): boolean {
  switch (subject.kind) {
    case "User":
      return subject.name === user;
    case "Group":
      return groups.includes(subject.name);
    case "ServiceAccount": {
      const ns = subject.namespace || bindingNamespace;
      return ns !== "" && user === serviceAccountUser(ns, subject.name);
    }
    default:
      return false;
  }
}

/** A kind, name and (for Roles and RoleBindings) namespace of an RBAC object. */
export interface RbacObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** A binding whose role has a rule that allows a request. */
export interface RbacGrant {
  binding: RbacObjectRef;
  role: RbacObjectRef;
}

/** An RBAC authorizer over a fixed set of objects, indexed for repeated questions. */
export interface RbacAuthorizer {
  /** Every binding (with its role) through which RBAC allows the request, in object order: who granted it. */
  grantsOf(request: RbacRequest): RbacGrant[];
  /** True when some applicable rule allows the request (RBAC never denies; no rule is "no opinion"). */
  allows(request: RbacRequest): boolean;
  /** The same decision specialised to one requester: bindings are resolved once, for fast repeated calls. */
  forUser(user: string, groups: readonly string[]): (request: Omit<RbacRequest, "user" | "groups">) => boolean;
}

interface Binding {
  /** "" for a ClusterRoleBinding. */
  readonly namespace: string;
  readonly grant: RbacGrant;
  readonly subjects: readonly RbacSubject[];
  readonly rules: readonly CompiledRule[];
}

/**
 * Builds the authorizer (SEMANTICS.md §3): ClusterRoleBindings (to ClusterRoles) always apply;
 * RoleBindings (to a Role of their namespace or a ClusterRole) only to requests in their
 * namespace; a missing role grants nothing.
 */
export function createRbacAuthorizer(objects: readonly RbacObject[]): RbacAuthorizer {
  const clusterRoles = new Map<string, CompiledRule[]>();
  const roles = new Map<string, CompiledRule[]>();
  for (const o of objects) {
    if (o.kind === "ClusterRole") clusterRoles.set(o.metadata?.name ?? "", (o.rules ?? []).map(compileRule));
    if (o.kind === "Role") roles.set(`${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, (o.rules ?? []).map(compileRule));
  }
  const clusterBindings: Binding[] = [];
  const nsBindings = new Map<string, Binding[]>();
  for (const o of objects) {
    if (!o.roleRef) continue;
    if (o.kind === "ClusterRoleBinding" && o.roleRef.kind === "ClusterRole") {
      const grant = { binding: { kind: o.kind, name: o.metadata?.name ?? "" }, role: { kind: "ClusterRole", name: o.roleRef.name } };
      clusterBindings.push({ namespace: "", grant, subjects: o.subjects ?? [], rules: clusterRoles.get(o.roleRef.name) ?? [] });
    } else if (o.kind === "RoleBinding") {
      const ns = o.metadata?.namespace ?? "";
      if (ns === "") continue;
      const rules =
        o.roleRef.kind === "ClusterRole" ? clusterRoles.get(o.roleRef.name) : o.roleRef.kind === "Role" ? roles.get(`${ns}/${o.roleRef.name}`) : undefined;
      const list = nsBindings.get(ns) ?? [];
      const role = o.roleRef.kind === "Role" ? { kind: "Role", name: o.roleRef.name, namespace: ns } : { kind: o.roleRef.kind, name: o.roleRef.name };
      list.push({
        namespace: ns,
        grant: { binding: { kind: o.kind, name: o.metadata?.name ?? "", namespace: ns }, role },
        subjects: o.subjects ?? [],
        rules: rules ?? [],
      });
      nsBindings.set(ns, list);
    }
  }
  const decide = (cluster: readonly CompiledRule[], byNs: (ns: string) => readonly CompiledRule[] | undefined, r: RbacRequest): boolean => {
    for (const rule of cluster) if (rule(r)) return true;
    // Non-resource requests and all-namespace or cluster-scoped requests have namespace "": RoleBindings are not visited.
    const ns = r.resourceRequest ? (r.namespace ?? "") : "";
    if (ns === "") return false;
    for (const rule of byNs(ns) ?? []) if (rule(r)) return true;
    return false;
  };
  const applies = (b: Binding, user: string, groups: readonly string[]) => b.subjects.some((s) => subjectApplies(s, user, groups, b.namespace));
  return {
    grantsOf(r) {
      const ns = r.resourceRequest ? (r.namespace ?? "") : "";
      const candidates = ns === "" ? clusterBindings : [...clusterBindings, ...(nsBindings.get(ns) ?? [])];
      return candidates.filter((b) => applies(b, r.user, r.groups) && b.rules.some((rule) => rule(r))).map((b) => structuredClone(b.grant));
    },
    allows(r) {
      const cluster = clusterBindings.filter((b) => applies(b, r.user, r.groups)).flatMap((b) => b.rules);
      return decide(cluster, (ns) => (nsBindings.get(ns) ?? []).filter((b) => applies(b, r.user, r.groups)).flatMap((b) => b.rules), r);
    },
    forUser(user, groups) {
      const cluster = clusterBindings.filter((b) => applies(b, user, groups)).flatMap((b) => b.rules);
      const byNs = new Map<string, CompiledRule[]>();
      for (const [ns, list] of nsBindings) {
        const rules = list.filter((b) => applies(b, user, groups)).flatMap((b) => b.rules);
        if (rules.length > 0) byNs.set(ns, rules);
      }
      // Compiled rules never read the requester: the request goes through unchanged.
      return (r) => decide(cluster, (ns) => byNs.get(ns), r as RbacRequest);
    },
  };
}
