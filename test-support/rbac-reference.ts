// A tiny Kubernetes RBAC authorizer written from the upstream semantics (plugin/pkg/auth/authorizer/rbac:
// rbac.go, rule.go, subject_locator.go), sharing no code with @rampart/compiler-rbac. It judges the
// objects the compiler emits in the property tests, so that the compiler is not judged by its own package.

/** The request attributes the authorizer reads (the authenticator's user and groups). */
export interface RefRbacRequest {
  user: string;
  groups: readonly string[];
  verb: string;
  /** A resource request (`/api…`) or a non-resource path. */
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
}

type Rule = { apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[]; verbs: string[] };
type Subject = { kind: string; name: string; namespace?: string };
type RbacObject = {
  kind: string;
  metadata?: { name?: string; namespace?: string };
  rules?: Rule[];
  roleRef?: { kind: string; name: string };
  subjects?: Subject[];
};

const has = (list: readonly string[] | undefined, value: string) => (list ?? []).includes(value);

/** rule.go: VerbMatches, APIGroupMatches, ResourceMatches, ResourceNameMatches, NonResourceURLMatches. */
function ruleAllows(rule: Rule, r: RefRbacRequest): boolean {
  if (!has(rule.verbs, "*") && !has(rule.verbs, r.verb)) return false;
  if (!r.resourceRequest) {
    const path = r.path ?? "";
    // "*" any path; "/x*" a prefix (only a trailing star); otherwise the exact path.
    return (rule.nonResourceURLs ?? []).some((u) => u === "*" || u === path || (u.endsWith("*") && path.startsWith(u.slice(0, -1))));
  }
  const group = r.apiGroup ?? "";
  if (!has(rule.apiGroups, "*") && !has(rule.apiGroups, group)) return false;
  const sub = r.subresource ?? "";
  const combined = sub === "" ? (r.resource ?? "") : `${r.resource ?? ""}/${sub}`;
  // "*" every resource and subresource; "res/sub" exactly; "*/sub" that subresource of any resource. ("pods/*" means nothing.)
  const resourceOk = (rule.resources ?? []).some((x) => x === "*" || x === combined || (sub !== "" && x === `*/${sub}`));
  if (!resourceOk) return false;
  // No resourceNames: every name (and collections); else the exact name, never the empty one.
  const names = rule.resourceNames ?? [];
  return names.length === 0 || has(names, r.name ?? "");
}

/** subject_locator.go appliesTo: a User by name, a Group by membership, a ServiceAccount by its username. */
function subjectApplies(s: Subject, r: RefRbacRequest, bindingNamespace: string): boolean {
  if (s.kind === "User") return s.name === r.user;
  if (s.kind === "Group") return r.groups.includes(s.name);
  if (s.kind === "ServiceAccount") return r.user === `system:serviceaccount:${s.namespace || bindingNamespace}:${s.name}`;
  return false;
}

/**
 * rbac.go Authorize: allowed iff some rule of a role bound to the user allows the request. ClusterRoleBindings
 * apply everywhere; RoleBindings (to a Role of their namespace or a ClusterRole) only to requests whose
 * namespace is the binding's, so never to non-resource, cluster-scoped or all-namespaces requests.
 */
export function referenceRbacAllows(objects: readonly RbacObject[], r: RefRbacRequest): boolean {
  const clusterRoles = new Map(objects.filter((o) => o.kind === "ClusterRole").map((o) => [o.metadata?.name ?? "", o.rules ?? []]));
  const roles = new Map(objects.filter((o) => o.kind === "Role").map((o) => [`${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, o.rules ?? []]));
  const namespace = r.resourceRequest ? (r.namespace ?? "") : "";
  for (const b of objects) {
    let rules: Rule[] | undefined;
    if (b.kind === "ClusterRoleBinding") {
      rules = b.roleRef?.kind === "ClusterRole" ? clusterRoles.get(b.roleRef.name) : undefined;
    } else if (b.kind === "RoleBinding") {
      const ns = b.metadata?.namespace ?? "";
      if (namespace === "" || ns !== namespace) continue;
      rules =
        b.roleRef?.kind === "ClusterRole" ? clusterRoles.get(b.roleRef.name) : b.roleRef?.kind === "Role" ? roles.get(`${ns}/${b.roleRef.name}`) : undefined;
    } else {
      continue;
    }
    if (!rules) continue; // a binding to a missing role grants nothing
    const bindingNs = b.metadata?.namespace ?? "";
    if (!(b.subjects ?? []).some((s) => subjectApplies(s, r, bindingNs))) continue;
    if (rules.some((rule) => ruleAllows(rule, r))) return true;
  }
  return false;
}
