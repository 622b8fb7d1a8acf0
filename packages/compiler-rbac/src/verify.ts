import { createEvaluator, createInventory, normaliseAccess, normaliseClusters, selectorMatches, serviceAccountUser, type AccessRequest, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { createRbacAuthorizer } from "./authorizer.js";
import type { PolicyRule, RbacObject, RbacRequest } from "./rbac-types.js";
import { allTargets, type Target } from "./targets.js";

/** Options of `verifyRbac`. */
export interface VerifyRbacOptions {
  cluster?: string;
  now?: Date;
  /** Diagnostics of the compilation: every under-grant must be covered by one at its rule. */
  diagnostics?: readonly Pick<Diagnostic, "file" | "line" | "column">[];
  /** A second layer that must also admit the request (the write-path admission policy); default: admits all. */
  admits?: (request: AccessRequest) => boolean;
}

/** A request on which RBAC and the policies disagree. */
export interface GrantMismatch {
  request: AccessRequest;
  /** For under-grants: the allow rule that grants it in the policies. */
  policy?: string;
  rule?: number;
  /** For under-grants: a diagnostic at that rule explains it. */
  covered?: boolean;
}

/** The outcome of `verifyRbac`. */
export interface VerifyRbacResult {
  overGrants: GrantMismatch[];
  underGrants: GrantMismatch[];
  /** How many requests were checked. */
  checked: number;
}

const UNKNOWN_NAME = "rampart-unknown-name";
const HTTP_VERBS = ["delete", "get", "head", "options", "patch", "post", "put"];

type Subject = { user: string; groups: string[] };

/**
 * Proves the emitted RBAC against the policies over the inventory's request universe: every
 * subject named in the policies × verb × resource × subresource × namespace × known name, an
 * unknown name and the empty name, and every non-resource URL named. Over-grants are bugs;
 * under-grants must each be explained by a compile diagnostic.
 */
export function verifyRbac(documents: readonly RampartDocument[], inventory: Inventory = createInventory(), objects: readonly RbacObject[], options: VerifyRbacOptions = {}): VerifyRbacResult {
  const clusters = normaliseClusters(documents);
  const cluster = clusters.find((c) => c.name === options.cluster) ?? clusters[0]!;
  const evaluator = createEvaluator(documents, { cluster: cluster.name, inventory, ...(options.now ? { now: options.now } : {}) });
  const rbac = createRbacAuthorizer(objects);
  const policies = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const targets = allTargets(inventory);
  const result: VerifyRbacResult = { overGrants: [], underGrants: [], checked: 0 };

  // Names only matter through the name globs: one representative per class of names that match the same globs.
  const globs = [...new Map(policies.flatMap((p) => p.rules.flatMap((r) => r.names ?? [])).map((g) => [g.source, g])).values()];
  const signature = (n: string) => globs.map((g) => (g.test(n) ? "1" : "0")).join("");
  const namesFor = (t: Target, ns: string): string[] => {
    const known = inventory.names(t.group, t.resource, t.namespaced ? ns : "") ?? [];
    const seen = new Map<string, string>();
    for (const n of [...known, UNKNOWN_NAME]) if (!seen.has(signature(n))) seen.set(signature(n), n);
    return [...seen.values(), ""];
  };
  const subjects = new Map<string, Subject>();
  for (const p of policies) {
    for (const u of p.users) subjects.set(`User/${u}`, { user: u, groups: [] });
    for (const g of p.groups) subjects.set(`Group/${g}`, { user: "", groups: [g] });
    for (const s of p.serviceAccounts) subjects.set(`ServiceAccount/${s.namespace}/${s.name}`, { user: serviceAccountUser(s.namespace, s.name), groups: ["system:serviceaccounts", `system:serviceaccounts:${s.namespace}`] });
  }
  const toRbac = (s: Subject, r: AccessRequest): RbacRequest => ({
    user: s.user,
    groups: s.groups,
    verb: r.verb,
    resourceRequest: !r.nonResourceURL,
    apiGroup: r.apiGroup ?? "",
    resource: r.resource ?? "",
    subresource: r.subresource ?? "",
    namespace: r.namespace ?? "",
    name: r.name ?? "",
    path: r.nonResourceURL ?? "",
  });
  // Phase 1 visits everything RBAC grants; phase 2 only needs what RBAC does not grant.
  const check = (s: Subject, r: AccessRequest, from?: { policy: string; rule: number; position: string }) => {
    result.checked++;
    const request = { ...r, user: s.user, groups: s.groups };
    const granted = rbac.allows(toRbac(s, r)) && (options.admits === undefined || options.admits(request));
    if (from && granted) return;
    const allowed = evaluator.decide(request).decision === "allow";
    if (granted && !allowed) result.overGrants.push({ request });
    if (allowed && !granted && from) {
      const covered = (options.diagnostics ?? []).some((d) => `${d.file}:${d.line}:${d.column}` === from.position);
      result.underGrants.push({ request, policy: from.policy, rule: from.rule, covered });
    }
  };
  const namespacesOf = (t: Target) => (t.namespaced ? [...inventory.namespaces, ""] : [""]);

  // 1. Everything RBAC grants a named subject must be allowed by the policies.
  const bySubject = (o: RbacObject) => (o.subjects ?? []).flatMap((x) => {
    const key = x.kind === "ServiceAccount" ? `ServiceAccount/${x.namespace ?? o.metadata.namespace ?? ""}/${x.name}` : `${x.kind}/${x.name}`;
    const s = subjects.get(key);
    return s ? [s] : [];
  });
  const roles = new Map(objects.filter((o) => o.kind === "ClusterRole" || o.kind === "Role").map((o) => [`${o.kind}/${o.kind === "Role" ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`, o.rules ?? []]));
  for (const b of objects) {
    if (b.kind !== "ClusterRoleBinding" && b.kind !== "RoleBinding") continue;
    const ns = b.kind === "RoleBinding" ? (b.metadata.namespace ?? "") : undefined;
    const rules = roles.get(`${b.roleRef!.kind}/${b.roleRef!.kind === "Role" ? `${ns}/` : ""}${b.roleRef!.name}`) ?? [];
    for (const s of bySubject(b)) for (const rule of rules) grantedRequests(rule, ns, (r) => check(s, r));
  }
  function grantedRequests(rule: PolicyRule, ns: string | undefined, visit: (r: AccessRequest) => void): void {
    if (rule.nonResourceURLs) {
      if (ns !== undefined) return;
      for (const u of rule.nonResourceURLs) {
        const paths = u === "*" ? ["/", "/x"] : u.endsWith("*") ? [u.replace(/\*+$/, ""), `${u.replace(/\*+$/, "")}x`] : [u];
        for (const verb of rule.verbs.includes("*") ? HTTP_VERBS : rule.verbs) for (const p of paths) visit({ verb, nonResourceURL: p });
      }
      return;
    }
    for (const t of targets) {
      const res = t.sub ? `${t.resource}/${t.sub}` : t.resource;
      if (!(rule.apiGroups ?? []).some((g) => g === "*" || g === t.group)) continue;
      if (!(rule.resources ?? []).some((r) => r === "*" || r === res || (t.sub !== "" && r === `*/${t.sub}`))) continue;
      const verbs = rule.verbs.includes("*") ? [...new Set([...t.verbs, ...rule.verbs.filter((v) => v !== "*")])] : rule.verbs;
      const nss = ns === undefined ? namespacesOf(t) : t.namespaced ? [ns] : [];
      for (const n of nss) for (const name of rule.resourceNames ?? namesFor(t, n)) for (const verb of verbs) {
        visit({ verb, apiGroup: t.group, resource: t.resource, subresource: t.sub, namespace: n, name });
      }
    }
  }

  // 2. Everything the policies allow a named subject should be granted, or explained.
  for (const p of policies) {
    const members = [
      ...p.users.map((u) => subjects.get(`User/${u}`)!),
      ...p.groups.map((g) => subjects.get(`Group/${g}`)!),
      ...p.serviceAccounts.map((s) => subjects.get(`ServiceAccount/${s.namespace}/${s.name}`)!),
    ];
    for (const rule of p.rules) {
      if (rule.effect !== "allow") continue;
      const from = { policy: p.name, rule: rule.index, position: `${rule.source.file}:${rule.source.line}:${rule.source.column}` };
      if (rule.nonResourceURLs) {
        for (const g of rule.nonResourceURLs) {
          const path = g.source.replace(/[*?]/g, "x");
          for (const verb of rule.anyVerb ? HTTP_VERBS : rule.verbs) for (const s of members) check(s, { verb, nonResourceURL: path }, from);
        }
        continue;
      }
      for (const t of targets) {
        if (!rule.resources.some((ref) => ref.everything || (ref.group === t.group && (ref.resource === "*" || ref.resource === t.resource) && (ref.subresource === "*" ? t.sub !== "" : ref.subresource === t.sub)))) continue;
        const nss = namespacesOf(t).filter((n) => !rule.namespaces || (t.namespaced && (n === "" ? rule.anyNamespace : rule.namespaces.some((g) => g.test(n)))));
        for (const n of nss) for (const name of namesFor(t, n)) for (const verb of rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v))) for (const s of members) {
          check(s, { verb, apiGroup: t.group, resource: t.resource, subresource: t.sub, namespace: n, name }, from);
        }
      }
    }
  }
  return result;
}
