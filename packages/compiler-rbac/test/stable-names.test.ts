import { describe, expect, it } from "vitest";
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac, type RbacObject } from "@rampart/compiler-rbac";

// An edit corpus as a team makes it in pull requests: each edit is compiled before and after
// over an inventory with several namespaces and names. Kubernetes forbids changing a binding's
// roleRef, so every binding present on both sides must keep it; and an edit should change the
// objects of the rule it touches in place, not remove one file and add another.

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({
  namespaces: ["team-a", "team-b", "team-c", "prod", "kube-system"],
  objects: {
    pods: { "team-a": ["nginx-1", "api-1", "db-0"], "team-b": ["nginx-2", "web-1"], "team-c": ["api-2"], prod: ["api-3", "db-1"] },
    secrets: { "team-a": ["tls"], prod: ["tls", "db"] },
  },
});

type Rule = Record<string, unknown>;
interface Policy {
  name: string;
  subjects: Record<string, string>[];
  rules: Rule[];
}
const base = (): Policy[] => [
  {
    name: "devs",
    subjects: [{ group: "devs" }],
    rules: [
      { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "configmaps"], namespaces: ["team-*"] },
      { effect: "allow", verbs: ["get", "update"], resources: ["deployments.apps"], namespaces: ["team-a"] },
      { effect: "deny", verbs: ["delete"], resources: ["pods"], namespaces: ["*"], names: ["db-*"] },
    ],
  },
  {
    name: "ops",
    subjects: [{ group: "ops" }, { user: "olga" }],
    rules: [
      { effect: "allow", verbs: ["get", "list"], resources: ["nodes"] },
      { effect: "allow", verbs: ["get", "delete"], resources: ["pods"], namespaces: ["prod", "team-a"] },
    ],
  },
  {
    name: "contractors",
    subjects: [{ group: "contractors" }],
    rules: [
      { effect: "allow", verbs: ["get"], resources: ["pods"], namespaces: ["team-b"] },
      { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
    ],
  },
];

function compile(policies: Policy[]): RbacObject[] {
  const values = policies.map((p) => ({
    apiVersion: "rampart.dev/v1alpha1",
    kind: "AccessPolicy",
    metadata: { name: p.name },
    spec: { subjects: p.subjects, rules: p.rules },
  }));
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  const out = compileRbac(documents as RampartDocument[], { inventory, now: NOW });
  expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
  expect(proof.overGrants).toEqual([]);
  expect(proof.underGrants.filter((u) => !u.covered)).toEqual([]);
  return out.objects;
}

const idOf = (o: RbacObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

/** How an edit changes the output: in place, removed, added, and bindings whose roleRef changed. */
function changes(before: readonly RbacObject[], after: readonly RbacObject[]) {
  const old = new Map(before.map((o) => [idOf(o), o]));
  const now = new Map(after.map((o) => [idOf(o), o]));
  expect(old.size).toBe(before.length); // two objects never share a name
  expect(now.size).toBe(after.length);
  let inPlace = 0;
  let unchanged = 0;
  const roleRefChanged: string[] = [];
  for (const [id, o] of now) {
    const p = old.get(id);
    if (!p) continue;
    if (JSON.stringify(p) === JSON.stringify(o)) unchanged++;
    else inPlace++;
    if (o.roleRef && JSON.stringify(o.roleRef) !== JSON.stringify(p.roleRef)) roleRefChanged.push(id);
  }
  const removed = [...old.keys()].filter((id) => !now.has(id)).length;
  const added = [...now.keys()].filter((id) => !old.has(id)).length;
  return { unchanged, inPlace, removed, added, roleRefChanged: roleRefChanged.length };
}

const policy = (ps: Policy[], name: string) => ps.find((p) => p.name === name)!;

/** Each edit with the exact change it must cause (objects unchanged, changed in place, removed, added). */
const edits: { edit: string; apply: (ps: Policy[]) => void; expect: { unchanged: number; inPlace: number; removed: number; added: number } }[] = [
  // Roles of `devs` in team-a, team-b, team-c gain `services`.
  {
    edit: "add a resource",
    apply: (ps) => (policy(ps, "devs").rules[0]!.resources = ["pods", "configmaps", "services"]),
    expect: { unchanged: 11, inPlace: 3, removed: 0, added: 0 },
  },
  // `devs` gains a Role and a RoleBinding in prod; nothing else moves.
  {
    edit: "add a namespace",
    apply: (ps) => (policy(ps, "devs").rules[0]!.namespaces = ["team-*", "prod"]),
    expect: { unchanged: 14, inPlace: 0, removed: 0, added: 2 },
  },
  // The Role of `devs` in team-a only.
  {
    edit: "add a verb",
    apply: (ps) => (policy(ps, "devs").rules[1]!.verbs = ["get", "update", "patch"]),
    expect: { unchanged: 13, inPlace: 1, removed: 0, added: 0 },
  },
  // `api-*` pods leave the named grants of every requester who may be a contractor, where such pods exist:
  // the Roles of `devs` in team-a and team-c and of `ops` in team-a and prod.
  {
    edit: "add a denied name",
    apply: (ps) => (policy(ps, "contractors").rules[1]!.names = ["nginx*", "api-*"]),
    expect: { unchanged: 10, inPlace: 4, removed: 0, added: 0 },
  },
  // `devs` rule 1 was its only grant on deployments: the team-a Role shrinks in place.
  { edit: "drop a rule", apply: (ps) => policy(ps, "devs").rules.splice(1, 1), expect: { unchanged: 13, inPlace: 1, removed: 0, added: 0 } },
  // A new policy without denies only adds its own objects.
  {
    edit: "add a policy",
    apply: (ps) =>
      ps.push({
        name: "auditors",
        subjects: [{ group: "auditors" }],
        rules: [{ effect: "allow", verbs: ["get", "list"], resources: ["configmaps"], namespaces: ["prod"] }],
      }),
    expect: { unchanged: 14, inPlace: 0, removed: 0, added: 2 },
  },
  // Subjects live on the bindings: the ClusterRoleBinding and the two RoleBindings of `ops` change in place.
  { edit: "change subjects", apply: (ps) => policy(ps, "ops").subjects.push({ user: "omar" }), expect: { unchanged: 11, inPlace: 3, removed: 0, added: 0 } },
  // A namespace dropped from a rule removes exactly that namespace's Role and RoleBinding.
  { edit: "drop a namespace", apply: (ps) => (policy(ps, "ops").rules[1]!.namespaces = ["prod"]), expect: { unchanged: 12, inPlace: 0, removed: 2, added: 0 } },
];

describe("stable names: edits apply cleanly (roleRef never changes) and touch only their objects", () => {
  it("the base output: one Role and RoleBinding per policy and namespace, one ClusterRole and binding per cluster-wide policy", () => {
    expect(compile(base()).map(idOf)).toEqual([
      "Role/team-a/rampart:devs:ns",
      "RoleBinding/team-a/rampart:devs:ns",
      "Role/team-b/rampart:devs:ns",
      "RoleBinding/team-b/rampart:devs:ns",
      "Role/team-c/rampart:devs:ns",
      "RoleBinding/team-c/rampart:devs:ns",
      "ClusterRole//rampart:ops",
      "ClusterRoleBinding//rampart:ops",
      "Role/prod/rampart:ops:ns",
      "RoleBinding/prod/rampart:ops:ns",
      "Role/team-a/rampart:ops:ns",
      "RoleBinding/team-a/rampart:ops:ns",
      "Role/team-b/rampart:contractors:ns",
      "RoleBinding/team-b/rampart:contractors:ns",
    ]);
  });

  for (const e of edits) {
    it(`${e.edit}: 0 roleRef changes, exact objects changed`, () => {
      const before = compile(base());
      const edited = base();
      e.apply(edited);
      const c = changes(before, compile(edited));
      console.log(
        `stable names: ${e.edit.padEnd(18)} unchanged ${c.unchanged}, changed in place ${c.inPlace}, removed ${c.removed}, added ${c.added}, roleRef changes ${c.roleRefChanged}`,
      );
      expect(c.roleRefChanged).toBe(0);
      expect({ unchanged: c.unchanged, inPlace: c.inPlace, removed: c.removed, added: c.added }).toEqual(e.expect);
    });
  }

  it("every binding's roleRef is a function of its name: same kind family and the same name", () => {
    for (const o of compile(base())) {
      if (!o.roleRef) continue;
      expect(o.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: o.kind === "RoleBinding" ? "Role" : "ClusterRole", name: o.metadata.name });
    }
  });
});
