// Admission stays within the policy's say (SPEC "Safety of the route to the cluster"): the write-path
// policy rejects a write or connect request only when a deny names it or rampart's broadened RBAC grants it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessPolicy, createEvaluator, createInventory, type AccessRequest } from "@rampart/core";
import { compileRbac, createRbacAuthorizer, verifyRbac } from "@rampart/compiler-rbac";
import { compileAccessAdmission, evaluateAccessAdmission, writeEnvelope } from "@rampart/compiler-vap";
import { docs, NOW } from "./helpers.js";

const REQUESTERS = [
  { user: "u1", groups: [] },
  { user: "u2", groups: ["g1"] },
  { user: "u3", groups: ["g1", "g2"] },
  { user: "u4", groups: ["g2"] },
  { user: "x", groups: [] },
] as const;
const TARGETS = [
  { resource: "pods", subresource: "", verbs: ["create", "update", "patch", "delete"] },
  { resource: "configmaps", subresource: "", verbs: ["create", "update", "patch", "delete"] },
  { resource: "pods", subresource: "status", verbs: ["update", "patch"] },
  { resource: "pods", subresource: "exec", verbs: ["get", "create"] },
  { resource: "pods", subresource: "attach", verbs: ["get", "create"] },
  { resource: "pods", subresource: "portforward", verbs: ["get", "create"] },
] as const;

const verbs = fc.oneof(
  fc.subarray(["create", "update", "patch", "delete", "get", "list"], { minLength: 1 }),
  fc.constantFrom(["*"], ["get", "create"], ["create"], ["get"]),
);
const names = fc.array(fc.constantFrom("a*", "db-*", "*-1", "a-1"), { minLength: 1, maxLength: 2 });
const rule = (effect: "allow" | "deny") =>
  fc.record({
    effect: fc.constant(effect),
    verbs,
    resources: fc.constantFrom(
      ["pods"],
      ["pods", "configmaps"],
      ["pods/*"],
      ["pods/exec"],
      ["*"],
      ["pods/exec", "pods/attach"],
      ["pods/status"],
      ["namespaces", "pods"],
    ),
    namespaces: fc.option(fc.constantFrom(["team-*"], ["team-a"], ["*"], ["prod"]), { nil: undefined }),
    names: effect === "deny" ? names : fc.option(names, { nil: undefined }),
  });
const policy = fc.record({
  subjects: fc.subarray([{ user: "u1" }, { group: "g1" }, { group: "g2" }], { minLength: 1 }),
  rules: fc.array(fc.oneof(rule("allow"), rule("allow"), rule("deny")), { minLength: 1, maxLength: 4 }),
});
const inventoryInput = fc.record({
  namespaces: fc.subarray(["team-a", "team-b", "prod"], { minLength: 1 }),
  pods: fc.subarray(["a-1", "db-1", "web-2", "abc"], { minLength: 0 }),
});

describe("admission within the policy's say", () => {
  it("property: writes no deny names and rampart's RBAC does not grant are admitted; zero over-grants", () => {
    const seen = { checked: 0, admitted: 0, rejected: 0, byDeny: 0, byNames: 0, connect: 0, runs: 0 };
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 3 }), inventoryInput, (policies, inv) => {
        seen.runs++;
        const pods = Object.fromEntries(inv.namespaces.map((n) => [n, inv.pods]));
        const inventory = createInventory({ namespaces: inv.namespaces, objects: { pods, configmaps: { [inv.namespaces[0]!]: ["a-1"] } } });
        const documents = docs(policies.map((p, i) => accessPolicy(`p${i}`, p as Parameters<typeof accessPolicy>[1])));
        const rbac = compileRbac(writeEnvelope(documents, inventory), { inventory, now: NOW });
        const authz = createRbacAuthorizer(rbac.objects);
        const { objects } = compileAccessAdmission(documents, { inventory, now: NOW });
        const truth = createEvaluator(documents, { now: NOW, inventory });
        for (const who of REQUESTERS)
          for (const t of TARGETS)
            for (const namespace of [...inv.namespaces, "other"])
              for (const name of [...inv.pods, "new-1", "db-9"])
                for (const verb of t.verbs) {
                  const req: AccessRequest = { ...who, verb, apiGroup: "", resource: t.resource, subresource: t.subresource, namespace, name };
                  const outcome = evaluateAccessAdmission(objects, req);
                  seen.checked++;
                  if (t.subresource === "exec" || t.subresource === "attach" || t.subresource === "portforward") seen.connect++;
                  if (outcome.admitted) seen.admitted++;
                  else {
                    seen.rejected++;
                    if (outcome.messages.some((m) => m.includes(": denied by rule "))) seen.byDeny++;
                    if (outcome.messages.some((m) => m.includes(": rampart's RBAC grants this "))) seen.byNames++;
                  }
                  const named = truth.decide(req).matched.some((m) => m.effect === "deny");
                  const granted = authz.allows({
                    ...who,
                    verb,
                    resourceRequest: true,
                    apiGroup: "",
                    resource: t.resource,
                    subresource: t.subresource,
                    namespace,
                    name,
                  });
                  if (!named && !granted)
                    expect(outcome.admitted, `rejected outside the policy's say: ${JSON.stringify(req)} ${outcome.messages.join("; ")}`).toBe(true);
                  // A rejection always says why: a deny rule, or the names rampart's RBAC was broadened from.
                  if (!outcome.admitted)
                    expect(
                      outcome.messages.every((m) =>
                        / may not .*: (denied by rule \d+ of AccessPolicy `p\d`|rampart's RBAC grants this (write|request) only for names )/.test(m),
                      ),
                    ).toBe(true);
                }
        const v = verifyRbac(documents, inventory, rbac.objects, { now: NOW, admits: (r) => evaluateAccessAdmission(objects, r).admitted });
        expect(v.overGrants).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // Floors: every run checks the whole request grid; both outcomes and both kinds of rejection occur.
    expect(seen.runs).toBe(60);
    expect(seen.checked).toBeGreaterThanOrEqual(60 * 5 * 16 * 2 * 2);
    expect(seen.connect).toBeGreaterThanOrEqual(60 * 5 * 6 * 2 * 2);
    expect(seen.admitted).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
    expect(seen.byDeny).toBeGreaterThan(0);
    expect(seen.byNames).toBeGreaterThan(0);
  });
});
