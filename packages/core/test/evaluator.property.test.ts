import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, createInventory, loadDocuments } from "@rampart/core";
import { referenceDecide } from "../../../test-support/reference-evaluator.js";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const inventory = createInventory();
const clusterScoped = (g: string, r: string) => {
  const res = inventory.resource(g, r);
  return res === undefined ? undefined : !res.namespaced;
};

const glob = fc.constantFrom("*", "a*", "*b", "a?c", "team-*", "x", "a*b*c", "??", "");
const nonEmptyGlob = glob.filter((g) => g !== "");
const resourceEntry = fc.constantFrom("*", "pods", "pods/log", "pods/*", "*/scale", "*.apps", "deployments.apps", "deployments.apps/scale", "nodes", "namespaces", "widgets.example.com", "secrets", "*.example.com");
const verb = fc.constantFrom("get", "list", "watch", "create", "delete", "patch", "escalate");
const rule = fc.oneof(
  { weight: 6, arbitrary: fc.record({ effect: fc.constantFrom("allow", "deny"), verbs: fc.oneof(fc.constant(["*"]), fc.uniqueArray(verb, { minLength: 1, maxLength: 3 })), resources: fc.uniqueArray(resourceEntry, { minLength: 1, maxLength: 3 }), namespaces: fc.option(fc.uniqueArray(nonEmptyGlob, { minLength: 1, maxLength: 2 }), { nil: undefined }), names: fc.option(fc.uniqueArray(nonEmptyGlob, { minLength: 1, maxLength: 2 }), { nil: undefined }), expires: fc.option(fc.constantFrom("2026-11-24T11:59:59Z", "2026-11-24T12:00:00Z", "2026-11-24T12:00:01Z", "2026-11-25"), { nil: undefined }) }, { requiredKeys: ["effect", "verbs", "resources"] }) },
  { weight: 1, arbitrary: fc.record({ effect: fc.constantFrom("allow", "deny"), verbs: fc.constantFrom(["get"], ["*"], ["post"]), nonResourceURLs: fc.uniqueArray(fc.constantFrom("/healthz", "/metrics*", "*", "/a?c", "/logs/*"), { minLength: 1, maxLength: 2 }) }) },
);
const subject = fc.oneof(
  fc.constantFrom("alice", "bob", "system:serviceaccount:ci:deployer").map((user) => ({ user })),
  fc.constantFrom("devs", "ops", "system:serviceaccounts", "system:serviceaccounts:ci").map((group) => ({ group })),
  fc.constantFrom("ci/deployer", "team-a/app").map((serviceAccount) => ({ serviceAccount })),
);
const policy = fc.record({ subjects: fc.array(subject, { minLength: 1, maxLength: 3 }), clusters: fc.option(fc.constantFrom({ env: "prod" }, { env: "dev", region: "eu" }), { nil: undefined }), rules: fc.array(rule, { minLength: 1, maxLength: 5 }) });
const target = fc.constantFrom(["", "pods", ""], ["", "pods", "log"], ["", "pods", "exec"], ["apps", "deployments", ""], ["apps", "deployments", "scale"], ["", "replicationcontrollers", "scale"], ["", "nodes", ""], ["", "namespaces", ""], ["example.com", "widgets", ""], ["", "secrets", ""]);
const request = fc.record({
  user: fc.constantFrom("alice", "bob", "carol", "system:serviceaccount:ci:deployer", "system:serviceaccount:team-a:app", ""),
  groups: fc.subarray(["devs", "ops", "system:serviceaccounts:ci"]),
  verb,
  target,
  namespace: fc.constantFrom("", "team-a", "abc", "x", "ab"),
  name: fc.constantFrom("", "abc", "a1b", "xb", "x", "aXc", "ab"),
  url: fc.option(fc.constantFrom("/healthz", "/metrics/x", "/abc", "/logs/1", "/"), { nil: undefined, freq: 6 }),
  cluster: fc.constantFrom("", "prod", "dev", "nope"),
});

describe("createEvaluator agrees with the reference semantics (fast-check)", () => {
  it("random policies, clusters and requests: same decision and same deciding rule", () => {
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.array(request, { minLength: 1, maxLength: 25 }), (policies, withClusters, requests) => {
        const values: unknown[] = policies.map((p, i) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: `p${i}` }, spec: p.clusters ? p : { subjects: p.subjects, rules: p.rules } }));
        if (withClusters) {
          values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "prod" }, spec: { tags: { env: "prod" } } });
          values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "dev" }, spec: { tags: { env: "dev", region: "eu" } } });
        }
        const { documents, diagnostics } = loadDocuments(values);
        expect(diagnostics).toEqual([]);
        const evaluator = createEvaluator(documents, { cluster: withClusters ? "prod" : "default", now: NOW, inventory });
        for (const r of requests) {
          const [apiGroup, resource, subresource] = r.target as [string, string, string];
          const req = r.url !== undefined
            ? { user: r.user, groups: r.groups, verb: r.verb === "create" ? "post" : r.verb, nonResourceURL: r.url, cluster: r.cluster }
            : { user: r.user, groups: r.groups, verb: r.verb, apiGroup, resource, subresource, namespace: r.namespace, name: r.name, cluster: r.cluster };
          const want = referenceDecide(documents, req, { cluster: withClusters ? "prod" : "default", now: NOW, clusterScoped });
          const got = evaluator.decide(req);
          expect({ decision: got.decision, matched: got.matched.map((m) => `${m.policy}#${m.rule}`) }, JSON.stringify(req)).toEqual({
            decision: want.decision,
            matched: want.policy === undefined ? [] : [`${want.policy}#${want.rule}`],
          });
          if (got.matched.length) expect(got.matched[0]!.effect).toBe(got.decision);
        }
      }),
      { numRuns: 500 },
    );
  });
});
