// The generators of the RBAC property tests: random AccessPolicies, inventories and requests (inside and outside
// the inventory, and aimed at the policies' rules so that grants are exercised, not only denials).
import fc from "fast-check";
import { resourceCovers } from "../../../test-support/reference-evaluator.js";

/** The instant every case is compiled and judged at (one rule expires before it, one after). */
export const NOW = new Date("2026-11-24T00:00:00Z");
const nsName = fc.constantFrom("team-a", "team-b", "prod", "kube-system");
const objName = fc.constantFrom("nginx-1", "api-1", "david-1", "web", "db", "x", "team-a");
const glob = fc.constantFrom("*", "nginx*", "david-*", "a?i-1", "*-1", "web", "team-*", "t*-?", "team-a", "new-ns");
const verbs = fc.oneof(
  fc.constant(["*"]),
  fc.subarray(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "bind", "impersonate"], { minLength: 1 }),
);
const resources = fc.oneof(
  fc.constant(["*"]),
  fc.subarray(
    [
      "pods",
      "pods/log",
      "pods/exec",
      "pods/*",
      "secrets",
      "configmaps",
      "nodes",
      "namespaces",
      "namespaces/status",
      "deployments.apps",
      "*.apps",
      "deployments.apps/scale",
      "*/scale",
      "*/status",
      "roles.rbac.authorization.k8s.io",
      "serviceaccounts",
      "serviceaccounts/token",
      "widgets.example.com",
      "*.example.com",
      "widgets.example.com/status",
    ],
    { minLength: 1 },
  ),
);
const resourceRule = fc.record(
  {
    effect: fc.constantFrom("allow", "deny"),
    verbs,
    resources,
    namespaces: fc.array(glob, { minLength: 1, maxLength: 2 }),
    names: fc.array(glob, { minLength: 1, maxLength: 2 }),
    expires: fc.constantFrom("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
  },
  { requiredKeys: ["effect", "verbs", "resources"] },
);
const urlRule = fc.record({
  effect: fc.constantFrom("allow", "deny"),
  verbs: fc.constantFrom(["get"], ["*"], ["get", "post"], ["post"]),
  nonResourceURLs: fc.subarray(["/healthz", "/metrics*", "/metrics/secret", "*", "/api?", "/logs/*", "/logs/private*", "/version"], { minLength: 1 }),
});
/** A subject: a user, a group (ServiceAccount groups included) or a ServiceAccount. */
export const subject = fc.oneof(
  fc.constantFrom("alice", "bob", "system:serviceaccount:ci:deployer").map((user) => ({ user })),
  fc.constantFrom("devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated").map((group) => ({ group })),
  fc.constantFrom("ci/deployer", "team-a/app").map((serviceAccount) => ({ serviceAccount })),
);
/** A random AccessPolicy: allow and deny rules over resources (globs, names, namespaces, expiry) and URLs. */
export const policy = fc.record({
  subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
  clusters: fc.option(fc.constantFrom({ env: "prod" }, { env: "dev" }), { nil: undefined }),
  rules: fc.array(fc.oneof({ weight: 5, arbitrary: resourceRule }, { weight: 1, arbitrary: urlRule }), { minLength: 1, maxLength: 4 }),
});
/** A random inventory: namespaces, pods, and optionally secrets, widgets and nodes. */
export const inventory = fc.record({
  namespaces: fc.subarray(["team-a", "team-b", "prod", "kube-system"]),
  pods: fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 4 }), { maxKeys: 3 }),
  secrets: fc.option(fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 3 }), { maxKeys: 2 }), { nil: undefined }),
  widgets: fc.option(fc.dictionary(nsName, fc.uniqueArray(objName, { maxLength: 3 }), { maxKeys: 2 }), { nil: undefined }),
  nodes: fc.option(fc.uniqueArray(objName, { maxLength: 3 }), { nil: undefined }),
});
/** A custom resource of the inventory, with a status subresource. */
export const WIDGETS = {
  group: "example.com",
  version: "v1",
  resource: "widgets",
  kind: "Widget",
  namespaced: true,
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"],
  subresources: ["status"],
};

// Requests: users, groups, verbs, resources, namespaces and names both inside and outside the inventory
// (carol, `new-ns`, `zzz-9`, the unknown `things.example.com` and `gizmos.apps`), resource and non-resource.
const USERS = ["alice", "bob", "carol", "system:serviceaccount:ci:deployer", "system:serviceaccount:team-a:app", "system:serviceaccount:other:x"] as const;
const GROUPS = ["devs", "ops", "system:authenticated", "qa"] as const;
const REQUEST_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "bind", "impersonate", "escalate"] as const;
const TARGETS = [
  ["", "pods", ""],
  ["", "pods", "log"],
  ["", "pods", "exec"],
  ["", "secrets", ""],
  ["", "configmaps", ""],
  ["", "nodes", ""],
  ["", "namespaces", ""],
  ["", "namespaces", "status"],
  ["apps", "deployments", ""],
  ["apps", "deployments", "scale"],
  ["rbac.authorization.k8s.io", "roles", ""],
  ["", "serviceaccounts", "token"],
  ["example.com", "widgets", ""],
  ["example.com", "widgets", "status"],
  ["example.com", "things", ""],
  ["apps", "gizmos", ""],
] as const;
const REQUEST_NAMESPACES = ["team-a", "team-b", "prod", "kube-system", "new-ns", ""] as const;
const REQUEST_NAMES = ["nginx-1", "api-1", "david-1", "web", "db", "x", "team-a", "zzz-9", ""] as const;
const PATHS = ["/healthz", "/metrics", "/metrics/secret", "/api", "/apis", "/logs/x", "/logs/private1", "/version", "/other"] as const;
/** Namespaces, names and resources no inventory holds. */
export const OUTSIDE_NAMESPACES = new Set(["new-ns"]);
export const OUTSIDE_NAMES = new Set(["zzz-9"]);
export const OUTSIDE_RESOURCES = new Set(["things", "gizmos"]);

/** A generated request: identity, verb, target (group, resource, subresource), namespace, name or URL path. */
export type Req = {
  user: string;
  groups: string[];
  verb: string;
  target: readonly [string, string, string];
  namespace: string;
  name: string;
  path: string | undefined;
};
export const request: fc.Arbitrary<Req> = fc.record({
  user: fc.constantFrom(...USERS),
  groups: fc.subarray([...GROUPS]),
  verb: fc.constantFrom(...REQUEST_VERBS),
  target: fc.constantFrom(...TARGETS),
  namespace: fc.constantFrom(...REQUEST_NAMESPACES),
  name: fc.constantFrom(...REQUEST_NAMES),
  path: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...PATHS) }),
});

/** The generated policy fields the aimed requests read. */
export type GenPolicy = {
  subjects: ({ user: string } | { group: string } | { serviceAccount: string })[];
  rules: { verbs: string[]; resources?: string[]; namespaces?: string[]; names?: string[]; nonResourceURLs?: string[] }[];
};
/** A glob made concrete: `*` becomes `fill`, `?` becomes `a`. */
const instance = (g: string, fill: string) => g.replaceAll("*", fill).replaceAll("?", "a");
const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Requests aimed at one rule of the policies (its subject, verb, resource, namespace, name), one field then perturbed now and then. */
function aimed(policies: readonly GenPolicy[]): fc.Arbitrary<Req> {
  return fc
    .record({
      pick: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
      fill: fc.constantFrom("", "a", "1", "x-1"),
      noise: request,
      perturb: fc.option(fc.constantFrom("user", "verb", "target", "namespace", "name"), { nil: undefined, freq: 3 }),
    })
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
/** `n` requests, two in three aimed at a rule of `policies`. */
export const requests = (policies: readonly GenPolicy[], n: number) =>
  fc.array(fc.oneof({ weight: 2, arbitrary: aimed(policies) }, { weight: 1, arbitrary: request }), { minLength: n, maxLength: n });
