import { describe, expect, it } from "vitest";
import { accessPolicy, allow, createInventory, deny, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac, type PolicyRule, type RbacObject, type RbacSubject } from "@rampart/compiler-rbac";

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({ namespaces: ["team-a", "team-b"], objects: { pods: { "team-a": ["nginx-1", "api-1"] }, secrets: { "team-a": ["db"] } } });
const docs = (values: unknown[]): RampartDocument[] => {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
};
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });
const role = (name: string, rules: PolicyRule[]): RbacObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: meta(name),
  rules,
});
const bind = (kind: "ClusterRoleBinding" | "RoleBinding", role: string, subjects: RbacSubject[], namespace?: string): RbacObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind,
  metadata: meta(`b-${role}-${namespace ?? ""}`, namespace),
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
  subjects,
});
const alice = [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "alice" }];

describe("verifyRbac catches over-grants in hand-edited output", () => {
  const documents = docs([
    accessPolicy("a", {
      subjects: [{ user: "alice" }],
      rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["team-a"] }), allow({ verbs: ["get"], nonResourceURLs: ["/healthz"] })],
    }),
    accessPolicy("b", {
      subjects: [{ group: "contractors" }],
      rules: [
        allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-b"] }),
        deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
      ],
    }),
  ]);

  it("the compiler's own output proves clean, and reports the cross-policy narrowing", () => {
    const out = compileRbac(documents, { inventory, now: NOW });
    const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
    expect(proof.overGrants).toEqual([]);
    expect(proof.underGrants.filter((u) => !u.covered)).toEqual([]);
    expect(out.report.rules[0]!.notExpressible.map((n) => n.reason)).toContainEqual(expect.stringContaining("narrowed by deny rule 1 of `b`"));
    const names = out.objects.flatMap((o) => o.rules ?? []).flatMap((r) => r.resourceNames ?? []);
    expect(names).toEqual(["api-1"]);
  });

  it("a resource the policies never allow", () => {
    const objects = [role("r", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]), bind("RoleBinding", "r", alice, "team-a")];
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    expect(proof.overGrants[0]).toMatchObject({ request: { verb: "get", resource: "secrets", namespace: "team-a", user: "alice" } });
  });

  it("a grant that a deny of another policy takes back for requesters in both (alice may be a contractor)", () => {
    const objects = [role("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }]), bind("RoleBinding", "r", alice, "team-a")];
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    // `list` with the empty name: a deny with names applies to collections; `get` always names its object.
    expect(proof.overGrants.map((o) => `${o.request.verb} ${o.request.name}`)).toEqual(["list api-1", "get nginx-1", "list nginx-1", "list "]); // alice may get pods, not list them
    expect(proof.overGrants[1]!.reason).toBe("denied by rule 1 of `b`, which applies to a requester that is also alice");
  });

  it("a RoleBinding that reaches the Namespace object itself (namespace=name=team-a)", () => {
    const objects = [role("r", [{ apiGroups: [""], resources: ["namespaces"], verbs: ["get"] }]), bind("RoleBinding", "r", alice, "team-a")];
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    expect(proof.overGrants.map((o) => o.request)).toEqual([
      { verb: "get", apiGroup: "", resource: "namespaces", subresource: "", namespace: "team-a", name: "team-a", user: "alice", groups: [] },
    ]);
  });

  it("a non-resource URL prefix wider than the policy's, and a subject no policy names", () => {
    const objects = [
      role("r", [{ nonResourceURLs: ["/healthz*"], verbs: ["get"] }]),
      bind("ClusterRoleBinding", "r", [...alice, { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "mallory" }]),
    ];
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    const over = proof.overGrants.map((o) => `${o.request.user} ${o.request.nonResourceURL}`);
    expect(over).toContain("alice /healthzx");
    expect(over).toContain("mallory /healthz");
  });

  it("under-grants are covered only by a report entry for their rule and verb", () => {
    const proof = verifyRbac(documents, inventory, [], {
      now: NOW,
      report: { rules: [{ policy: "a", rule: 0, notExpressible: [{ verbs: ["get"], reason: "test" }] }] },
    });
    expect(proof.overGrants).toEqual([]);
    const uncovered = proof.underGrants.filter((u) => !u.covered).map((u) => `${u.policy}#${u.rule} ${u.request.verb}`);
    expect(new Set(uncovered)).toEqual(new Set(["a#1 get", "b#0 get"]));
  });
});
