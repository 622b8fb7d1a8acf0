// The shape of the emitted objects, pinned where the goldens and the proof cannot see a difference (found by
// mutation testing of emit.ts): keys that must be absent, not undefined; rules merged per verb set whatever order
// the verbs were granted in; names lists that must not run together.
import { describe, expect, it } from "vitest";
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac } from "@rampart/compiler-rbac";

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({
  namespaces: ["team-a", "team-b"],
  objects: { secrets: { "team-a": ["ab", "a", "b"] }, configmaps: { "team-a": ["ab", "a", "b"] } },
});

function compile(rules: unknown[]) {
  const { documents, diagnostics } = loadDocuments([
    { apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: "p" }, spec: { subjects: [{ user: "alice" }], rules } },
  ]);
  expect(diagnostics).toEqual([]);
  const out = compileRbac(documents as RampartDocument[], { inventory, now: NOW });
  expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return out.objects;
}

describe("emitted objects: exact shape", () => {
  it("cluster-wide objects carry no `namespace` key at all; namespaced ones name theirs", () => {
    const objects = compile([
      { effect: "allow", verbs: ["get"], resources: ["nodes"] },
      { effect: "allow", verbs: ["get"], resources: ["pods"], namespaces: ["team-b"] },
    ]);
    expect(objects.map((o) => [o.kind, o.metadata.name, Object.keys(o.metadata)])).toEqual([
      ["ClusterRole", "rampart:p", ["name", "labels", "annotations"]],
      ["ClusterRoleBinding", "rampart:p", ["name", "labels", "annotations"]],
      ["Role", "rampart:p:ns", ["name", "namespace", "labels", "annotations"]],
      ["RoleBinding", "rampart:p:ns", ["name", "namespace", "labels", "annotations"]],
    ]);
    expect(objects.map((o) => o.metadata.namespace)).toEqual([undefined, undefined, "team-b", "team-b"]);
  });

  it("resources granted the same verbs share one rule, whatever order the verbs were granted in", () => {
    const objects = compile([
      { effect: "allow", verbs: ["list"], resources: ["pods"], namespaces: ["team-a"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps", "pods"], namespaces: ["team-a"] },
      { effect: "allow", verbs: ["list"], resources: ["configmaps"], namespaces: ["team-a"] },
    ]);
    expect(objects.find((o) => o.kind === "Role")!.rules).toEqual([{ apiGroups: [""], resources: ["configmaps", "pods"], verbs: ["get", "list"] }]);
  });

  it("names lists that would read the same run together (`ab` against `a`, `b`) stay apart", () => {
    const objects = compile([
      { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], names: ["ab"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"], names: ["a", "b"] },
    ]);
    expect(objects.find((o) => o.kind === "Role")!.rules).toEqual([
      { apiGroups: [""], resources: ["configmaps"], resourceNames: ["a", "b"], verbs: ["get"] },
      { apiGroups: [""], resources: ["secrets"], resourceNames: ["ab"], verbs: ["get"] },
    ]);
  });

  it("resources within a rule are sorted, whatever order they were granted in", () => {
    const objects = compile([
      { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"] },
    ]);
    expect(objects.find((o) => o.kind === "Role")!.rules).toEqual([{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["get"] }]);
  });

  it("rules are ordered by resources before verbs, then names (a rule naming objects before the rule of all of them)", () => {
    const objects = compile([
      { effect: "allow", verbs: ["list"], resources: ["configmaps"], namespaces: ["team-a"] },
      { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"] },
      { effect: "allow", verbs: ["update"], resources: ["secrets"], namespaces: ["team-a"], names: ["b"] },
      { effect: "allow", verbs: ["update"], resources: ["secrets"], namespaces: ["team-a"], names: ["a"] },
    ]);
    expect(objects.find((o) => o.kind === "Role")!.rules).toEqual([
      { apiGroups: [""], resources: ["configmaps"], verbs: ["list"] },
      { apiGroups: [""], resources: ["secrets"], resourceNames: ["a"], verbs: ["update"] },
      { apiGroups: [""], resources: ["secrets"], resourceNames: ["b"], verbs: ["update"] },
      { apiGroups: [""], resources: ["secrets"], verbs: ["get"] },
    ]);
  });

  it("Roles come out in namespace order, whatever order the policy's rules name the namespaces in", () => {
    const objects = compile([
      { effect: "allow", verbs: ["get"], resources: ["pods"], namespaces: ["team-b"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"] },
    ]);
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}`)).toEqual(["Role team-a", "RoleBinding team-a", "Role team-b", "RoleBinding team-b"]);
  });
});
