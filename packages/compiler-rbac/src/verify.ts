import { createEvaluator, createInventory, normaliseAccess, selectorMatches, serviceAccountUser, type AccessRequest, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { createRbacAuthorizer, urlMatches, type RbacGrant } from "./authorizer.js";
import { canCoincide, closureOf, principalsOf, type Principal } from "./principals.js";
import type { RbacRuleReport } from "./compile.js";
import { createDenyClosure } from "./deny-closure.js";
import type { PolicyRule, RbacObject, RbacRequest } from "./rbac-types.js";
import { selectCluster } from "./select-cluster.js";
import { allTargets, type Target } from "./targets.js";
import { HTTP_VERBS, knownNamespaces, servable, urlSamples } from "./universe.js";

/** Options of `verifyRbac`. */
export interface VerifyRbacOptions {
  /** Cluster whose tags select the policies (as in `compileRbac`). */
  cluster?: string;
  /** Time at which `expires` is judged (default: now). */
  now?: Date;
  /** Compile diagnostics: an under-grant is covered when one sits at its rule's position. */
  diagnostics?: readonly Pick<Diagnostic, "file" | "line" | "column">[];
  /** Compile report: an under-grant is covered when its rule reports the verb as not expressible (precise; preferred). */
  report?: { readonly rules: readonly Pick<RbacRuleReport, "policy" | "rule" | "notExpressible">[] };
  /** A second layer that must also admit the request (the write-path admission policy); default: admits all. */
  admits?: (request: AccessRequest) => boolean;
}

/** A request on which RBAC and the policies disagree. */
export interface GrantMismatch {
  request: AccessRequest;
  /** For under-grants: the allow rule that grants it in the policies. */
  policy?: string;
  rule?: number;
  /** For under-grants: the compilation reported it at that rule. */
  covered?: boolean;
  /** For over-grants: why the policies refuse it (`no allow rule`, or the deny that applies). */
  reason?: string;
  /** For over-grants: the bindings (with their roles) through which RBAC allows it. */
  grantedBy?: RbacGrant[];
}

/** The outcome of `verifyRbac`. */
export interface VerifyRbacResult {
  overGrants: GrantMismatch[];
  underGrants: GrantMismatch[];
  /** How many requests were checked. */
  checked: number;
}

/** A name no inventory holds: stands for every object created after the build. */
const UNKNOWN_NAME = "rampart-unknown-name";

interface Requester {
  readonly principal: Principal;
  readonly user: string;
  readonly groups: readonly string[];
  /** Tokens of every principal this requester may also be (see principals.ts). */
  readonly closure: readonly string[];
  readonly rbac: (r: Omit<RbacRequest, "user" | "groups">) => boolean;
}

/**
 * Proves emitted RBAC against the policies over the request universe: every subject named in
 * the policies or the bindings × verb × resource × subresource × namespace (inventory plus the
 * literal ones) × known name, an unknown name and the empty name, and every non-resource URL
 * named. A request RBAC grants is an over-grant unless the policies allow it for that subject
 * and no deny applies to any requester the subject may also be (RBAC cannot tell them apart).
 * A request the policies allow that RBAC refuses is an under-grant, covered when the
 * compilation reported it.
 */
export function verifyRbac(documents: readonly RampartDocument[], inventory: Inventory = createInventory(), objects: readonly RbacObject[], options: VerifyRbacOptions = {}): VerifyRbacResult {
  const result: VerifyRbacResult = { overGrants: [], underGrants: [], checked: 0 };
  const cluster = selectCluster(documents, options.cluster);
  if ("severity" in cluster) return result;
  const now = options.now ?? new Date();
  const evaluator = createEvaluator(documents, { cluster: cluster.name, inventory, now });
  const policies = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const closure = createDenyClosure(documents, policies, inventory, now);
  const authorizer = createRbacAuthorizer(objects);
  const targets = allTargets(inventory);
  const bindingNamespaces = objects.filter((o) => o.kind === "RoleBinding" && o.metadata?.namespace).map((o) => o.metadata.namespace!);
  const namespaces = [...new Set([...knownNamespaces(inventory, policies), ...bindingNamespaces])].sort();
  const urls = urlSamples([
    ...policies.flatMap((p) => p.rules.flatMap((r) => (r.nonResourceURLs ?? []).map((g) => g.source))),
    ...objects.flatMap((o) => (o.rules ?? []).flatMap((r) => r.nonResourceURLs ?? [])),
  ]);

  // Name classes. The policies see a name only through their name globs, RBAC only through the
  // resourceNames lists that hold it: names alike in both are decided alike, so one name per class
  // stands for the class, exactly (known names of a scope, an unknown name and the empty name).
  const globs = [...new Map(policies.flatMap((p) => p.rules.flatMap((r) => r.names ?? [])).map((g) => [g.source, g])).values()];
  const listIds = new Map<string, number>();
  const memberOf = new Map<string, number[]>();
  for (const o of objects) {
    for (const rule of o.rules ?? []) {
      if (!rule.resourceNames?.length) continue;
      const key = rule.resourceNames.join("\u0000");
      if (listIds.has(key)) continue;
      const id = listIds.size;
      listIds.set(key, id);
      for (const n of new Set(rule.resourceNames)) {
        const ids = memberOf.get(n);
        if (ids) ids.push(id);
        else memberOf.set(n, [id]);
      }
    }
  }
  const classes = new Map<string, string>();
  const classOf = (n: string): string => {
    let c = classes.get(n);
    if (c === undefined) classes.set(n, (c = `${globs.map((g) => (g.test(n) ? "1" : "0")).join("")}|${memberOf.get(n)?.join(",") ?? ""}`));
    return c;
  };
  const pick = (names: Iterable<string>): string[] => {
    const seen = new Map<string, string>();
    for (const n of names) if (n === "" || !seen.has(classOf(n))) seen.set(n === "" ? "" : classOf(n), n);
    return [...seen.values()];
  };
  const knownNames = (t: Target, ns: string): readonly string[] => {
    if (!t.namespaced || ns !== "") return inventory.names(t.group, t.resource, t.namespaced ? ns : "") ?? [];
    const all = new Set<string>();
    for (const n of inventory.namespaces) for (const name of inventory.names(t.group, t.resource, n) ?? []) all.add(name);
    return [...all];
  };
  const scopeNames = new Map<string, string[]>();
  /** Representatives of the known names of a target in a scope, an unknown name and the empty name. */
  const universeNames = (t: Target, ns: string): string[] => {
    const key = `${t.group}/${t.resource}/${ns}`;
    let list = scopeNames.get(key);
    if (!list) scopeNames.set(key, (list = [...pick([...knownNames(t, ns), UNKNOWN_NAME]), ""]));
    return list;
  };
  const listNames = new Map<readonly string[], string[]>();
  /** Representatives of a resourceNames list. */
  const grantedNames = (names: readonly string[]): string[] => {
    let list = listNames.get(names);
    if (!list) listNames.set(names, (list = pick(names)));
    return list;
  };
  const isNamespaceObject = (t: Target) => t.group === "" && t.resource === "namespaces";

  // Requesters: every principal of the policies and of the bindings.
  const requesters = new Map<string, Requester>();
  const requester = (p: Principal): Requester => {
    const key = "user" in p ? `u:${p.user}` : `g:${p.group}`;
    let r = requesters.get(key);
    if (!r) {
      const user = "user" in p ? p.user : "";
      const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec(user);
      const groups = "group" in p ? [p.group] : sa ? ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`] : [];
      requesters.set(key, (r = { principal: p, user, groups, closure: closureOf(p), rbac: authorizer.forUser(user, groups) }));
    }
    return r;
  };
  for (const p of policies) {
    for (const u of p.users) requester({ user: u });
    for (const g of p.groups) requester({ group: g });
    for (const s of p.serviceAccounts) requester({ user: serviceAccountUser(s.namespace, s.name) });
  }

  const positions = new Set((options.diagnostics ?? []).map((d) => `${d.file}:${d.line}:${d.column}`));
  const reported = new Map<string, Set<string>>();
  for (const r of options.report?.rules ?? []) {
    const verbs = new Set(r.notExpressible.flatMap((n) => n.verbs));
    reported.set(`${r.policy}#${r.rule}`, verbs);
  }
  const covered = (from: { policy: string; rule: number; position: string }, verb: string) => {
    if (options.report) {
      const verbs = reported.get(`${from.policy}#${from.rule}`);
      return verbs !== undefined && (verbs.has(verb) || verbs.has("*"));
    }
    return positions.has(from.position);
  };

  const check = (r: Req, from?: { policy: string; rule: number; position: string }) => {
    result.checked++;
    const s = r.requester;
    // Phase 1 visits only what a bound rule grants; phase 2 asks RBAC.
    let granted = from ? s.rbac(r) : true;
    if (granted && options.admits !== undefined) granted = options.admits(r);
    if (from && granted) return; // proved in phase 1
    const decision = evaluator.decide(r);
    if (granted) {
      if (decision.decision !== "allow") {
        result.overGrants.push({ request: plain(r), reason: decision.reason, grantedBy: authorizer.grantsOf(r) });
        return;
      }
      const other = closure?.(r, s.closure);
      if (!other) return;
      if (options.admits === undefined) {
        result.overGrants.push({ request: plain(r), reason: `denied by ${other}, which applies to a requester that is also ${s.user || s.groups[0]}`, grantedBy: authorizer.grantsOf(r) });
        return;
      }
      // A second layer sees the whole requester: try the concrete requesters that are both.
      for (const t of denyPrincipals) {
        if (!canCoincide(s.principal, t)) continue;
        const both = combine(r, t);
        const d = evaluator.decide(both);
        if (d.decision !== "allow" && options.admits(both)) {
          result.overGrants.push({ request: plain(both), reason: d.reason, grantedBy: authorizer.grantsOf(r) });
          return;
        }
      }
    } else if (from && decision.decision === "allow") {
      result.underGrants.push({ request: plain(r), policy: from.policy, rule: from.rule, covered: covered(from, r.verb) });
    }
  };

  const denyPrincipals = [...new Map(policies.filter((p) => p.rules.some((r) => r.effect === "deny")).flatMap(principalsOf).map((p) => [JSON.stringify(p), p])).values()];

  // 1. Everything RBAC grants a subject must be allowed by the policies.
  const roles = new Map<string, PolicyRule[]>();
  for (const o of objects) {
    if (o.kind === "ClusterRole") roles.set(`ClusterRole/${o.metadata?.name ?? ""}`, o.rules ?? []);
    if (o.kind === "Role") roles.set(`Role/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, o.rules ?? []);
  }
  for (const b of objects) {
    if ((b.kind !== "ClusterRoleBinding" && b.kind !== "RoleBinding") || !b.roleRef) continue;
    const ns = b.kind === "RoleBinding" ? (b.metadata?.namespace ?? "") : undefined;
    if (ns === "" || (ns === undefined && b.roleRef.kind !== "ClusterRole")) continue;
    const rules = roles.get(b.roleRef.kind === "Role" ? `Role/${ns}/${b.roleRef.name}` : `ClusterRole/${b.roleRef.name}`) ?? [];
    for (const x of b.subjects ?? []) {
      const p: Principal | undefined =
        x.kind === "User" ? { user: x.name } : x.kind === "Group" ? { group: x.name } : x.kind === "ServiceAccount" && (x.namespace || ns) ? { user: serviceAccountUser(x.namespace || ns!, x.name) } : undefined;
      if (!p) continue;
      const s = requester(p);
      for (const rule of rules) grantedRequests(rule, ns, s);
    }
  }
  function grantedRequests(rule: PolicyRule, ns: string | undefined, s: Requester): void {
    const extra = rule.verbs.filter((v) => v !== "*");
    const anyVerb = rule.verbs.includes("*");
    if (rule.nonResourceURLs) {
      if (ns !== undefined) return; // RoleBindings never reach non-resource URLs
      const verbs = anyVerb ? [...new Set([...HTTP_VERBS, ...extra])] : rule.verbs;
      for (const path of urls) if (rule.nonResourceURLs.some((u) => urlMatches(u, path))) for (const verb of verbs) check(urlRequest(s, verb, path));
      return;
    }
    for (const t of targets) {
      const res = t.sub ? `${t.resource}/${t.sub}` : t.resource;
      if (!(rule.apiGroups ?? []).some((g) => g === "*" || g === t.group)) continue;
      if (!(rule.resources ?? []).some((r) => r === "*" || r === res || (t.sub !== "" && r === `*/${t.sub}`))) continue;
      const verbs = anyVerb ? [...new Set([...t.verbs, ...extra])] : rule.verbs;
      const names = rule.resourceNames?.length ? rule.resourceNames : undefined;
      const emit = (n: string, nameList: readonly string[]) => {
        for (const name of nameList) for (const verb of verbs) if (servable(t, verb, n, name)) check(resourceRequest(s, verb, t, n, name));
      };
      if (isNamespaceObject(t)) {
        // `GET /api/v1/namespaces/{ns}` carries namespace={ns} and name={ns} (SEMANTICS.md §1): RoleBindings reach it.
        const own = ns === undefined ? [...namespaces, UNKNOWN_NAME] : [ns];
        for (const n of own) if (!names || names.includes(n)) emit(n, [n]);
        if (ns === undefined) emit("", names ? grantedNames(names) : [UNKNOWN_NAME, ""]);
        continue;
      }
      if (ns !== undefined && !t.namespaced) continue; // a RoleBinding's request always has a namespace
      const scopes = ns !== undefined ? [ns] : t.namespaced ? [...namespaces, ""] : [""];
      for (const n of scopes) emit(n, names ? grantedNames(names) : universeNames(t, n));
    }
  }

  // 2. Everything the policies allow a named subject should be granted, or reported.
  for (const p of policies) {
    const members = [...p.users.map((user) => ({ user })), ...p.groups.map((group) => ({ group })), ...p.serviceAccounts.map((s) => ({ user: serviceAccountUser(s.namespace, s.name) }))].map(requester);
    for (const rule of p.rules) {
      if (rule.effect !== "allow" || (rule.expires !== undefined && rule.expires <= now.getTime())) continue;
      const from = { policy: p.name, rule: rule.index, position: `${rule.source.file}:${rule.source.line}:${rule.source.column}` };
      if (rule.nonResourceURLs) {
        const paths = urls.filter((u) => rule.nonResourceURLs!.some((g) => g.test(u)));
        for (const path of paths) for (const verb of rule.anyVerb ? HTTP_VERBS : rule.verbs) for (const s of members) check(urlRequest(s, verb, path), from);
        continue;
      }
      for (const t of targets) {
        if (!rule.resources.some((ref) => ref.everything || (ref.group === t.group && (ref.resource === "*" || ref.resource === t.resource) && (ref.subresource === "*" ? t.sub !== "" : ref.subresource === t.sub)))) continue;
        const verbs = rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v));
        const requests: [string, readonly string[]][] = [];
        if (isNamespaceObject(t)) {
          if (rule.namespaces) continue; // namespaced rules never apply to cluster-scoped resources
          for (const n of [...namespaces, UNKNOWN_NAME]) requests.push([n, [n]]);
          requests.push(["", [UNKNOWN_NAME, ""]]);
        } else {
          const scopes = t.namespaced ? [...namespaces, ""] : [""];
          for (const n of scopes) {
            if (rule.namespaces && (!t.namespaced || !(n === "" ? rule.anyNamespace : rule.namespaces.some((g) => g.test(n))))) continue;
            requests.push([n, universeNames(t, n)]);
          }
        }
        for (const [n, names] of requests) for (const name of names) for (const verb of verbs) {
          if (servable(t, verb, n, name)) for (const s of members) check(resourceRequest(s, verb, t, n, name), from);
        }
      }
    }
  }
  return result;
}

/** A request in both shapes at once: the evaluator's and the RBAC authorizer's (one allocation per request). */
interface Req extends AccessRequest, Omit<RbacRequest, "user" | "groups"> {
  readonly user: string;
  readonly groups: readonly string[];
  readonly requester: Requester;
}

function resourceRequest(s: Requester, verb: string, t: Target, namespace: string, name: string): Req {
  return { verb, apiGroup: t.group, resource: t.resource, subresource: t.sub, namespace, name, user: s.user, groups: s.groups, resourceRequest: true, requester: s };
}

function urlRequest(s: Requester, verb: string, path: string): Req {
  return { verb, nonResourceURL: path, user: s.user, groups: s.groups, resourceRequest: false, path, requester: s };
}

/** The request made by a requester that is both the request's and `t`. */
function combine(r: Req, t: Principal): Req {
  const user = r.user || ("user" in t ? t.user : "");
  const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec("user" in t ? t.user : "");
  const extra = "group" in t ? [t.group] : sa ? ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`] : [];
  return { ...r, user, groups: [...new Set([...r.groups, ...extra])] };
}

/** The request as reported: the evaluator's fields only, in their usual order. */
function plain(r: Req): AccessRequest {
  return r.resourceRequest
    ? { verb: r.verb, apiGroup: r.apiGroup ?? "", resource: r.resource ?? "", subresource: r.subresource ?? "", namespace: r.namespace ?? "", name: r.name ?? "", user: r.user, groups: r.groups }
    : { verb: r.verb, nonResourceURL: r.nonResourceURL ?? "", user: r.user, groups: r.groups };
}
