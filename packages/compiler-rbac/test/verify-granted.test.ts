import { describe, expect, it } from "vitest";
import { accessPolicy, allow, cluster, createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { verifyRbac, type PolicyRule, type RbacObject, type RbacSubject, type VerifyRbacResult } from "@rampart/compiler-rbac";

// Phase 1 of the proof: every request a bound rule grants is judged. Hand-written RBAC for a policy
// that lets alice get pods in team-a only; everything else these objects grant is an over-grant.
const NOW = new Date("2026-11-24T00:00:00Z");
const RBAC = "rbac.authorization.k8s.io";
const inventory = createInventory({ namespaces: ["team-a", "team-b"] });
const docs = (values: unknown[]): RampartDocument[] => {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
};
const documents = docs([accessPolicy("a", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"] })] })]);
const alice: RbacSubject[] = [{ kind: "User", apiGroup: RBAC, name: "alice" }];
const clusterRole = (rules: PolicyRule[]): RbacObject => ({ apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { name: "r" }, rules });
const crb = (subjects = alice): RbacObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: "ClusterRoleBinding",
  metadata: { name: "b" },
  roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "r" },
  subjects,
});
const rb = (namespace: string, subjects = alice): RbacObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: "RoleBinding",
  metadata: { name: "b", namespace },
  roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "r" },
  subjects,
});
const prove = (objects: RbacObject[], docs = documents): VerifyRbacResult => verifyRbac(docs, inventory, objects, { now: NOW });
/** Over-grants as `verb group/resource namespace/name user`, or `verb path user` for URLs. */
const over = (result: VerifyRbacResult) =>
  result.overGrants.map(({ request: r }) =>
    r.nonResourceURL !== undefined
      ? `${r.verb} ${r.nonResourceURL} ${r.user}`
      : `${r.verb} ${r.apiGroup}/${r.resource}${r.subresource ? `/${r.subresource}` : ""} ${r.namespace}/${r.name} ${r.user}`,
  );
/** Verbs the inventory serves on a resource (the oracle for `*`). */
const servedVerbs = (group: string, resource: string) => [...inventory.resource(group, resource)!.verbs];

describe("what a ClusterRoleBinding grants", () => {
  it("non-resource URLs: `*` is every HTTP verb, on every path any of the rule's URLs matches", () => {
    const result = prove([clusterRole([{ nonResourceURLs: ["/healthz", "/metrics"], verbs: ["*"] }]), crb()]);
    const http = ["delete", "get", "head", "options", "patch", "post", "put"];
    expect(over(result)).toEqual([...http.map((v) => `${v} /healthz alice`), ...http.map((v) => `${v} /metrics alice`)]);
  });

  it("a namespaced resource: each namespace of the universe (with a name) and all namespaces (collections)", () => {
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }]), crb()]))).toEqual([
      "get /secrets team-a/rampart-unknown-name alice",
      "list /secrets team-a/rampart-unknown-name alice",
      "list /secrets team-a/ alice",
      "get /secrets team-b/rampart-unknown-name alice",
      "list /secrets team-b/rampart-unknown-name alice",
      "list /secrets team-b/ alice",
      "list /secrets /rampart-unknown-name alice",
      "list /secrets / alice",
    ]);
  });

  it("a cluster-scoped resource, and the Namespace objects (namespace = name)", () => {
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["nodes"], verbs: ["get"] }]), crb()]))).toEqual(["get /nodes /rampart-unknown-name alice"]);
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list"] }]), crb()]))).toEqual([
      "get /namespaces team-a/team-a alice",
      "list /namespaces team-a/team-a alice",
      "get /namespaces team-b/team-b alice",
      "list /namespaces team-b/team-b alice",
      "get /namespaces rampart-unknown-name/rampart-unknown-name alice",
      "list /namespaces rampart-unknown-name/rampart-unknown-name alice",
      // without a namespace: conservative stand-ins for any namespace name (list by field selector, and get)
      "get /namespaces /rampart-unknown-name alice",
      "list /namespaces /rampart-unknown-name alice",
      "list /namespaces / alice",
    ]);
  });

  it("a ServiceAccount subject needs a namespace (the binding has none to lend it); with one it is that ServiceAccount's user", () => {
    const rules = [{ apiGroups: [""], resources: ["nodes"], verbs: ["get"] }];
    expect(over(prove([clusterRole(rules), crb([{ kind: "ServiceAccount", name: "deployer" }])]))).toEqual([]);
    expect(over(prove([clusterRole(rules), crb([{ kind: "ServiceAccount", name: "deployer", namespace: "team-b" }])]))).toEqual([
      "get /nodes /rampart-unknown-name system:serviceaccount:team-b:deployer",
    ]);
  });
});

describe("what a RoleBinding grants: its own namespace only", () => {
  it("no non-resource URL and no cluster-scoped resource", () => {
    expect(
      over(
        prove([
          clusterRole([
            { nonResourceURLs: ["/healthz"], verbs: ["get"] },
            { apiGroups: [""], resources: ["nodes"], verbs: ["get"] },
          ]),
          rb("team-b"),
        ]),
      ),
    ).toEqual([]);
  });

  it("its own Namespace object, unless resourceNames leave it out", () => {
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["namespaces"], verbs: ["get"] }]), rb("team-b")]))).toEqual([
      "get /namespaces team-b/team-b alice",
    ]);
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["namespaces"], verbs: ["get"], resourceNames: ["team-a"] }]), rb("team-b")]))).toEqual([]);
    expect(over(prove([clusterRole([{ apiGroups: [""], resources: ["namespaces"], verbs: ["get"], resourceNames: ["team-b"] }]), rb("team-b")]))).toEqual([
      "get /namespaces team-b/team-b alice",
    ]);
  });

  it("`*` verbs: every verb the API serves on the resource, and authorization-only verbs the rule names beside `*`", () => {
    const verbs = (result: VerifyRbacResult) => [...new Set(result.overGrants.map((o) => o.request.verb))].sort();
    // alice may only get pods: every other served verb is an over-grant, and so is `approve`
    const expected = [...servedVerbs("", "pods").filter((v) => v !== "get"), "approve"].sort();
    expect(verbs(prove([clusterRole([{ apiGroups: [""], resources: ["pods"], verbs: ["*", "approve"] }]), rb("team-a")]))).toEqual(expected);
  });

  it("each API group and resource the rule lists, subresources by name and `*/<sub>` across resources", () => {
    const targets = (result: VerifyRbacResult) =>
      [
        ...new Set(result.overGrants.map((o) => `${o.request.apiGroup}/${o.request.resource}${o.request.subresource ? `/${o.request.subresource}` : ""}`)),
      ].sort();
    expect(targets(prove([clusterRole([{ apiGroups: ["", "apps"], resources: ["deployments", "pods/log"], verbs: ["get"] }]), rb("team-a")]))).toEqual([
      "/pods/log",
      "apps/deployments",
    ]);
    // every namespaced resource's `status` subresource, and the Namespace's own (a RoleBinding reaches its
    // namespace's Namespace object); the oracle: the inventory's resources
    const withStatus = inventory.resources
      .filter((r) => (r.namespaced || (r.group === "" && r.resource === "namespaces")) && r.subresources.some((s) => s.name === "status"))
      .map((r) => `${r.group}/${r.resource}/status`)
      .sort();
    expect(withStatus.length).toBeGreaterThan(5);
    expect(targets(prove([clusterRole([{ apiGroups: ["*"], resources: ["*/status"], verbs: ["get"] }]), rb("team-a")]))).toEqual(withStatus);
    // `*` is every resource of the group and every subresource (RBAC's ResourceMatches); the oracle: the inventory's
    // core resources and subresources a RoleBinding reaches (namespaced ones, and its own Namespace object) serving get,
    // but `pods`, which alice's policy allows.
    const reached = inventory.resources.filter((r) => r.group === "" && (r.namespaced || r.resource === "namespaces"));
    const everything = reached
      .flatMap((r) => [
        ...(r.verbs.includes("get") ? [`/${r.resource}`] : []),
        ...r.subresources.filter((x) => x.verbs.includes("get")).map((x) => `/${r.resource}/${x.name}`),
      ])
      .filter((t) => t !== "/pods")
      .sort();
    expect(everything.length).toBeGreaterThan(10);
    expect(targets(prove([clusterRole([{ apiGroups: [""], resources: ["*"], verbs: ["get"] }]), rb("team-a")]))).toEqual(everything);
  });
});

describe("verifyRbac's inputs", () => {
  it("judges only the policies of the chosen cluster, at the given instant; an unknown cluster checks nothing", () => {
    const two = docs([
      cluster("dev", { tags: { env: "dev" } }),
      cluster("prod", { tags: { env: "prod" } }),
      accessPolicy("a", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"] })] }),
      // prod only, and a namespace the inventory does not know: it widens prod's universe, not dev's
      accessPolicy("p", {
        subjects: [{ user: "alice" }],
        clusters: { env: "prod" },
        rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["ops"], expires: "2026-11-25T00:00:00Z" })],
      }),
    ]);
    const objects = [clusterRole([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), crb()];
    const at = (name: string, now = NOW) => verifyRbac(two, inventory, objects, { cluster: name, now });
    expect(over(at("dev"))).toEqual(["get /pods team-b/rampart-unknown-name alice"]);
    expect(over(at("prod"))).toEqual(["get /pods team-b/rampart-unknown-name alice"]);
    // once p expires, ops is no longer granted by the policies
    expect(over(at("prod", new Date("2026-11-26T00:00:00Z")))).toEqual([
      "get /pods ops/rampart-unknown-name alice",
      "get /pods team-b/rampart-unknown-name alice",
    ]);
    expect([at("dev").checked, at("prod").checked]).toEqual([3, 5]);
    expect(at("staging")).toEqual({ overGrants: [], underGrants: [], checked: 0 });
  });
});
