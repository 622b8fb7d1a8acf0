import { serviceAccountUser } from "@rampart/core/compiler";
import { urlMatches } from "../authorizer.js";
import type { Principal } from "../principals.js";
import type { PolicyRule, RbacObject, RbacSubject } from "../rbac-types.js";
import { HTTP_VERBS, servable } from "../universe.js";
import { UNKNOWN_NAME } from "./name-classes.js";
import { resourceRequest, urlRequest, type Req, type Requester } from "./request.js";
import { isNamespaceObject, type RequestUniverse } from "./universe.js";

/** A role's rules reached through a binding: namespace undefined for a ClusterRoleBinding. */
interface BoundRules {
  readonly namespace: string | undefined;
  readonly rules: readonly PolicyRule[];
  readonly subjects: readonly RbacSubject[];
}

/** The rules each binding reaches, as the authorizer resolves them (a missing role grants nothing). */
export function boundRules(objects: readonly RbacObject[]): BoundRules[] {
  const roles = new Map<string, PolicyRule[]>();
  for (const o of objects) {
    if (o.kind === "ClusterRole") roles.set(`ClusterRole/${o.metadata?.name ?? ""}`, o.rules ?? []);
    if (o.kind === "Role") roles.set(`Role/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, o.rules ?? []);
  }
  const out: BoundRules[] = [];
  for (const b of objects) {
    if ((b.kind !== "ClusterRoleBinding" && b.kind !== "RoleBinding") || !b.roleRef) continue;
    const ns = b.kind === "RoleBinding" ? (b.metadata?.namespace ?? "") : undefined;
    if (ns === "" || (ns === undefined && b.roleRef.kind !== "ClusterRole")) continue;
    const rules = roles.get(b.roleRef.kind === "Role" ? `Role/${ns}/${b.roleRef.name}` : `ClusterRole/${b.roleRef.name}`) ?? [];
    out.push({ namespace: ns, rules, subjects: b.subjects ?? [] });
  }
  return out;
}

/** The principal a binding subject names (a ServiceAccount without namespace takes the binding's). */
export function subjectPrincipal(x: RbacSubject, ns: string | undefined): Principal | undefined {
  if (x.kind === "User") return { user: x.name };
  if (x.kind === "Group") return { group: x.name };
  if (x.kind === "ServiceAccount" && (x.namespace || ns)) return { user: serviceAccountUser(x.namespace || ns!, x.name) };
  return undefined;
}

/** Phase 1: every servable request a bound rule grants a subject, each judged against the policies. */
export function visitGrantedRequests(
  objects: readonly RbacObject[],
  universe: RequestUniverse,
  requester: (p: Principal) => Requester,
  judge: (r: Req) => void,
): void {
  for (const b of boundRules(objects)) {
    for (const x of b.subjects) {
      const p = subjectPrincipal(x, b.namespace);
      if (!p) continue;
      const s = requester(p);
      for (const rule of b.rules) ruleRequests(rule, b.namespace, s, universe, judge);
    }
  }
}

/** The requests of one rule bound to one requester (cluster-wide when `ns` is undefined). */
function ruleRequests(rule: PolicyRule, ns: string | undefined, s: Requester, universe: RequestUniverse, judge: (r: Req) => void): void {
  const extra = rule.verbs.filter((v) => v !== "*");
  const anyVerb = rule.verbs.includes("*");
  if (rule.nonResourceURLs) {
    if (ns !== undefined) return; // RoleBindings never reach non-resource URLs
    const verbs = anyVerb ? [...new Set([...HTTP_VERBS, ...extra])] : rule.verbs;
    for (const path of universe.urls) if (rule.nonResourceURLs.some((u) => urlMatches(u, path))) for (const verb of verbs) judge(urlRequest(s, verb, path));
    return;
  }
  const { names: classes, namespaces } = universe;
  for (const t of universe.targets) {
    const res = t.sub ? `${t.resource}/${t.sub}` : t.resource;
    if (!(rule.apiGroups ?? []).some((g) => g === "*" || g === t.group)) continue;
    if (!(rule.resources ?? []).some((r) => r === "*" || r === res || (t.sub !== "" && r === `*/${t.sub}`))) continue;
    const verbs = anyVerb ? [...new Set([...t.verbs, ...extra])] : rule.verbs;
    const names = rule.resourceNames?.length ? rule.resourceNames : undefined;
    const emit = (n: string, nameList: readonly string[]) => {
      for (const name of nameList) for (const verb of verbs) if (servable(t, verb, n, name)) judge(resourceRequest(s, verb, t, n, name));
    };
    if (isNamespaceObject(t)) {
      // RoleBindings reach the Namespace object of their own namespace.
      const own = ns === undefined ? [...namespaces, UNKNOWN_NAME] : [ns];
      for (const n of own) if (!names || names.includes(n)) emit(n, [n]);
      if (ns === undefined) emit("", names ? classes.grantedNames(names) : [UNKNOWN_NAME, ""]);
      continue;
    }
    if (ns !== undefined && !t.namespaced) continue; // a RoleBinding's request always has a namespace
    const scopes = ns !== undefined ? [ns] : t.namespaced ? [...namespaces, ""] : [""];
    for (const n of scopes) emit(n, names ? classes.grantedNames(names) : classes.universeNames(t, n));
  }
}
