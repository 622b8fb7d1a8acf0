import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, createEvaluator, createInventory, globMatch, loadDocuments, type AccessRequest, type EvaluatorOptions } from "@rampart/core";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceExplain, refGlob, resourceCovers } from "../../../test-support/reference-evaluator.js";

// The evaluator against the deliberately simple reference of SPEC.md (test-support/reference-evaluator.ts):
// random AccessPolicies, Clusters and requests must get the same decision and the same deciding rule,
// and explain() must list exactly the rules the reference finds applicable. Most requests are aimed
// at a random rule of the generated policies and then perturbed, so that every branch is hit often.

const NOW = Date.parse("2026-11-24T12:00:00Z");
const API = "rampart.dev/v1alpha1";

/** Built-in resources plus a namespaced and a cluster-scoped CRD; `things.example.com` stays unknown. */
const inventory = createInventory({
  resources: [
    { group: "example.com", version: "v1", resource: "widgets", kind: "Widget", namespaced: true, verbs: ["get", "list"], subresources: ["status"] },
    { group: "example.com", version: "v1", resource: "gadgets", kind: "Gadget", namespaced: false, verbs: ["get", "list"] },
  ],
});

// Globs and the strings they are matched against share a tiny alphabet, so that matches are frequent.
const globChar = fc.constantFrom("a", "b", "-", "*", "?");
const glob = fc.oneof(
  fc.array(globChar, { minLength: 1, maxLength: 5 }).map((cs) => cs.join("")),
  fc.constantFrom("*", "a*", "*b", "a?", "team-*", "ab", "a*b*", "??"),
);
const word = fc.array(fc.constantFrom("a", "b", "-"), { maxLength: 4 }).map((cs) => cs.join(""));
/** Present with probability `p`, else undefined (the key is then left out of the document). */
const sometimes = <T>(arb: fc.Arbitrary<T>, p: number) => fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const VERBS = ["get", "list", "watch", "create", "delete", "patch", "escalate", "post"] as const;
const RESOURCE_ENTRIES = [
  "*", "pods", "pods/log", "pods/*", "*/scale", "*/*", "*.apps", "*.apps/*", "*.apps/scale", "deployments.apps",
  "deployments.apps/scale", "replicationcontrollers/scale", "nodes", "nodes/proxy", "namespaces", "secrets",
  "widgets.example.com", "widgets.example.com/status", "gadgets.example.com", "things.example.com", "*.example.com",
] as const;
/** Request targets (group, resource, subresource): namespaced, cluster-scoped, CRDs (known both ways) and an unknown resource. */
const TARGETS = [
  ["", "pods", ""], ["", "pods", "log"], ["", "pods", "exec"], ["apps", "deployments", ""], ["apps", "deployments", "scale"],
  ["", "replicationcontrollers", "scale"], ["", "nodes", ""], ["", "nodes", "proxy"], ["", "namespaces", ""], ["", "secrets", ""],
  ["example.com", "widgets", ""], ["example.com", "widgets", "status"], ["example.com", "gadgets", ""], ["example.com", "things", ""],
] as const;
const URL_GLOBS = ["/healthz", "/metrics*", "*", "/a?c", "/logs/*", "/"] as const;
const URLS = ["/healthz", "/metrics/x", "/abc", "/logs/1", "/", "/logs"] as const;
// Around NOW: before, exactly at (written three ways), just after, and date-only (midnight UTC) forms.
const EXPIRES = ["2026-11-24T11:59:59Z", "2026-11-24T12:00:00Z", "2026-11-24T13:00:00+01:00", "2026-11-24T12:00Z", "2026-11-24T12:00:00.001Z", "2026-11-24", "2026-11-25"] as const;

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
type Rule = { effect: "allow" | "deny"; verbs: readonly string[]; resources?: readonly string[]; nonResourceURLs?: readonly string[]; namespaces?: readonly string[]; names?: readonly string[] };
const rule = fc.oneof({ weight: 5, arbitrary: resourceRule }, { weight: 1, arbitrary: urlRule }).map((r) => r as Rule);

type Subject = { user?: string; group?: string; serviceAccount?: string };
const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom("alice", "bob", "system:serviceaccount:ci:deployer").map((user) => ({ user })),
  fc.constantFrom("devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci", "system:serviceaccounts:team-a").map((group) => ({ group })),
  fc.constantFrom("ci/deployer", "team-a/app").map((serviceAccount) => ({ serviceAccount })),
);
const selector = fc.constantFrom({ env: "prod" }, { env: "dev", region: "eu" }, { region: "eu" }, { env: "staging" });
const policy = fc
  .record({ subjects: fc.array(subject, { minLength: 1, maxLength: 3 }), clusters: sometimes(selector, 0.4), rules: fc.array(rule, { minLength: 1, maxLength: 5 }) })
  .map(defined);
type Policy = { subjects: Subject[]; clusters?: Record<string, string>; rules: Rule[] };

const CLUSTERS = { prod: { tags: { env: "prod", region: "eu" } }, dev: { tags: { env: "dev", region: "eu" } }, bare: {} } as const;
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
  "alice", "bob", "carol", "", "system:serviceaccount:ci:deployer", "system:serviceaccount:team-a:app", "system:serviceaccount:ci:other",
  "system:serviceaccount:ci", "system:serviceaccount:ci:a:b", "system:serviceaccount::x", "system:serviceaccount:ci:",
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
type RawRequest = { user: string; groups: string[]; verb: string; target: readonly [string, string, string]; namespace: string; name: string; url: string | undefined; cluster: string };

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
        req.target = at(TARGETS.filter(([gr, res, sr]) => resourceCovers(entry, gr, res, sr)), g);
        req.namespace = allNamespaces ? "" : rul.namespaces ? instance(at(rul.namespaces, g), fills[0]) : noise.namespace;
        req.name = collection ? "" : rul.names ? instance(at(rul.names, t), fills[1]) : noise.name;
      }
      for (const field of perturb) (req as Record<string, unknown>)[field] = noise[field];
      return req;
    });
}

function toRequest(r: RawRequest): AccessRequest {
  const base = { user: r.user, groups: r.groups, verb: r.verb, cluster: r.cluster };
  if (r.url !== undefined) return { ...base, nonResourceURL: r.url };
  const [apiGroup, resource, subresource] = r.target;
  return { ...base, apiGroup, resource, subresource, namespace: r.namespace, name: r.name };
}

const scenario = fc.array(policy, { minLength: 1, maxLength: 5 }).chain((policies) =>
  fc.record({
    policies: fc.constant(policies as Policy[]),
    setup: clusterSetup,
    nowKind: fc.constantFrom("number", "date", "function"),
    requests: fc.array(fc.oneof({ weight: 3, arbitrary: aimedRequest(policies as Policy[]) }, { weight: 1, arbitrary: randomRequest }), { minLength: 1, maxLength: 30 }),
  }),
);

describe("createEvaluator agrees with the reference semantics (fast-check)", () => {
  it("same decision, same deciding rule, and explain() lists exactly the applicable rules", () => {
    // How often each kind of outcome occurred: the generators must keep exercising all of them.
    const runs = propertyRuns(4000);
    const seen = { allow: 0, denyByRule: 0, denyOverAllow: 0, defaultDeny: 0, unknownCluster: 0, nonResourceAllow: 0, serviceAccountAllow: 0, collectionAllow: 0, collectionDeny: 0, allNamespacesAllow: 0 };
    fc.assert(
      fc.property(scenario, ({ policies, setup: { clusters, defaultCluster }, nowKind, requests }) => {
        const values: unknown[] = policies.map((spec, i) => ({ apiVersion: API, kind: "AccessPolicy", metadata: { name: `p${i}` }, spec }));
        for (const name of clusters) values.push({ apiVersion: API, kind: "Cluster", metadata: { name }, spec: CLUSTERS[name as keyof typeof CLUSTERS] });
        const { documents, diagnostics } = loadDocuments(values);
        expect(diagnostics).toEqual([]);
        const options: EvaluatorOptions = { inventory, now: nowKind === "number" ? NOW : nowKind === "date" ? new Date(NOW) : () => NOW };
        if (defaultCluster !== undefined) options.cluster = defaultCluster;
        const evaluator = createEvaluator(documents, options);
        const refOptions = defaultCluster === undefined ? { now: NOW, inventory } : { now: NOW, inventory, cluster: defaultCluster };
        for (const raw of requests) {
          const req = toRequest(raw);
          const want = referenceExplain(documents, req, refOptions);
          const got = evaluator.decide(req);
          const label = JSON.stringify(req);
          expect(got.decision, label).toBe(want.decision);
          expect(got.matched, label).toEqual(want.deciding ? [want.deciding] : []);
          // The deciding rule really applies, with the effect of the decision.
          for (const m of got.matched) {
            expect(m.effect, label).toBe(got.decision);
            expect(want.applicable, label).toContainEqual(m);
          }
          const explained = evaluator.explain(req);
          expect(explained.decision, label).toBe(got.decision);
          expect(explained.applicable, label).toEqual(want.applicable);

          const resourceRequest = req.nonResourceURL === undefined;
          if (got.decision === "allow") {
            seen.allow++;
            if (!resourceRequest) seen.nonResourceAllow++;
            if (req.user?.startsWith("system:serviceaccount:")) seen.serviceAccountAllow++;
            if (resourceRequest && req.name === "") seen.collectionAllow++;
            if (resourceRequest && req.namespace === "") seen.allNamespacesAllow++;
          } else if (got.matched.length > 0) {
            seen.denyByRule++;
            if (want.applicable.some((m) => m.effect === "allow")) seen.denyOverAllow++;
            if (resourceRequest && req.name === "") seen.collectionDeny++;
          } else if (got.reason.includes("unknown cluster")) {
            seen.unknownCluster++;
          } else {
            seen.defaultDeny++;
          }
        }
      }),
      { numRuns: runs },
    );
    // Each kind occurs in well over a tenth of the runs (about 15 requests per run); the floor fails an evaluator stuck on one outcome.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThanOrEqual(propertyFloor(0.1, runs));
  });

  it("globs: `*` any run, `?` one character, everything else itself — same as a DP matcher", () => {
    const pattern = fc.array(globChar, { maxLength: 8 }).map((cs) => cs.join(""));
    const subject = fc.array(fc.constantFrom("a", "b", "-"), { maxLength: 10 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        const want = refGlob(p, s);
        expect(globMatch(p, s)).toBe(want);
        if (p !== "") expect(compileGlob(p).test(s)).toBe(want);
      }),
      { numRuns: propertyRuns(20_000) },
    );
  });
});

// Found by mutation testing (a default of "" instead of `default` survived): with several Clusters and
// no `cluster` option, a request that names no cluster is judged for the unknown cluster `default`.
describe("the default cluster with several Clusters and no option", () => {
  it("is `default`, unknown: a deny that names it and the known clusters", () => {
    const { documents, diagnostics } = loadDocuments([
      { apiVersion: API, kind: "AccessPolicy", metadata: { name: "p" }, spec: { subjects: [{ user: "alice" }], rules: [{ effect: "allow", verbs: ["get"], resources: ["pods"] }] } },
      { apiVersion: API, kind: "Cluster", metadata: { name: "prod" }, spec: {} },
      { apiVersion: API, kind: "Cluster", metadata: { name: "dev" }, spec: {} },
    ]);
    expect(diagnostics).toEqual([]);
    const evaluator = createEvaluator(documents, { inventory, now: NOW });
    const request = { user: "alice", verb: "get", resource: "pods", namespace: "a", name: "x" };
    expect(evaluator.decide(request)).toEqual({ decision: "deny", matched: [], reason: "denied: unknown cluster `default`; known clusters are `prod`, `dev`" });
    expect(evaluator.decide({ ...request, cluster: "dev" }).decision).toBe("allow");
  });
});
