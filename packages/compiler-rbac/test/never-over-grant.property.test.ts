import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, createInventory, createOpenApiValidator, loadDocuments, type AccessRequest, type Inventory, type OpenApiBundle, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceRbacAllows } from "../../../test-support/rbac-reference.js";
import { resourceCovers } from "../../../test-support/reference-evaluator.js";
import bundle from "../data/openapi-rbac-v1.35.json" with { type: "json" };

const NOW = new Date("2026-11-24T00:00:00Z");
const validate = createOpenApiValidator(bundle as OpenApiBundle);
const nsName = fc.constantFrom("team-a", "team-b", "prod", "kube-system");
const objName = fc.constantFrom("nginx-1", "api-1", "david-1", "web", "db", "x", "team-a");
const glob = fc.constantFrom("*", "nginx*", "david-*", "a?i-1", "*-1", "web", "team-*", "t*-?", "team-a", "new-ns");
const verbs = fc.oneof(fc.constant(["*"]), fc.subarray(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "bind", "impersonate"], { minLength: 1 }));
const resources = fc.oneof(
  fc.constant(["*"]),
  fc.subarray(
    ["pods", "pods/log", "pods/exec", "pods/*", "secrets", "configmaps", "nodes", "namespaces", "namespaces/status", "deployments.apps", "*.apps", "deployments.apps/scale", "*/scale", "*/status", "roles.rbac.authorization.k8s.io", "serviceaccounts", "serviceaccounts/token", "widgets.example.com", "*.example.com", "widgets.example.com/status"],
    { minLength: 1 },
  ),
);
const resourceRule = fc.record(
  { effect: fc.constantFrom("allow", "deny"), verbs, resources, namespaces: fc.array(glob, { minLength: 1, maxLength: 2 }), names: fc.array(glob, { minLength: 1, maxLength: 2 }), expires: fc.constantFrom("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z") },
  { requiredKeys: ["effect", "verbs", "resources"] },
);
const urlRule = fc.record({
  effect: fc.constantFrom("allow", "deny"),
  verbs: fc.constantFrom(["get"], ["*"], ["get", "post"], ["post"]),
  nonResourceURLs: fc.subarray(["/healthz", "/metrics*", "/metrics/secret", "*", "/api?", "/logs/*", "/logs/private*", "/version"], { minLength: 1 }),
});
const subject = fc.oneof(
  fc.constantFrom("alice", "bob", "system:serviceaccount:ci:deployer").map((user) => ({ user })),
  fc.constantFrom("devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated").map((group) => ({ group })),
  fc.constantFrom("ci/deployer", "team-a/app").map((serviceAccount) => ({ serviceAccount })),
);
const policy = fc.record({
  subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
  clusters: fc.option(fc.constantFrom({ env: "prod" }, { env: "dev" }), { nil: undefined }),
  rules: fc.array(fc.oneof({ weight: 5, arbitrary: resourceRule }, { weight: 1, arbitrary: urlRule }), { minLength: 1, maxLength: 4 }),
});
const inventory = fc.record({
  namespaces: fc.subarray(["team-a", "team-b", "prod", "kube-system"]),
  pods: fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 4 }), { maxKeys: 3 }),
  secrets: fc.option(fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 3 }), { maxKeys: 2 }), { nil: undefined }),
  widgets: fc.option(fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 3 }), { maxKeys: 2 }), { nil: undefined }),
  nodes: fc.option(fc.uniqueArray(objName, { maxLength: 3 }), { nil: undefined }),
});
const WIDGETS = { group: "example.com", version: "v1", resource: "widgets", kind: "Widget", namespaced: true, verbs: ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"], subresources: ["status"] };


// Requests: users, groups, verbs, resources, namespaces and names both inside and outside the inventory
// (carol, `new-ns`, `zzz-9`, the unknown `things.example.com` and `gizmos.apps`), resource and non-resource.
const USERS = ["alice", "bob", "carol", "system:serviceaccount:ci:deployer", "system:serviceaccount:team-a:app", "system:serviceaccount:other:x"] as const;
const GROUPS = ["devs", "ops", "system:authenticated", "qa"] as const;
const REQUEST_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "bind", "impersonate", "escalate"] as const;
const TARGETS = [
  ["", "pods", ""], ["", "pods", "log"], ["", "pods", "exec"], ["", "secrets", ""], ["", "configmaps", ""], ["", "nodes", ""], ["", "namespaces", ""],
  ["", "namespaces", "status"], ["apps", "deployments", ""], ["apps", "deployments", "scale"], ["rbac.authorization.k8s.io", "roles", ""],
  ["", "serviceaccounts", "token"], ["example.com", "widgets", ""], ["example.com", "widgets", "status"], ["example.com", "things", ""], ["apps", "gizmos", ""],
] as const;
const REQUEST_NAMESPACES = ["team-a", "team-b", "prod", "kube-system", "new-ns", ""] as const;
const REQUEST_NAMES = ["nginx-1", "api-1", "david-1", "web", "db", "x", "team-a", "zzz-9", ""] as const;
const PATHS = ["/healthz", "/metrics", "/metrics/secret", "/api", "/apis", "/logs/x", "/logs/private1", "/version", "/other"] as const;
const OUTSIDE_NAMESPACES = new Set(["new-ns"]);
const OUTSIDE_NAMES = new Set(["zzz-9"]);
const OUTSIDE_RESOURCES = new Set(["things", "gizmos"]);

type Req = { user: string; groups: string[]; verb: string; target: readonly [string, string, string]; namespace: string; name: string; path: string | undefined };
const request: fc.Arbitrary<Req> = fc.record({
  user: fc.constantFrom(...USERS),
  groups: fc.subarray([...GROUPS]),
  verb: fc.constantFrom(...REQUEST_VERBS),
  target: fc.constantFrom(...TARGETS),
  namespace: fc.constantFrom(...REQUEST_NAMESPACES),
  name: fc.constantFrom(...REQUEST_NAMES),
  path: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...PATHS) }),
});

type GenPolicy = { subjects: ({ user: string } | { group: string } | { serviceAccount: string })[]; rules: ({ verbs: string[]; resources?: string[]; namespaces?: string[]; names?: string[]; nonResourceURLs?: string[] })[] };
/** A glob made concrete: `*` becomes `fill`, `?` becomes `a`. */
const instance = (g: string, fill: string) => g.replaceAll("*", fill).replaceAll("?", "a");
const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Requests aimed at one rule of the policies (its subject, verb, resource, namespace, name), one field then perturbed now and then. */
function aimed(policies: readonly GenPolicy[]): fc.Arbitrary<Req> {
  return fc
    .record({ pick: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), fill: fc.constantFrom("", "a", "1", "x-1"), noise: request, perturb: fc.option(fc.constantFrom("user", "verb", "target", "namespace", "name"), { nil: undefined, freq: 3 }) })
    .map(({ pick: [p, r, s, v, t, g, n], fill, noise, perturb }) => {
      const pol = at(policies, p!);
      const rule = at(pol.rules, r!);
      const sub = at(pol.subjects, s!);
      const req: Req = { ...noise, groups: [] };
      if ("user" in sub) req.user = sub.user;
      else if ("group" in sub) req.groups = [sub.group];
      else req.user = `system:serviceaccount:${sub.serviceAccount.replace("/", ":")}`;
      req.verb = rule.verbs.includes("*") ? noise.verb : at(rule.verbs, v!);
      if (rule.nonResourceURLs) {
        req.path = instance(at(rule.nonResourceURLs, t!), `/${fill}`); // a path is never empty
      } else {
        req.path = undefined;
        const covered = TARGETS.filter(([gr, res, sr]) => rule.resources!.some((e) => resourceCovers(e, gr, res, sr)));
        if (covered.length > 0) req.target = at(covered, g!);
        if (rule.namespaces) req.namespace = instance(at(rule.namespaces, n!), fill === "" ? "a" : fill);
        if (rule.names) req.name = instance(at(rule.names, t!), fill === "" ? "1" : fill);
      }
      if (perturb) (req as Record<string, unknown>)[perturb] = noise[perturb];
      return req;
    });
}
const requests = (policies: readonly GenPolicy[], n: number) => fc.array(fc.oneof({ weight: 2, arbitrary: aimed(policies) }, { weight: 1, arbitrary: request }), { minLength: n, maxLength: n });

/**
 * The same identity for both sides, as the ServiceAccount token authenticator issues it: a
 * ServiceAccount holds its own groups and `system:authenticated`, never a person's group. (The
 * compiler's requester model assumes it; only impersonation with `--as-group` could break it, and
 * `impersonate` is an error-level lint finding.)
 */
function identity(r: Req): { user: string; groups: string[] } {
  // A request aimed at a ServiceAccount group comes from a ServiceAccount (people never hold those groups).
  const saGroup = r.groups.find((g) => g === "system:serviceaccounts" || g.startsWith("system:serviceaccounts:"));
  const user = saGroup && !r.user.startsWith("system:serviceaccount:") ? `system:serviceaccount:${saGroup.split(":")[2] ?? "ci"}:gen` : r.user;
  const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec(user);
  if (!sa) return { user, groups: [...r.groups] };
  const groups: string[] = r.groups.filter((g) => g === "system:authenticated");
  groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  return { user, groups };
}

/** The request as the evaluator and as the RBAC authorizer see it; a cluster-scoped resource is requested without a namespace. */
function both(r: Req, inventory: Inventory): { access: AccessRequest; rbac: Parameters<typeof referenceRbacAllows>[1] } {
  const id = identity(r);
  if (r.path !== undefined) return { access: { ...id, verb: r.verb, nonResourceURL: r.path }, rbac: { ...id, verb: r.verb, resourceRequest: false, path: r.path } };
  const [apiGroup, resource, subresource] = r.target;
  const namespace = inventory.resource(apiGroup, resource)?.namespaced === false ? "" : r.namespace;
  const attrs = { verb: r.verb, apiGroup, resource, subresource, namespace, name: r.name };
  return { access: { ...id, ...attrs }, rbac: { ...id, ...attrs, resourceRequest: true } };
}

/** The AccessPolicies, Cluster and inventory of one generated case. */
function setup(policies: readonly { subjects: unknown[]; clusters?: Readonly<Record<string, string>> | undefined; rules: unknown[] }[], inv: InventoryInput, env: string) {
  const values: unknown[] = policies.map((p, i) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: `p${i}` }, spec: p.clusters ? p : { subjects: p.subjects, rules: p.rules } }));
  values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "c" }, spec: { tags: { env } } });
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  const objects: Record<string, string[] | Record<string, string[]>> = { pods: inv.pods };
  if (inv.secrets) objects.secrets = inv.secrets;
  if (inv.widgets) objects["widgets.example.com"] = inv.widgets;
  if (inv.nodes) objects.nodes = inv.nodes;
  return { documents: documents as RampartDocument[], inventory: createInventory({ namespaces: inv.namespaces, objects, resources: [WIDGETS] }) };
}
type InventoryInput = { namespaces: string[]; pods: Record<string, string[]>; secrets?: Record<string, string[]> | undefined; widgets?: Record<string, string[]> | undefined; nodes?: string[] | undefined };

describe("never over-grant (fast-check)", () => {
  it("random AccessPolicies × random inventories: valid objects, and every request the emitted RBAC allows, the policies allow", () => {
    const runs = propertyRuns(300);
    const seen = { checked: 0, rbacAllowed: 0, allowed: 0, denied: 0, underGranted: 0, nonResourceAllowed: 0, outsideNamespace: 0, outsideNamespaceAllowed: 0, outsideName: 0, outsideNameAllowed: 0, outsideResource: 0, objects: 0 };
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 3 }).chain((ps) => fc.tuple(fc.constant(ps), requests(ps as GenPolicy[], 40))), inventory, fc.constantFrom("prod", "dev"), fc.boolean(), ([policies, requests], inv, env, keepWildcards) => {
        const { documents, inventory } = setup(policies, inv, env);
        const out = compileRbac(documents, { inventory, now: NOW, keepWildcards });
        expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        for (const o of out.objects) expect(validate(o as { kind: string })).toEqual([]);
        seen.objects += out.objects.length;
        const evaluator = createEvaluator(documents, { inventory, now: NOW, cluster: "c" });
        for (const r of requests) {
          const { access, rbac } = both(r, inventory);
          const granted = referenceRbacAllows(out.objects, rbac);
          const allowed = evaluator.decide(access).decision === "allow";
          // The property: RBAC grants nothing the policies deny.
          if (granted) expect(allowed, `over-grant: ${JSON.stringify(access)}`).toBe(true);
          seen.checked++;
          if (granted) seen.rbacAllowed++;
          if (allowed) seen.allowed++;
          else seen.denied++;
          if (allowed && !granted) seen.underGranted++;
          if (granted && access.nonResourceURL !== undefined) seen.nonResourceAllowed++;
          if (access.nonResourceURL !== undefined) continue;
          if (OUTSIDE_NAMESPACES.has(access.namespace!)) (seen.outsideNamespace++, granted && seen.outsideNamespaceAllowed++);
          if (OUTSIDE_NAMES.has(access.name!)) (seen.outsideName++, granted && seen.outsideNameAllowed++);
          if (OUTSIDE_RESOURCES.has(access.resource!)) seen.outsideResource++;
        }
        // The compiler's own proof still holds (and reports every under-grant).
        const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
        expect(proof.overGrants.slice(0, 3)).toEqual([]);
        expect(proof.underGrants.filter((u) => !u.covered).slice(0, 3)).toEqual([]);
      }),
      { numRuns: runs },
    );
    console.log(`[never-over-grant] ${JSON.stringify(seen)}`);
    expect(seen.checked).toBe(runs * 40);
    // Floors (about half the rates observed over many runs): a compiler emitting nothing fails the grant floors.
    expect(seen.objects, "objects").toBeGreaterThanOrEqual(propertyFloor(FLOOR.objects, runs));
    expect(seen.rbacAllowed, "rbacAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.rbacAllowed, runs));
    expect(seen.nonResourceAllowed, "nonResourceAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.nonResourceAllowed, runs));
    expect(seen.allowed, "allowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.allowed, runs));
    expect(seen.denied, "denied").toBeGreaterThanOrEqual(propertyFloor(FLOOR.denied, runs));
    expect(seen.outsideNamespace, "outsideNamespace").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideNamespace, runs));
    expect(seen.outsideNamespaceAllowed, "outsideNamespaceAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideNamespaceAllowed, runs));
    expect(seen.outsideName, "outsideName").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideName, runs));
    expect(seen.outsideResource, "outsideResource").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideResource, runs));
  });
});
/** Per-run floors, about half the per-run rates observed (1.05 objects, 0.68 grants, 0.43 non-resource grants, 3.4 allows, 36 denies, 3.4 / 0.055 / 1.9 / 3.7 outside namespaces / granted there / names / resources). */
const FLOOR = { objects: 0.5, rbacAllowed: 0.3, nonResourceAllowed: 0.2, allowed: 1.5, denied: 15, outsideNamespace: 1.5, outsideNamespaceAllowed: 0.02, outsideName: 0.9, outsideResource: 1.8 };

// Policies RBAC can express exactly: allow rules only, Kubernetes verbs each resource serves, exact resources
// and namespaces of the inventory, exact names only on verbs that take a name, URL globs only as a trailing `*`.
const exactResourceRule = fc.oneof(
  fc.record(
    { effect: fc.constant("allow"), verbs: fc.subarray(["get", "list", "watch", "create", "update", "patch", "delete"], { minLength: 1 }), resources: fc.subarray(["pods", "secrets", "configmaps", "deployments.apps", "widgets.example.com", "nodes"], { minLength: 1 }), namespaces: fc.subarray(["team-a", "team-b", "prod", "kube-system"], { minLength: 1 }), expires: fc.constant("2027-01-01T00:00:00Z") },
    { requiredKeys: ["effect", "verbs", "resources"] },
  ),
  fc.record(
    { effect: fc.constant("allow"), verbs: fc.subarray(["get", "update", "patch", "delete"], { minLength: 1 }), resources: fc.subarray(["pods", "secrets", "widgets.example.com"], { minLength: 1 }), namespaces: fc.subarray(["team-a", "team-b", "prod"], { minLength: 1 }), names: fc.subarray(["nginx-1", "api-1", "web", "zzz-9"], { minLength: 1 }) },
    { requiredKeys: ["effect", "verbs", "resources", "names"] },
  ),
);
const exactUrlRule = fc.record({ effect: fc.constant("allow"), verbs: fc.constantFrom(["get"], ["get", "post"], ["*"]), nonResourceURLs: fc.subarray(["/healthz", "/metrics*", "/logs/*", "/version", "*"], { minLength: 1 }) });
const exactPolicy = fc.record({
  subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
  clusters: fc.option(fc.constantFrom({ env: "prod" }, { env: "dev" }), { nil: undefined }),
  rules: fc.array(fc.oneof({ weight: 4, arbitrary: exactResourceRule }, { weight: 1, arbitrary: exactUrlRule }), { minLength: 1, maxLength: 4 }),
});
const EXACT_INVENTORY: InventoryInput = { namespaces: ["team-a", "team-b", "prod", "kube-system"], pods: { "team-a": ["nginx-1", "api-1"], prod: ["web", "zzz-9"] }, secrets: { "team-b": ["web"], "team-a": ["api-1"] }, widgets: { prod: ["x", "nginx-1"] }, nodes: ["node-1"] };
/** Is the request's object one of EXACT_INVENTORY's? */
function inventoryObject(r: AccessRequest): boolean {
  const lists: Record<string, Record<string, string[]> | undefined> = { pods: EXACT_INVENTORY.pods, secrets: EXACT_INVENTORY.secrets, widgets: EXACT_INVENTORY.widgets };
  return lists[r.resource ?? ""]?.[r.namespace ?? ""]?.includes(r.name ?? "") ?? false;
}

describe("no under-grant where RBAC is exact (fast-check)", () => {
  it("policies RBAC can express exactly compile without a gap: the emitted RBAC allows exactly what the policies allow", () => {
    const runs = propertyRuns(200);
    const seen = { checked: 0, allowed: 0, denied: 0, nonResourceAllowed: 0, namedAllowed: 0, outsideNamespaceAllowed: 0, nameNotInInventory: 0 };
    fc.assert(
      fc.property(fc.array(exactPolicy, { minLength: 1, maxLength: 3 }).chain((ps) => fc.tuple(fc.constant(ps), requests(ps as GenPolicy[], 40))), fc.constantFrom("prod", "dev"), fc.boolean(), ([policies, requests], env, keepWildcards) => {
        const { documents, inventory } = setup(policies, EXACT_INVENTORY, env);
        const out = compileRbac(documents, { inventory, now: NOW, keepWildcards });
        // By design, names are granted for the inventory's objects only (objects created later wait for the next
        // build); that gap is reported, and it is the only one these policies may have.
        expect(out.diagnostics.filter((d) => d.code === "rbac-not-expressible" && !/object names are taken from the inventory|name patterns need object names/.test(d.message))).toEqual([]);
        const evaluator = createEvaluator(documents, { inventory, now: NOW, cluster: "c" });
        for (const r of requests) {
          const { access, rbac } = both(r, inventory);
          const granted = referenceRbacAllows(out.objects, rbac);
          const allowed = evaluator.decide(access).decision === "allow";
          seen.checked++;
          if (allowed && !granted && access.name !== "" && !inventoryObject(access)) {
            seen.nameNotInInventory++; // the reported design limit above
            continue;
          }
          expect(granted, `${allowed ? "under" : "over"}-grant: ${JSON.stringify(access)}`).toBe(allowed);
          if (!allowed) {
            seen.denied++;
            continue;
          }
          seen.allowed++;
          if (access.nonResourceURL !== undefined) seen.nonResourceAllowed++;
          else if (access.name !== "" && policies.some((p) => p.rules.some((x) => "names" in x && x.names!.includes(access.name!)))) seen.namedAllowed++;
          if (access.nonResourceURL === undefined && OUTSIDE_NAMESPACES.has(access.namespace!)) seen.outsideNamespaceAllowed++;
        }
      }),
      { numRuns: runs },
    );
    console.log(`[exact-rbac] ${JSON.stringify(seen)}`);
    expect(seen.checked).toBe(runs * 40);
    for (const [kind, perRun] of Object.entries(EXACT_FLOOR)) expect(seen[kind as keyof typeof seen], kind).toBeGreaterThanOrEqual(propertyFloor(perRun, runs));
  });
});
/** Per-run floors, about half the observed rates (9.5 allows, 28 denies, 2.9 non-resource, 3.2 by name, 0.33 in namespaces outside the inventory). */
const EXACT_FLOOR = { allowed: 4.5, denied: 14, nonResourceAllowed: 1.4, namedAllowed: 1.6, outsideNamespaceAllowed: 0.15 };

// Found by mutation testing (the comparators of emit.ts survived): output order must not depend on input order.
describe("emitted order", () => {
  it("subjects and rules come out sorted whatever order the policy lists them in", () => {
    const byKey = <T,>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    const subjects = [{ user: "zed" }, { serviceAccount: "ns/b" }, { group: "alpha" }, { user: "amy" }, { serviceAccount: "ci/a" }];
    const rules = [
      { effect: "allow", verbs: ["get"], resources: ["widgets.example.com"] },
      { effect: "allow", verbs: ["list"], resources: ["deployments.apps", "pods"] },
      { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], names: ["db", "api-1"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps"] },
      { effect: "allow", verbs: ["get"], nonResourceURLs: ["/healthz"] },
    ];
    const orders = [rules, [...rules].reverse()].map((rs) => {
      const { documents } = setup([{ subjects, rules: rs }], { namespaces: ["team-a"], pods: {}, secrets: { "team-a": ["db", "api-1"] } }, "prod");
      return compileRbac(documents, { inventory: createInventory({ namespaces: ["team-a"], objects: { secrets: { "team-a": ["db", "api-1"] } }, resources: [WIDGETS] }), now: NOW }).objects;
    });
    expect(orders[0]).toEqual(orders[1]);
    for (const o of orders[0]!) {
      if (o.subjects) {
        const key = (s: { kind: string; namespace?: string; name: string }) => `${s.kind}/${s.namespace ?? ""}/${s.name}`;
        expect(o.subjects.map(key)).toEqual([...o.subjects].sort(byKey(key)).map(key));
        expect(o.subjects.map(key)).toEqual(["Group//alpha", "ServiceAccount/ci/a", "ServiceAccount/ns/b", "User//amy", "User//zed"]);
      }
      // Resource rules sorted (non-resource rules follow them, in their own order).
      const resourceRules = (o.rules ?? []).filter((r) => !r.nonResourceURLs);
      if (resourceRules.length > 1) {
        const key = (r: { nonResourceURLs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; verbs: string[] }) => JSON.stringify([r.nonResourceURLs ?? [], r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.verbs]);
        expect(resourceRules.map(key)).toEqual([...resourceRules].sort(byKey(key)).map(key));
      }
    }
    const cluster = orders[0]!.find((o) => o.kind === "ClusterRole" && o.metadata.name === "rampart:p0")!;
    expect(cluster.rules!.length).toBeGreaterThanOrEqual(3);
  });
});
