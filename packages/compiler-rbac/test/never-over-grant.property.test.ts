import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInventory, createOpenApiValidator, loadDocuments, type OpenApiBundle, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
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

describe("never over-grant (fast-check)", () => {
  it("random AccessPolicies × random inventories: valid objects, zero over-grants, every under-grant reported", () => {
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 3 }), inventory, fc.constantFrom("prod", "dev"), fc.boolean(), (policies, inv, env, keepWildcards) => {
        const values: unknown[] = policies.map((p, i) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: `p${i}` }, spec: p.clusters ? p : { subjects: p.subjects, rules: p.rules } }));
        values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "c" }, spec: { tags: { env } } });
        const { documents, diagnostics } = loadDocuments(values);
        expect(diagnostics).toEqual([]);
        const objects: Record<string, string[] | Record<string, string[]>> = { pods: inv.pods };
        if (inv.secrets) objects.secrets = inv.secrets;
        if (inv.widgets) objects["widgets.example.com"] = inv.widgets;
        if (inv.nodes) objects.nodes = inv.nodes;
        const inventory = createInventory({ namespaces: inv.namespaces, objects, resources: [WIDGETS] });
        const out = compileRbac(documents as RampartDocument[], { inventory, now: NOW, keepWildcards });
        expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        for (const o of out.objects) expect(validate(o as { kind: string })).toEqual([]);
        const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
        expect(proof.overGrants.slice(0, 3)).toEqual([]);
        expect(proof.underGrants.filter((u) => !u.covered).slice(0, 3)).toEqual([]);
      }),
      { numRuns: Number(process.env.RAMPART_PROPERTY_RUNS ?? 300) },
    );
  });
});
