// Connect requests (exec, attach, portforward) decided by name through admission (issue 13).
import { describe, expect, it } from "vitest";
import { accessPolicy, allow, createEvaluator, createInventory, deny, type AccessRequest } from "@rampart/core";
import { compileRbac, createRbacAuthorizer, verifyRbac } from "@rampart/compiler-rbac";
import { ACCESS_WRITES_POLICY, compileAccessAdmission, evaluateAccessAdmission, needsWriteAdmission, writeEnvelope } from "@rampart/compiler-vap";
import { docs, NOW } from "./helpers.js";

const inventory = createInventory({
  namespaces: ["prod", "team-a"],
  objects: { pods: { prod: ["prod-db-0", "prod-db-1", "web-1", "api-2"], "team-a": ["prod-db-x", "app-1"] } },
});
const CONNECT = ["pods/exec", "pods/attach", "pods/portforward"] as const;
const documents = docs([
  accessPolicy("sre", { subjects: [{ group: "sre" }], rules: [allow({ verbs: ["*"], resources: ["*"] })] }),
  accessPolicy("team-db", {
    subjects: [{ group: "team-db" }],
    rules: [
      allow({ verbs: ["get", "list", "watch", "create", "delete"], resources: ["pods", "pods/log", ...CONNECT], namespaces: ["team-*", "prod"] }),
      deny({ verbs: ["get", "create"], resources: ["pods/*"], namespaces: ["*"], names: ["prod-db-*"] }),
    ],
  }),
  accessPolicy("alice", {
    subjects: [{ user: "alice" }],
    rules: [allow({ verbs: ["get", "create"], resources: ["pods/exec"], namespaces: ["prod"], names: ["web-*"] })],
  }),
]);
const REQUESTERS = [
  { user: "s", groups: ["sre"] },
  { user: "t", groups: ["team-db"] },
  { user: "b", groups: ["sre", "team-db"] },
  { user: "alice", groups: [] },
  { user: "nobody", groups: [] },
];

describe("connect requests through admission", () => {
  const rbac = compileRbac(writeEnvelope(documents, inventory), { inventory, now: NOW });
  const authz = createRbacAuthorizer(rbac.objects);
  const { objects, diagnostics, report } = compileAccessAdmission(documents, { inventory, now: NOW });
  const truth = createEvaluator(documents, { now: NOW, inventory });

  it("overlapping groups: named exec, attach and port-forward decided exactly as the evaluator", () => {
    const counts = { checked: 0, allowed: 0, denied: 0, mismatches: [] as AccessRequest[] };
    const perRequester = new Map<string, number>();
    for (const who of REQUESTERS)
      for (const verb of ["get", "create"])
        for (const target of CONNECT)
          for (const [namespace, names] of [
            ["prod", ["prod-db-0", "prod-db-1", "web-1", "api-2", "new-1"]],
            ["team-a", ["prod-db-x", "app-1", "new-1"]],
          ] as const)
            for (const name of names) {
              const [resource, subresource] = target.split("/") as [string, string];
              const req: AccessRequest = { ...who, verb, apiGroup: "", resource, subresource, namespace, name };
              const combined =
                authz.allows({ ...who, verb, resourceRequest: true, apiGroup: "", resource, subresource, namespace, name }) &&
                evaluateAccessAdmission(objects, req).admitted;
              const allowed = truth.decide(req).decision === "allow";
              counts.checked++;
              if (allowed) {
                counts.allowed++;
                perRequester.set(who.user, (perRequester.get(who.user) ?? 0) + 1);
              } else counts.denied++;
              if (combined !== allowed) counts.mismatches.push(req);
            }
    expect(counts.mismatches).toEqual([]);
    expect(counts.checked).toBe(240);
    expect(counts.allowed).toBe(110);
    expect(counts.denied).toBe(130);
    // SRE keeps exec everywhere; a member of both loses only prod-db-*; alice only prod/web-*.
    expect(Object.fromEntries(perRequester)).toEqual({ s: 48, t: 30, b: 30, alice: 2 });
  });

  it("zero over-grants over the whole universe (verifyRbac with the admission layer)", () => {
    const v = verifyRbac(documents, inventory, rbac.objects, { now: NOW, admits: (r) => evaluateAccessAdmission(objects, r).admitted });
    expect(v.overGrants).toEqual([]);
    expect(v.checked).toBe(3586); // servable requests of the universe (exact)
  });

  it("rejections name the deny or the names, as CONNECT", () => {
    const at = (user: string, groups: string[], verb: string, name: string) =>
      evaluateAccessAdmission(objects, { user, groups, verb, resource: "pods", subresource: "exec", namespace: "prod", name }).messages;
    expect(at("b", ["sre", "team-db"], "create", "prod-db-0")).toEqual([
      "rampart: b may not connect pods/exec prod/prod-db-0: denied by rule 1 of AccessPolicy `team-db` (create, connect on pods/* named prod-db-*)",
    ]);
    expect(at("b", ["sre", "team-db"], "get", "web-1")).toEqual([]);
    expect(at("alice", [], "get", "api-2")).toEqual([
      "rampart: alice may not connect pods/exec prod/api-2: rampart's RBAC grants this request only for names `web-*` (rule 0 of AccessPolicy `alice`) and no AccessPolicy rule allows it",
    ]);
    const spec = objects.find((o) => o.kind === "ValidatingAdmissionPolicy" && o.metadata.name === ACCESS_WRITES_POLICY)!.spec as {
      matchConstraints: { resourceRules: { operations: string[]; resources: string[] }[] };
    };
    expect(spec.matchConstraints.resourceRules).toEqual([
      {
        apiGroups: [""],
        apiVersions: ["*"],
        operations: ["CONNECT", "CREATE"],
        resources: [
          "pods/attach",
          "pods/binding",
          "pods/ephemeralcontainers",
          "pods/eviction",
          "pods/exec",
          "pods/log",
          "pods/portforward",
          "pods/resize",
          "pods/status",
        ],
        scope: "*",
      },
    ]);
  });

  it("a rule that tells the connect verbs apart keeps that subresource RBAC-only, reported", () => {
    expect(diagnostics).toEqual([
      {
        code: "connect-verbs-differ",
        severity: "warning",
        message:
          "rule 1 of AccessPolicy `team-db` allows or denies `create`, `get` but not `delete`, `patch`, `update` on `pods/proxy`: admission sees these verbs as one CONNECT request, so names and denies on `pods/proxy` stay RBAC-only, which grants less where it cannot express them",
        hint: "list all of `create`, `delete`, `get`, `patch`, `update` or none of them for `pods/proxy` in this rule",
        file: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
      },
    ]);
    expect(report.rules.find((r) => r.policy === "team-db" && r.rule === 1)).toEqual({
      policy: "team-db",
      rule: 1,
      verbs: ["create"],
      layer: "rbac+admission",
      connect: { admission: ["pods/attach", "pods/exec", "pods/portforward"], rbacOnly: ["pods/proxy"] },
    });
    // RBAC-only: the deny is subtracted by resourceNames from the SRE grant, and admission never sees pods/proxy.
    const proxy = (name: string) => ({
      user: "b",
      groups: ["sre", "team-db"],
      verb: "get",
      resourceRequest: true,
      apiGroup: "",
      resource: "pods",
      subresource: "proxy",
      namespace: "prod",
      name,
    });
    expect(authz.allows(proxy("web-1"))).toBe(true);
    expect(authz.allows(proxy("prod-db-0"))).toBe(false);
    expect(evaluateAccessAdmission(objects, { ...proxy("prod-db-0"), resource: "pods", subresource: "proxy" }).matched).toBe(false);
  });

  it("needsWriteAdmission: writes, and reads that reach a connect subresource, refined by a deny or names", () => {
    const one = (rule: Parameters<typeof deny>[0], effect = deny) =>
      needsWriteAdmission(docs([accessPolicy("p", { subjects: [{ group: "g" }], rules: [effect(rule)] })]));
    expect(one({ verbs: ["get"], resources: ["secrets"], names: ["x"] })).toBe(false);
    expect(one({ verbs: ["get"], resources: ["pods/exec"], names: ["x"] })).toBe(true);
    expect(one({ verbs: ["get"], resources: ["pods/*"], names: ["x"] })).toBe(true);
    expect(one({ verbs: ["get", "create"], resources: ["pods/exec"], names: ["web-*"] }, allow)).toBe(true);
    expect(one({ verbs: ["get", "create"], resources: ["pods/exec"] }, allow)).toBe(false);
    expect(one({ verbs: ["delete"], resources: ["pods"] })).toBe(true);
  });
});
