import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessPolicy, allow, createEvaluator, createInventory, deny, type AccessRequest, type RampartDocument } from "@rampart/core";
import { compileAccessAdmission } from "../src/access-admission/compile-access-admission.js";
import { writeEnvelope } from "../src/access-admission/envelope.js";
import { evaluateAccessAdmission } from "../src/access-admission/evaluate-access-admission.js";
import { combinedWriteLayers, docs, NOW } from "./helpers.js";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";

const inventory = createInventory({ namespaces: ["team-a", "team-b"] });

const combined = (documents: RampartDocument[]) => combinedWriteLayers(documents, inventory);

describe("write-path admission for access rules", () => {
  const davids = docs([
    accessPolicy("david", {
      subjects: [{ user: "david" }],
      rules: [allow({ verbs: ["create", "delete", "get"], resources: ["pods"], namespaces: ["team-a"], names: ["david-*"] })],
    }),
  ]);
  const exceptNginx = docs([
    accessPolicy("web", {
      subjects: [{ group: "web" }],
      rules: [
        allow({ verbs: ["create", "delete"], resources: ["pods"], namespaces: ["team-a"] }),
        deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
      ],
    }),
  ]);

  it("pods whose name starts with david-: create and delete exactly", () => {
    const ok = combined(davids);
    const req = (verb: string, name: string): AccessRequest => ({ user: "david", verb, resource: "pods", namespace: "team-a", name });
    expect(ok(req("create", "david-1"))).toBe(true);
    expect(ok(req("create", "eve-1"))).toBe(false);
    expect(ok(req("delete", "david-x"))).toBe(true);
    expect(ok(req("delete", "nginx"))).toBe(false);
    expect(evaluateAccessAdmission(compileAccessAdmission(davids, { inventory, now: NOW }).objects, req("create", "eve-1")).messages).toEqual([
      "rampart: david may not create pods team-a/eve-1: rampart's RBAC grants this write only for names `david-*` (rule 0 of AccessPolicy `david`) and no AccessPolicy rule allows it",
    ]);
  });

  it("all pods except nginx*: create and delete exactly, with the deny named in the message", () => {
    const ok = combined(exceptNginx);
    const req = (verb: string, name: string): AccessRequest => ({ user: "w", groups: ["web"], verb, resource: "pods", namespace: "team-a", name });
    expect(ok(req("create", "api-1"))).toBe(true);
    expect(ok(req("create", "nginx-1"))).toBe(false);
    expect(ok(req("delete", "nginx-1"))).toBe(false);
    const { objects } = compileAccessAdmission(exceptNginx, { inventory, now: NOW });
    expect(evaluateAccessAdmission(objects, req("delete", "nginx-1")).messages[0]).toBe(
      "rampart: w may not delete pods team-a/nginx-1: denied by rule 1 of AccessPolicy `web` (create, update, patch, delete on pods named nginx*)",
    );
  });

  it("property: combined layers equal the evaluator for every write on a named request", () => {
    const glob = fc.constantFrom("a*", "*-1", "a?c", "*", "abc", "x*y", 'q"*', "a.b*");
    const name = fc.constantFrom("a", "abc", "a-1", "xzy", "x.y", 'q"1', "a.b", "aXc", "zz");
    const verbs = fc.subarray(["create", "update", "patch", "delete", "get", "list"], { minLength: 1 });
    const rule = fc.record({
      effect: fc.constantFrom("allow", "deny"),
      verbs: fc.oneof(verbs, fc.constant(["*"])),
      resources: fc.constantFrom(["pods"], ["pods", "configmaps"], ["pods/status"], ["*"], ["deployments.apps"], ["*.apps"], ["pods/*"]),
      namespaces: fc.option(fc.constantFrom(["team-a"], ["team-*"], ["*"]), { nil: undefined }),
      names: fc.option(fc.array(glob, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    });
    const policy = fc.record({
      subjects: fc.constantFrom([{ user: "u" }], [{ group: "g" }], [{ user: "u" }, { group: "h" }]),
      rules: fc.array(rule, { minLength: 1, maxLength: 4 }),
    });
    const request = fc.record({
      user: fc.constantFrom("u", "v"),
      groups: fc.constantFrom([], ["g"], ["h"]),
      verb: fc.constantFrom("create", "update", "patch", "delete"),
      target: fc.constantFrom(["", "pods", ""], ["", "pods", "status"], ["", "configmaps", ""], ["apps", "deployments", ""]),
      namespace: fc.constantFrom("team-a", "team-b"),
      name,
    });
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 3 }), fc.array(request, { minLength: 1, maxLength: 10 }), (policies, requests) => {
        const documents = docs(policies.map((p, i) => accessPolicy(`p${i}`, p as Parameters<typeof accessPolicy>[1])));
        const truth = createEvaluator(documents, { now: NOW, inventory });
        const ok = combined(documents);
        for (const r of requests) {
          const [apiGroup, resource, subresource] = r.target as [string, string, string];
          const req: AccessRequest = { user: r.user, groups: r.groups, verb: r.verb, apiGroup, resource, subresource, namespace: r.namespace, name: r.name };
          expect(ok(req), JSON.stringify(req)).toBe(truth.decide(req).decision === "allow");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("golden: emitted write-path admission", () => {
  const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url).pathname;
  it("pods whose name starts with david- / all pods except nginx*", () => {
    const david = docs([
      accessPolicy("david", {
        subjects: [{ user: "david" }],
        rules: [allow({ verbs: ["create", "delete"], resources: ["pods"], namespaces: ["team-a"], names: ["david-*"] })],
      }),
    ]);
    const web = docs([
      accessPolicy("web", {
        subjects: [{ group: "web" }],
        rules: [
          allow({ verbs: ["create", "delete"], resources: ["pods"], namespaces: ["team-a"] }),
          deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] }),
        ],
      }),
    ]);
    expectGolden(golden("access-writes-david.yaml"), goldenYaml(compileAccessAdmission(david, { inventory, now: NOW }).objects));
    expectGolden(golden("access-writes-except-nginx.yaml"), goldenYaml(compileAccessAdmission(web, { inventory, now: NOW }).objects));
  });
});

describe("combined proof with the real RBAC compiler and authorizer", () => {
  it("property: RBAC(envelope) allows and admission admits ⇒ the evaluator allows; writes on named requests are exact", async () => {
    const { compileRbac, createRbacAuthorizer } = await import("@rampart/compiler-rbac");
    const inv = createInventory({
      namespaces: ["team-a", "team-b"],
      objects: { pods: { "team-a": ["a-1", "nginx-1", "david-1"], "team-b": ["x"] }, configmaps: { "team-a": ["cfg"] } },
    });
    const glob = fc.constantFrom("nginx*", "david-*", "a?1", "*");
    const rule = fc.record({
      effect: fc.constantFrom("allow", "deny"),
      verbs: fc.oneof(fc.subarray(["create", "update", "patch", "delete", "get", "list"], { minLength: 1 }), fc.constant(["*"])),
      resources: fc.constantFrom(["pods"], ["pods", "configmaps"], ["*"], ["pods/*"], ["pods/exec"]),
      namespaces: fc.option(fc.constantFrom(["team-a"], ["team-*"], ["*"]), { nil: undefined }),
      names: fc.option(fc.array(glob, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    });
    const policy = fc.record({ subjects: fc.constantFrom([{ user: "u" }], [{ group: "g" }]), rules: fc.array(rule, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 2 }), (policies) => {
        const documents = docs(policies.map((p, i) => accessPolicy(`p${i}`, p as Parameters<typeof accessPolicy>[1])));
        const truth = createEvaluator(documents, { now: NOW, inventory: inv });
        const rbac = compileRbac(writeEnvelope(documents, inv), { inventory: inv, now: NOW });
        const authz = createRbacAuthorizer(rbac.objects);
        const { objects } = compileAccessAdmission(documents, { inventory: inv, now: NOW });
        for (const who of [
          { user: "u", groups: [] as string[] },
          { user: "", groups: ["g"] },
        ])
          for (const verb of ["create", "update", "patch", "delete", "get", "list"])
            for (const [resource, subresource, namespace, name] of [
              ["pods", "", "team-a", "a-1"],
              ["pods", "", "team-a", "nginx-1"],
              ["pods", "", "team-a", "david-1"],
              ["pods", "", "team-b", "x"],
              ["configmaps", "", "team-a", "cfg"],
              ["pods", "", "team-a", "new-1"],
              ["pods", "exec", "team-a", "nginx-1"],
              ["pods", "status", "team-a", "a-1"],
            ] as const) {
              const served = subresource
                ? inv.resource("", resource)!.subresources.find((x) => x.name === subresource)!.verbs
                : inv.resource("", resource)!.verbs;
              if (!served.includes(verb)) continue; // not a request the API serves
              const req: AccessRequest = { ...who, verb, resource, subresource, namespace, name };
              const admitted = evaluateAccessAdmission(objects, req).admitted;
              const granted = authz.allows({ ...who, verb, resourceRequest: true, apiGroup: "", resource, subresource, namespace, name }) && admitted;
              const allowed = truth.decide(req).decision === "allow";
              if (granted) expect(allowed, `over-grant ${JSON.stringify(req)}`).toBe(true);
              // Writes of objects the inventory knows are exact; reads stay RBAC-only (which may grant less).
              if (allowed && verb !== "get" && verb !== "list" && name !== "new-1" && subresource !== "exec")
                expect(granted, `under-grant ${JSON.stringify(req)}`).toBe(true);
            }
      }),
      { numRuns: 200 },
    );
  });
});
