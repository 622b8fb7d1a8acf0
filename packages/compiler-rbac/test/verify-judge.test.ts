import { describe, expect, it } from "vitest";
import { accessPolicy, allow, createInventory, deny, loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { verifyRbac, type PolicyRule, type RbacObject } from "@rampart/compiler-rbac";

const NOW = new Date("2026-11-24T00:00:00Z");
const RBAC = "rbac.authorization.k8s.io";
const inventory = createInventory({
  namespaces: ["team-a", "team-b"],
  objects: { pods: { "team-a": ["nginx-1", "api-1"] }, configmaps: { "team-a": ["audit-log", "app-config"] } },
});
/** Documents loaded as from `file` (every rule of an inline document sits at `file:1:1`). */
const docs = (file: string, values: unknown[]): RampartDocument[] => {
  const { documents, diagnostics } = loadDocuments(values, file);
  expect(diagnostics).toEqual([]);
  return documents;
};
const role = (name: string, rules: PolicyRule[]): RbacObject => ({ apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { name }, rules });
const bindAlice = (roleName: string, namespace: string): RbacObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: "RoleBinding",
  metadata: { name: `alice-${roleName}`, namespace },
  roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: roleName },
  subjects: [{ kind: "User", apiGroup: RBAC, name: "alice" }],
});

describe("under-grants: covered by the compile report for their rule and verb, or by a diagnostic at their rule", () => {
  // alice may get and list pods in team-a; the objects grant nothing, so every allowed request is an under-grant.
  const documents = docs("a.yaml", [
    accessPolicy("a", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get", "list"], resources: ["pods"], namespaces: ["team-a"] })] }),
  ]);
  const verbs = (underGrants: { request: AccessRequest; covered?: boolean }[], covered: boolean) => [
    ...new Set(underGrants.filter((u) => u.covered === covered).map((u) => u.request.verb)),
  ];

  it("a report entry covers the verbs it lists, `*` every verb, and only for its own rule", () => {
    const report = (policy: string, rule: number, v: string[]) => ({ rules: [{ policy, rule, notExpressible: [{ verbs: v, reason: "test" }] }] });
    const getOnly = verifyRbac(documents, inventory, [], { now: NOW, report: report("a", 0, ["get"]) });
    expect([verbs(getOnly.underGrants, true), verbs(getOnly.underGrants, false)]).toEqual([["get"], ["list"]]);
    const all = verifyRbac(documents, inventory, [], { now: NOW, report: report("a", 0, ["*"]) });
    expect([verbs(all.underGrants, true), verbs(all.underGrants, false)]).toEqual([["get", "list"], []]);
    const other = verifyRbac(documents, inventory, [], { now: NOW, report: report("a", 1, ["*"]) });
    expect([verbs(other.underGrants, true), verbs(other.underGrants, false)]).toEqual([[], ["get", "list"]]);
    // Every request the rule allows, each judged once as RBAC refuses it: no name glob or resourceNames list tells
    // the pod names apart, so api-1 stands for them all (nginx-1, unknown names); list also names none (the collection).
    expect(getOnly.underGrants.map((u) => `${u.request.verb} ${u.request.namespace}/${u.request.name}`)).toEqual([
      "get team-a/api-1",
      "list team-a/api-1",
      "list team-a/",
    ]);
    expect(getOnly.checked).toBe(3);
  });

  it("without a report, a diagnostic at the rule's position covers it, whatever the verb; one elsewhere does not", () => {
    const at = verifyRbac(documents, inventory, [], { now: NOW, diagnostics: [{ file: "a.yaml", line: 1, column: 1 }] });
    expect([verbs(at.underGrants, true), verbs(at.underGrants, false)]).toEqual([["get", "list"], []]);
    const elsewhere = verifyRbac(documents, inventory, [], {
      now: NOW,
      diagnostics: [
        { file: "a.yaml", line: 2, column: 1 },
        { file: "b.yaml", line: 1, column: 1 },
      ],
    });
    expect([verbs(elsewhere.underGrants, true), verbs(elsewhere.underGrants, false)]).toEqual([[], ["get", "list"]]);
    const none = verifyRbac(documents, inventory, [], { now: NOW });
    expect(verbs(none.underGrants, false)).toEqual(["get", "list"]);
  });
});

describe("a second layer (the write-path admission policy) sees the whole requester", () => {
  // alice reads pods and configmaps in team-a. Two deny policies name groups alice may also be in:
  // `auditors` (denies only) keeps audit-* configmaps from them, `contractors` (an allow and a deny)
  // keeps nginx* pods from them. `bots` names a ServiceAccount group: people are never in it.
  const documents = [
    ...docs("a.yaml", [
      accessPolicy("a", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods", "configmaps"], namespaces: ["team-a"] })] }),
    ]),
    ...docs("b.yaml", [
      accessPolicy("auditors", {
        subjects: [{ group: "auditors" }],
        rules: [deny({ verbs: ["*"], resources: ["configmaps"], namespaces: ["*"], names: ["audit-*"] })],
      }),
      accessPolicy("bots", { subjects: [{ group: "system:serviceaccounts:team-a" }], rules: [deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"] })] }),
      accessPolicy("contractors", {
        subjects: [{ group: "contractors" }],
        rules: [
          allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-b"] }),
          deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
        ],
      }),
    ]),
  ];
  // RBAC cannot tell alice from alice-in-contractors: it grants her every pod and configmap of team-a.
  const objects = [role("reader", [{ apiGroups: [""], resources: ["pods", "configmaps"], verbs: ["get"] }]), bindAlice("reader", "team-a")];
  const shown = (o: { request: AccessRequest; reason?: string }) =>
    `${o.request.verb} ${o.request.resource} ${o.request.namespace}/${o.request.name} as ${o.request.user}+[${(o.request.groups ?? []).join(",")}]: ${o.reason}`;

  it("a layer that admits everything: over-grants for the requesters who are alice and in a group a deny names", () => {
    const proof = verifyRbac(documents, inventory, objects, { now: NOW, admits: () => true });
    expect(proof.overGrants.map(shown)).toEqual([
      "get configmaps team-a/audit-log as alice+[auditors]: denied by rule 0 of AccessPolicy `auditors`, which denies every verb on configmaps named audit-* in every namespace; a matching deny always wins",
      "get pods team-a/nginx-1 as alice+[contractors]: denied by rule 1 of AccessPolicy `contractors`, which denies every verb on pods named nginx* in every namespace; a matching deny always wins",
    ]);
    // the grant is the one alice holds alone
    expect(proof.overGrants[1]!.grantedBy).toEqual([
      { binding: { kind: "RoleBinding", namespace: "team-a", name: "alice-reader" }, role: { kind: "ClusterRole", name: "reader" } },
    ]);
  });

  it("without a second layer, the deny that applies is named (the requester is not)", () => {
    const proof = verifyRbac(documents, inventory, objects, { now: NOW });
    expect(proof.overGrants.map(shown)).toEqual([
      "get configmaps team-a/audit-log as alice+[]: denied by rule 0 of `auditors`, which applies to a requester that is also alice",
      "get pods team-a/nginx-1 as alice+[]: denied by rule 1 of `contractors`, which applies to a requester that is also alice",
    ]);
  });

  it("a layer that refuses what the denies refuse leaves no over-grant; one that refuses everything makes every allowed request an under-grant", () => {
    const refusesDenied = (r: AccessRequest) => !(r.groups ?? []).some((g) => g === "contractors" || g === "auditors");
    expect(verifyRbac(documents, inventory, objects, { now: NOW, admits: refusesDenied }).overGrants).toEqual([]);
    const closed = verifyRbac(documents, inventory, objects, { now: NOW, admits: () => false });
    expect(closed.overGrants).toEqual([]);
    // alice's reads (the deny globs split the names: audit-log, nginx-1, and the rest), and contractors' configmap reads in team-b
    expect(closed.underGrants.map((u) => `${u.request.resource} ${u.request.namespace}/${u.request.name} ${u.request.user || u.request.groups}`)).toEqual([
      "configmaps team-a/app-config alice",
      "configmaps team-a/audit-log alice",
      "pods team-a/api-1 alice",
      "pods team-a/nginx-1 alice",
      "configmaps team-b/rampart-unknown-name contractors",
    ]);
  });
});
