import { beforeAll, describe, expect, it } from "vitest";
import type { RampartDocument } from "@rampart/core";
import { verifyBuild, type BuildResult } from "@rampart/pipeline";
import { edited, NOW, proveFixture, RBAC } from "./prove-fixture.js";

let documents: RampartDocument[];
let build: BuildResult;
beforeAll(async () => {
  ({ documents, build } = await proveFixture());
});

const user = (name: string) => `subjects: [{ kind: User, name: ${name}, apiGroup: ${RBAC} }]`;
const binding = (kind: string, name: string, namespace: string | undefined, roleKind: string, role: string, who = "mallory", apiVersion = `${RBAC}/v1`) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: ${name}${namespace ? `, namespace: ${namespace}` : ""} }\nroleRef: { apiGroup: ${RBAC}, kind: ${roleKind}, name: ${role} }\n${user(who)}\n`;

/** Hand-added objects, each in its own file, as `kubectl apply -R` would apply them with the build. */
const HAND = {
  "hand/clusterroles.yaml": [
    `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: { name: secret-reader }\nrules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]`,
    // objects without metadata (the API server would refuse them): they grant nothing, and must not stop the blame of the others
    `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nrules: [{ apiGroups: [""], resources: [nodes], verbs: [get] }]`,
    `apiVersion: ${RBAC}/v1\nkind: Role\nrules: [{ apiGroups: [""], resources: [nodes], verbs: [get] }]`,
    `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nroleRef: { apiGroup: ${RBAC}, kind: Role, name: pod-deleter }\n${user("mallory")}`,
    `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: { name: metrics }\nrules: [{ nonResourceURLs: [/metrics], verbs: [get] }]`,
  ].join("\n---\n"),
  "hand/role-pod-deleter.yaml": `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: { name: pod-deleter, namespace: team }\nrules: [{ apiGroups: [""], resources: [pods], verbs: [delete] }]\n`,
  // a Role of that name in another namespace: a RoleBinding reaches the Role of its own namespace only
  "hand/role-elsewhere.yaml": `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: { name: pod-deleter, namespace: web }\nrules: [{ apiGroups: [""], resources: [pods], verbs: [delete] }]\n`,
  "hand/rolebinding-to-clusterrole.yaml": binding("RoleBinding", "read-secrets", "team", "ClusterRole", "secret-reader"),
  "hand/rolebinding-to-role.yaml": binding("RoleBinding", "delete-pods", "team", "Role", "pod-deleter"),
  "hand/binding-to-missing-role.yaml": binding("ClusterRoleBinding", "nothing", undefined, "ClusterRole", "no-such-role"),
  "hand/clusterrolebinding-metrics.yaml": binding("ClusterRoleBinding", "metrics", undefined, "ClusterRole", "metrics"),
  // RBAC kinds of another API group are not RBAC: the API server does not authorize with them
  "hand/not-rbac.yaml": binding("ClusterRoleBinding", "lookalike", undefined, "ClusterRole", "secret-reader", "eve", "example.com/v1"),
};

const NO_ALLOW = "denied by default: no allow rule of a policy whose subjects and clusters match applies to this request";

describe("over-grants name the files that grant them", () => {
  it("each binding with its role's file: RoleBinding → ClusterRole, RoleBinding → Role of its namespace, ClusterRoleBinding → ClusterRole (a URL)", () => {
    const [a, b] = verifyBuild(documents, edited(build, "a", HAND), { now: NOW }).clusters;
    expect(a!.objects).toBe(7 + 12);
    const pod = (name: string) => ({ verb: "delete", apiGroup: "", resource: "pods", subresource: "", namespace: "team", name, user: "mallory", groups: [] });
    expect(a!.overGrants).toEqual([
      {
        request: { verb: "get", nonResourceURL: "/metrics", user: "mallory", groups: [] },
        reason: NO_ALLOW,
        files: ["hand/clusterrolebinding-metrics.yaml", "hand/clusterroles.yaml"],
      },
      {
        request: {
          verb: "get",
          apiGroup: "",
          resource: "secrets",
          subresource: "",
          namespace: "team",
          name: "rampart-unknown-name",
          user: "mallory",
          groups: [],
        },
        reason: NO_ALLOW,
        files: ["hand/clusterroles.yaml", "hand/rolebinding-to-clusterrole.yaml"],
      },
      // the deny of `contractors` splits pod names into classes: nginx-1 (denied to contractors), web-1, and unknown names
      { request: pod("nginx-1"), reason: NO_ALLOW, files: ["hand/role-pod-deleter.yaml", "hand/rolebinding-to-role.yaml"] },
      { request: pod("web-1"), reason: NO_ALLOW, files: ["hand/role-pod-deleter.yaml", "hand/rolebinding-to-role.yaml"] },
      { request: pod("rampart-unknown-name"), reason: NO_ALLOW, files: ["hand/role-pod-deleter.yaml", "hand/rolebinding-to-role.yaml"] },
    ]);
    expect(b!.overGrants).toEqual([]);
  });

  it("a request granted through two bindings names both, with their roles", () => {
    const twice = { ...HAND, "hand/again.yaml": binding("ClusterRoleBinding", "read-secrets-everywhere", undefined, "ClusterRole", "secret-reader") };
    const [a] = verifyBuild(documents, edited(build, "a", twice), { now: NOW }).clusters;
    const inTeam = a!.overGrants.find((o) => o.request.resource === "secrets" && o.request.namespace === "team")!;
    expect(inTeam.files).toEqual(["hand/again.yaml", "hand/clusterroles.yaml", "hand/rolebinding-to-clusterrole.yaml"]);
    expect(a!.overGrants.filter((o) => o.request.resource === "secrets").map((o) => [o.request.namespace, o.files.length])).toEqual([
      // the proof visits what each binding grants: the ClusterRoleBinding's three namespaces, then the RoleBinding's team again
      ["front", 2],
      ["team", 3],
      ["web", 2],
      ["team", 3],
    ]);
  });
});

describe("the write-path admission layer joins the proof only when the tree holds that policy and its binding", () => {
  const files = () => build.clusters.get("a")!.files;
  const POLICY = "admission/validatingadmissionpolicy-rampart-access-writes.yaml";
  const BINDING = "admission/validatingadmissionpolicybinding-rampart-access-writes.yaml";
  const layer = (edits: Record<string, string | undefined>) => verifyBuild(documents, edited(build, "a", edits), { now: NOW }).clusters[0]!.writeLayer;

  it("present as built; missing when either object is deleted, renamed, bound to another policy or of another API group", () => {
    expect(layer({})).toBe(true);
    expect(layer({ [POLICY]: undefined })).toBe(false);
    expect(layer({ [BINDING]: undefined })).toBe(false);
    expect(layer({ [POLICY]: files().get(POLICY)!.replace("name: rampart-access-writes", "name: other") })).toBe(false);
    expect(layer({ [BINDING]: files().get(BINDING)!.replace("policyName: rampart-access-writes", "policyName: other") })).toBe(false);
    expect(layer({ [POLICY]: files().get(POLICY)!.replace("admissionregistration.k8s.io/v1", "example.com/v1") })).toBe(false);
    expect(layer({ [BINDING]: files().get(BINDING)!.replace("admissionregistration.k8s.io/v1", "example.com/v1") })).toBe(false);
    // the binding's own name does not matter, its policyName does
    expect(layer({ [BINDING]: files().get(BINDING)!.replace("name: rampart-access-writes", "name: renamed") })).toBe(true);
  });
});
