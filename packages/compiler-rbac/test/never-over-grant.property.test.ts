import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, createOpenApiValidator, type OpenApiBundle } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceRbacAllows } from "../../../test-support/rbac-reference.js";
import bundle from "../data/openapi-rbac-v1.35.json" with { type: "json" };
import { inventory, NOW, OUTSIDE_NAMES, OUTSIDE_NAMESPACES, OUTSIDE_RESOURCES, policy, requests, type GenPolicy } from "./rbac-arbitraries.js";
import { both, setup } from "./rbac-property-case.js";

const validate = createOpenApiValidator(bundle as OpenApiBundle);

describe("never over-grant (fast-check)", () => {
  it("random AccessPolicies × random inventories: valid objects, and every request the emitted RBAC allows, the policies allow", () => {
    const runs = propertyRuns(300);
    const seen = {
      checked: 0,
      rbacAllowed: 0,
      allowed: 0,
      denied: 0,
      underGranted: 0,
      nonResourceAllowed: 0,
      outsideNamespace: 0,
      outsideNamespaceAllowed: 0,
      outsideName: 0,
      outsideNameAllowed: 0,
      outsideResource: 0,
      objects: 0,
    };
    fc.assert(
      fc.property(
        fc.array(policy, { minLength: 1, maxLength: 3 }).chain((ps) => fc.tuple(fc.constant(ps), requests(ps as GenPolicy[], 40))),
        inventory,
        fc.constantFrom("prod", "dev"),
        fc.boolean(),
        ([policies, requests], inv, env, keepWildcards) => {
          const { documents, inventory } = setup(policies, inv, env);
          const out = compileRbac(documents, { inventory, now: NOW, keepWildcards });
          expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          for (const o of out.objects) expect(validate(o as { kind: string })).toEqual([]);
          seen.objects += out.objects.length;
          const evaluator = createEvaluator(documents, { inventory, now: NOW, cluster: "c" });
          for (const r of requests) {
            const { access, rbac } = both(r, inventory);
            const granted = referenceRbacAllows(out.objects, rbac);
            const allowed = evaluator.decide(access).decision === "allow";
            // The property: RBAC grants nothing the policies deny.
            if (granted) expect(allowed, `over-grant: ${JSON.stringify(access)}`).toBe(true);
            seen.checked++;
            if (granted) seen.rbacAllowed++;
            if (allowed) seen.allowed++;
            else seen.denied++;
            if (allowed && !granted) seen.underGranted++;
            if (granted && access.nonResourceURL !== undefined) seen.nonResourceAllowed++;
            if (access.nonResourceURL !== undefined) continue;
            if (OUTSIDE_NAMESPACES.has(access.namespace!)) (seen.outsideNamespace++, granted && seen.outsideNamespaceAllowed++);
            if (OUTSIDE_NAMES.has(access.name!)) (seen.outsideName++, granted && seen.outsideNameAllowed++);
            if (OUTSIDE_RESOURCES.has(access.resource!)) seen.outsideResource++;
          }
          // The compiler's own proof still holds (and reports every under-grant).
          const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
          expect(proof.overGrants.slice(0, 3)).toEqual([]);
          expect(proof.underGrants.filter((u) => !u.covered).slice(0, 3)).toEqual([]);
        },
      ),
      { numRuns: runs },
    );
    console.log(`[never-over-grant] ${JSON.stringify(seen)}`);
    expect(seen.checked).toBe(runs * 40);
    // Floors (about half the rates observed over many runs): a compiler emitting nothing fails the grant floors.
    expect(seen.objects, "objects").toBeGreaterThanOrEqual(propertyFloor(FLOOR.objects, runs));
    expect(seen.rbacAllowed, "rbacAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.rbacAllowed, runs));
    expect(seen.nonResourceAllowed, "nonResourceAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.nonResourceAllowed, runs));
    expect(seen.allowed, "allowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.allowed, runs));
    expect(seen.denied, "denied").toBeGreaterThanOrEqual(propertyFloor(FLOOR.denied, runs));
    expect(seen.outsideNamespace, "outsideNamespace").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideNamespace, runs));
    expect(seen.outsideNamespaceAllowed, "outsideNamespaceAllowed").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideNamespaceAllowed, runs));
    expect(seen.outsideName, "outsideName").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideName, runs));
    expect(seen.outsideResource, "outsideResource").toBeGreaterThanOrEqual(propertyFloor(FLOOR.outsideResource, runs));
  });
});
/** Per-run floors, about half the per-run rates observed (1.05 objects, 0.68 grants, 0.43 non-resource grants, 3.4 allows, 36 denies, 3.4 / 0.055 / 1.9 / 3.7 outside namespaces / granted there / names / resources). */
const FLOOR = {
  objects: 0.5,
  rbacAllowed: 0.3,
  nonResourceAllowed: 0.2,
  allowed: 1.5,
  denied: 15,
  outsideNamespace: 1.5,
  outsideNamespaceAllowed: 0.02,
  outsideName: 0.9,
  outsideResource: 1.8,
};
