import fc from "fast-check";
import { createInventory, type AccessRequest } from "@rampart/core";
import { resourceCovers } from "../../../test-support/reference-evaluator.js";

// Generators of evaluator.property.test.ts: random AccessPolicies, Clusters and requests. Most
// requests are aimed at a random rule of the generated policies and then perturbed, so that every
// branch of the evaluator is hit often.

// at a random rule of the generated policies and then perturbed, so that every branch is hit often.

/** The evaluation time of the properties. */
export const NOW = Date.parse("2026-11-24T12:00:00Z");
/** apiVersion of the generated documents. */
export const API = "rampart.dev/v1alpha1";

/** Built-in resources plus a namespaced and a cluster-scoped CRD; `things.example.com` stays unknown. */
export const inventory = createInventory({
  resources: [
    { group: "example.com", version: "v1", resource: "widgets", kind: "Widget", namespaced: true, verbs: ["get", "list"], subresources: ["status"] },
    { group: "example.com", version: "v1", resource: "gadgets", kind: "Gadget", namespaced: false, verbs: ["get", "list"] },
  ],
});

// Globs and the strings they are matched against share a tiny alphabet, so that matches are frequent.
export const globChar = fc.constantFrom("a", "b", "-", "*", "?");
const glob = fc.oneof(
  fc.array(globChar, { minLength: 1, maxLength: 5 }).map((cs) => cs.join("")),
  fc.constantFrom("*", "a*", "*b", "a?", "team-*", "ab", "a*b*", "??"),
);
const word = fc.array(fc.constantFrom("a", "b", "-"), { maxLength: 4 }).map((cs) => cs.join(""));
/** Present with probability `p`, else undefined (the key is then left out of the document). */
const sometimes = <T>(arb: fc.Arbitrary<T>, p: number) =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const VERBS = ["get", "list", "watch", "create", "delete", "patch", "escalate", "post"] as const;
const RESOURCE_ENTRIES = [
  "*",
  "pods",
  "pods/log",
  "pods/*",
  "*/scale",
  "*/*",
  "*.apps",
  "*.apps/*",
  "*.apps/scale",
  "deployments.apps",
  "deployments.apps/scale",
  "replicationcontrollers/scale",
  "nodes",
  "nodes/proxy",
  "namespaces",
  "secrets",
  "widgets.example.com",
  "widgets.example.com/status",
  "gadgets.example.com",
  "things.example.com",
  "*.example.com",
] as const;
/** Request targets (group, resource, subresource): namespaced, cluster-scoped, CRDs (known both ways) and an unknown resource. */
const TARGETS = [
  ["", "pods", ""],
  ["", "pods", "log"],
  ["", "pods", "exec"],
  ["apps", "deployments", ""],
  ["apps", "deployments", "scale"],
  ["", "replicationcontrollers", "scale"],
  ["", "nodes", ""],
  ["", "nodes", "proxy"],
  ["", "namespaces", ""],
  ["", "secrets", ""],
  ["example.com", "widgets", ""],
  ["example.com", "widgets", "status"],
  ["example.com", "gadgets", ""],
  ["example.com", "things", ""],
] as const;
const URL_GLOBS = ["/healthz", "/metrics*", "*", "/a?c", "/logs/*", "/"] as const;
const URLS = ["/healthz", "/metrics/x", "/abc", "/logs/1", "/", "/logs"] as const;
// Around NOW: before, exactly at (written three ways), just after, and date-only (midnight UTC) forms.
const EXPIRES = [
  "2026-11-24T11:59:59Z",
  "2026-11-24T12:00:00Z",
  "2026-11-24T13:00:00+01:00",
  "2026-11-24T12:00Z",
  "2026-11-24T12:00:00.001Z",
  "2026-11-24",
  "2026-11-25",
] as const;

const resourceRule = fc
  .record({
    effect: fc.constantFrom("allow", "deny"),
    verbs: fc.oneof(fc.constant(["*"]), fc.uniqueArray(fc.constantFrom(...VERBS), { minLength: 1, maxLength: 3 })),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_ENTRIES), { minLength: 1, maxLength: 3 }),
    namespaces: sometimes(fc.uniqueArray(glob, { minLength: 1, maxLength: 3 }), 0.5),
    names: sometimes(fc.uniqueArray(glob, { minLength: 1, maxLength: 2 }), 0.4),
    expires: sometimes(fc.constantFrom(...EXPIRES), 0.2),
  })
  .map(defined);
const urlRule = fc
  .record({
    effect: fc.constantFrom("allow", "deny"),
    verbs: fc.constantFrom(["get"], ["*"], ["post"], ["get", "post"]),
    nonResourceURLs: fc.uniqueArray(fc.constantFrom(...URL_GLOBS), { minLength: 1, maxLength: 2 }),
    expires: sometimes(fc.constantFrom(...EXPIRES), 0.2),
  })
  .map(defined);
type Rule = {
  effect: "allow" | "deny";
  verbs: readonly string[];
  resources?: readonly string[];
  nonResourceURLs?: readonly string[];
  namespaces?: readonly string[];
  names?: readonly string[];
};
const rule = fc.oneof({ weight: 5, arbitrary: resourceRule }, { weight: 1, arbitrary: urlRule }).map((r) => r as Rule);

type Subject = { user?: string; group?: string; serviceAccount?: string };
const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom("alice", "bob", "system:serviceaccount:ci:deployer").map((user) => ({ user })),
  fc.constantFrom("devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci", "system:serviceaccounts:team-a").map((group) => ({ group })),
  fc.constantFrom("ci/deployer", "team-a/app").map((serviceAccount) => ({ serviceAccount })),
);
const selector = fc.constantFrom({ env: "prod" }, { env: "dev", region: "eu" }, { region: "eu" }, { env: "staging" });
const policy = fc
  .record({
    subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
    clusters: sometimes(selector, 0.4),
    rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
  })
  .map(defined);
type Policy = { subjects: Subject[]; clusters?: Record<string, string>; rules: Rule[] };

export const CLUSTERS = { prod: { tags: { env: "prod", region: "eu" } }, dev: { tags: { env: "dev", region: "eu" } }, bare: {} } as const;
// No Cluster documents (implicit `default`), only `prod` (the default without an option), or all three;
// the evaluator's default cluster is one of them or not given (with all three, the unknown `default`).
const clusterSetup = fc.oneof(
  fc.record({ clusters: fc.constant<string[]>([]), defaultCluster: fc.constantFrom(undefined, "default") }),
  fc.record({ clusters: fc.constant<string[]>(["prod"]), defaultCluster: fc.constantFrom(undefined, "prod") }),
  fc.record({ clusters: fc.constant<string[]>(["prod", "dev", "bare"]), defaultCluster: fc.constantFrom(undefined, "prod", "dev", "bare", "prod", "dev") }),
);
const requestCluster = fc.oneof({ weight: 8, arbitrary: fc.constant("") }, { weight: 2, arbitrary: fc.constantFrom("prod", "dev", "bare", "default", "nope") });

// Well-formed ServiceAccount usernames, and malformed ones that are not ServiceAccounts.
const USERS = [
  "alice",
  "bob",
  "carol",
  "",
  "system:serviceaccount:ci:deployer",
  "system:serviceaccount:team-a:app",
  "system:serviceaccount:ci:other",
  "system:serviceaccount:ci",
  "system:serviceaccount:ci:a:b",
  "system:serviceaccount::x",
  "system:serviceaccount:ci:",
] as const;
const GROUPS = ["devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci"] as const;

/** A request with every field random. */
const randomRequest = fc.record({
  user: fc.constantFrom(...USERS),
  groups: fc.subarray([...GROUPS]),
  verb: fc.constantFrom(...VERBS),
  target: fc.constantFrom(...TARGETS),
  namespace: fc.oneof(fc.constant(""), fc.constant("team-a"), word),
  name: fc.oneof(fc.constant(""), word),
  url: sometimes(fc.constantFrom(...URLS), 0.15),
  cluster: requestCluster,
});
type RawRequest = {
  user: string;
  groups: string[];
  verb: string;
  target: readonly [string, string, string];
  namespace: string;
  name: string;
  url: string | undefined;
  cluster: string;
};

/** Turns a glob into a string it matches: `*` becomes `fill`, `?` becomes `a`. */
const instance = (g: string, fill: string) => g.replaceAll("*", fill).replaceAll("?", "a");
const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** A request aimed at one rule of the policies (its subject, verb, resource, namespace and name), then perturbed. */
function aimedRequest(policies: Policy[]): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      pick: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()),
      fills: fc.tuple(word, word),
      // A collection (no name) or a request across all namespaces, now and then.
      collection: fc.boolean(),
      allNamespaces: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      // A ServiceAccount matched through its implied group only, not through a listed one.
      impliedGroup: fc.boolean(),
      noise: randomRequest,
      // Fields replaced by random ones.
      perturb: fc.subarray(["user", "groups", "verb", "target", "namespace", "name", "url"] as const, { maxLength: 2 }),
    })
    .map(({ pick: [p, r, s, v, t, g], fills, collection, allNamespaces, impliedGroup, noise, perturb }) => {
      const pol = at(policies, p);
      const rul = at(pol.rules, r);
      const sub = at(pol.subjects, s);
      const req: RawRequest = { ...noise, groups: [] };
      if (sub.user !== undefined) req.user = sub.user;
      else if (sub.serviceAccount !== undefined) req.user = `system:serviceaccount:${sub.serviceAccount.replace("/", ":")}`;
      else if (sub.group?.startsWith("system:serviceaccounts") && impliedGroup) req.user = `system:serviceaccount:${sub.group.split(":")[2] ?? "ci"}:app`;
      else req.groups = [sub.group!];
      req.verb = rul.verbs.includes("*") ? noise.verb : at(rul.verbs, v);
      if (rul.nonResourceURLs) {
        req.url = instance(at(rul.nonResourceURLs, t), fills[0]);
      } else {
        req.url = undefined;
        const entry = at(rul.resources!, t);
        req.target = at(
          TARGETS.filter(([gr, res, sr]) => resourceCovers(entry, gr, res, sr)),
          g,
        );
        req.namespace = allNamespaces ? "" : rul.namespaces ? instance(at(rul.namespaces, g), fills[0]) : noise.namespace;
        req.name = collection ? "" : rul.names ? instance(at(rul.names, t), fills[1]) : noise.name;
      }
      for (const field of perturb) (req as Record<string, unknown>)[field] = noise[field];
      return req;
    });
}

/** The access request of a generated raw request. */
export function toRequest(r: RawRequest): AccessRequest {
  const base = { user: r.user, groups: r.groups, verb: r.verb, cluster: r.cluster };
  if (r.url !== undefined) return { ...base, nonResourceURL: r.url };
  const [apiGroup, resource, subresource] = r.target;
  return { ...base, apiGroup, resource, subresource, namespace: r.namespace, name: r.name };
}

/** Random policies (1–5), a cluster setup, a kind of `now` option and requests, most aimed at the policies' rules. */
export const scenario = fc.array(policy, { minLength: 1, maxLength: 5 }).chain((policies) =>
  fc.record({
    policies: fc.constant(policies as Policy[]),
    setup: clusterSetup,
    nowKind: fc.constantFrom("number", "date", "function"),
    requests: fc.array(fc.oneof({ weight: 3, arbitrary: aimedRequest(policies as Policy[]) }, { weight: 1, arbitrary: randomRequest }), {
      minLength: 1,
      maxLength: 30,
    }),
  }),
);
