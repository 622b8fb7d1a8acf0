import { describe, expect, it } from "vitest";
import { createInventory, loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac, type RbacObject } from "@rampart/compiler-rbac";

// The proof ranges over requests the API server can receive: a single-object request to a
// namespaced resource carries a namespace, and across all namespaces only collections are read.

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({ namespaces: ["team-a", "team-b"], objects: { pods: { "team-a": ["nginx-1", "api-1"], "team-b": ["web-1"] } } });
const policy = (name: string, subjects: unknown[], rules: unknown[]) => ({
  apiVersion: "rampart.dev/v1alpha1",
  kind: "AccessPolicy",
  metadata: { name },
  spec: { subjects, rules },
});
const docs = (values: unknown[]): RampartDocument[] => {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
};

// One group may do everything cluster-wide; a user who may be in that group may not touch nginx* pods.
const admins = policy("admins", [{ group: "admins" }], [{ effect: "allow", verbs: ["*"], resources: ["*"] }]);
const bobRules = [
  { effect: "allow", verbs: ["get", "list"], resources: ["pods"], namespaces: ["team-a"] },
  { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
];
const documents = docs([admins, policy("bob", [{ user: "bob" }], bobRules)]);
const WRITES = new Set(["create", "update", "patch", "delete"]);
/**
 * The combined layers as the CLI builds them: RBAC compiled from the write envelope (the deny
 * left to admission for writes) and an admission layer that rejects bob's writes on pods in a
 * namespace where the deny applies (a denied name, or a collection).
 */
const envelope = docs([admins, policy("bob", [{ user: "bob" }], [bobRules[0], { ...bobRules[1], verbs: ["get", "list", "watch", "deletecollection"] }])]);
const admits = (r: AccessRequest) =>
  !(
    r.user === "bob" &&
    WRITES.has(r.verb) &&
    r.resource === "pods" &&
    r.subresource === "" &&
    r.namespace !== "" &&
    (r.name === "" || r.name!.startsWith("nginx"))
  );

describe("verifyRbac: the request universe holds only servable requests", () => {
  it("a correct build of the combined layers proves clean: no namespace-less writes to namespaced resources", () => {
    const out = compileRbac(envelope, { inventory, now: NOW });
    const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, admits });
    expect(proof.overGrants.map((o) => `${o.request.verb} ${o.request.resource} ns=${o.request.namespace} name=${o.request.name}`)).toEqual([]);
  });

  it("no request in the universe is a single-object request without a namespace to a namespaced resource", () => {
    const seen: AccessRequest[] = [];
    const out = compileRbac(documents, { inventory, now: NOW });
    verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report, admits: (r) => (seen.push(r), true) });
    const pods = seen.filter((r) => r.resource === "pods");
    expect(pods.length).toBeGreaterThan(100);
    const allNamespaces = pods.filter((r) => r.namespace === "");
    expect([...new Set(allNamespaces.map((r) => `${r.verb} ${r.subresource}`))].sort()).toEqual(["list ", "watch "]);
    // get, update, patch and delete always name their object; subresources always have a parent.
    expect(seen.filter((r) => r.name === "" && (r.subresource !== "" || ["get", "update", "patch", "delete"].includes(r.verb)))).toEqual([]);
  });

  it("a hand-added ClusterRoleBinding granting `delete pods` is still an over-grant, naming the binding and role", () => {
    const out = compileRbac(documents, { inventory, now: NOW });
    const extra: RbacObject[] = [
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: "pod-deleter" },
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["delete"] }],
      },
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: "bob-deletes" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "pod-deleter" },
        subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "bob" }],
      },
    ];
    const proof = verifyRbac(documents, inventory, [...out.objects, ...extra], { now: NOW, report: out.report });
    expect(proof.overGrants.map((o) => `${o.request.user} ${o.request.verb} ${o.request.namespace}/${o.request.name}`).sort()).toEqual([
      "bob delete team-a/api-1",
      "bob delete team-a/nginx-1",
      "bob delete team-a/rampart-unknown-name",
      "bob delete team-b/rampart-unknown-name",
      "bob delete team-b/web-1",
    ]);
    for (const o of proof.overGrants) {
      expect(o.grantedBy).toEqual([{ binding: { kind: "ClusterRoleBinding", name: "bob-deletes" }, role: { kind: "ClusterRole", name: "pod-deleter" } }]);
    }
  });

  it("an over-grant through a RoleBinding names the binding, its namespace and the Role", () => {
    const objects: RbacObject[] = [
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: { name: "r", namespace: "team-b" },
        rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }],
      },
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "b", namespace: "team-b" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" },
        subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "bob" }],
      },
    ];
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    // web-1 stands for its class of names (the unknown name is alike to both sides: same glob matches, no resourceNames).
    expect(proof.overGrants.map((o) => `${o.request.verb} ${o.request.namespace}/${o.request.name}: ${o.reason}`)).toEqual([
      "get team-b/web-1: denied by default: no allow rule of a policy whose subjects and clusters match applies to this request",
    ]);
    expect(proof.overGrants[0]!.grantedBy).toEqual([
      { binding: { kind: "RoleBinding", name: "b", namespace: "team-b" }, role: { kind: "Role", name: "r", namespace: "team-b" } },
    ]);
  });
});
