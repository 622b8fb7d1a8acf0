import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, type AccessRequest } from "@rampart/core";
import { compileRbac } from "@rampart/compiler-rbac";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceRbacAllows } from "../../../test-support/rbac-reference.js";
import { NOW, OUTSIDE_NAMESPACES, requests, subject, type GenPolicy } from "./rbac-arbitraries.js";
import { both, setup, type InventoryInput } from "./rbac-property-case.js";

// Policies RBAC can express exactly: allow rules only, Kubernetes verbs each resource serves, exact resources
// and namespaces of the inventory, exact names only on verbs that take a name, URL globs only as a trailing `*`.
const exactResourceRule = fc.oneof(
  fc.record(
    {
      effect: fc.constant("allow"),
      verbs: fc.subarray(["get", "list", "watch", "create", "update", "patch", "delete"], { minLength: 1 }),
      resources: fc.subarray(["pods", "secrets", "configmaps", "deployments.apps", "widgets.example.com", "nodes"], { minLength: 1 }),
      namespaces: fc.subarray(["team-a", "team-b", "prod", "kube-system"], { minLength: 1 }),
      expires: fc.constant("2027-01-01T00:00:00Z"),
    },
    { requiredKeys: ["effect", "verbs", "resources"] },
  ),
  fc.record(
    {
      effect: fc.constant("allow"),
      verbs: fc.subarray(["get", "update", "patch", "delete"], { minLength: 1 }),
      resources: fc.subarray(["pods", "secrets", "widgets.example.com"], { minLength: 1 }),
      namespaces: fc.subarray(["team-a", "team-b", "prod"], { minLength: 1 }),
      names: fc.subarray(["nginx-1", "api-1", "web", "zzz-9"], { minLength: 1 }),
    },
    { requiredKeys: ["effect", "verbs", "resources", "names"] },
  ),
);
const exactUrlRule = fc.record({
  effect: fc.constant("allow"),
  verbs: fc.constantFrom(["get"], ["get", "post"], ["*"]),
  nonResourceURLs: fc.subarray(["/healthz", "/metrics*", "/logs/*", "/version", "*"], { minLength: 1 }),
});
const exactPolicy = fc.record({
  subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
  clusters: fc.option(fc.constantFrom({ env: "prod" }, { env: "dev" }), { nil: undefined }),
  rules: fc.array(fc.oneof({ weight: 4, arbitrary: exactResourceRule }, { weight: 1, arbitrary: exactUrlRule }), { minLength: 1, maxLength: 4 }),
});
const EXACT_INVENTORY: InventoryInput = {
  namespaces: ["team-a", "team-b", "prod", "kube-system"],
  pods: { "team-a": ["nginx-1", "api-1"], prod: ["web", "zzz-9"] },
  secrets: { "team-b": ["web"], "team-a": ["api-1"] },
  widgets: { prod: ["x", "nginx-1"] },
  nodes: ["node-1"],
};
/** Is the request's object one of EXACT_INVENTORY's? */
function inventoryObject(r: AccessRequest): boolean {
  const lists: Record<string, Record<string, string[]> | undefined> = {
    pods: EXACT_INVENTORY.pods,
    secrets: EXACT_INVENTORY.secrets,
    widgets: EXACT_INVENTORY.widgets,
  };
  return lists[r.resource ?? ""]?.[r.namespace ?? ""]?.includes(r.name ?? "") ?? false;
}

describe("no under-grant where RBAC is exact (fast-check)", () => {
  it("policies RBAC can express exactly compile without a gap: the emitted RBAC allows exactly what the policies allow", () => {
    const runs = propertyRuns(200);
    const seen = { checked: 0, allowed: 0, denied: 0, nonResourceAllowed: 0, namedAllowed: 0, outsideNamespaceAllowed: 0, nameNotInInventory: 0 };
    fc.assert(
      fc.property(
        fc.array(exactPolicy, { minLength: 1, maxLength: 3 }).chain((ps) => fc.tuple(fc.constant(ps), requests(ps as GenPolicy[], 40))),
        fc.constantFrom("prod", "dev"),
        fc.boolean(),
        ([policies, requests], env, keepWildcards) => {
          const { documents, inventory } = setup(policies, EXACT_INVENTORY, env);
          const out = compileRbac(documents, { inventory, now: NOW, keepWildcards });
          // By design, names are granted for the inventory's objects only (objects created later wait for the next
          // build); that gap is reported, and it is the only one these policies may have.
          expect(
            out.diagnostics.filter(
              (d) => d.code === "rbac-not-expressible" && !/object names are taken from the inventory|name patterns need object names/.test(d.message),
            ),
          ).toEqual([]);
          const evaluator = createEvaluator(documents, { inventory, now: NOW, cluster: "c" });
          for (const r of requests) {
            const { access, rbac } = both(r, inventory);
            const granted = referenceRbacAllows(out.objects, rbac);
            const allowed = evaluator.decide(access).decision === "allow";
            seen.checked++;
            if (allowed && !granted && access.name !== "" && !inventoryObject(access)) {
              seen.nameNotInInventory++; // the reported design limit above
              continue;
            }
            expect(granted, `${allowed ? "under" : "over"}-grant: ${JSON.stringify(access)}`).toBe(allowed);
            if (!allowed) {
              seen.denied++;
              continue;
            }
            seen.allowed++;
            if (access.nonResourceURL !== undefined) seen.nonResourceAllowed++;
            else if (access.name !== "" && policies.some((p) => p.rules.some((x) => "names" in x && x.names!.includes(access.name!)))) seen.namedAllowed++;
            if (access.nonResourceURL === undefined && OUTSIDE_NAMESPACES.has(access.namespace!)) seen.outsideNamespaceAllowed++;
          }
        },
      ),
      { numRuns: runs },
    );
    console.log(`[exact-rbac] ${JSON.stringify(seen)}`);
    expect(seen.checked).toBe(runs * 40);
    for (const [kind, perRun] of Object.entries(EXACT_FLOOR)) expect(seen[kind as keyof typeof seen], kind).toBeGreaterThanOrEqual(propertyFloor(perRun, runs));
  });
});
/** Per-run floors, about half the observed rates (9.5 allows, 28 denies, 2.9 non-resource, 3.2 by name, 0.33 in namespaces outside the inventory). */
const EXACT_FLOOR = { allowed: 4.5, denied: 14, nonResourceAllowed: 1.4, namedAllowed: 1.6, outsideNamespaceAllowed: 0.15 };
