import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, loadDocuments, type EvaluatorOptions } from "@rampart/core";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceExplain } from "../../../test-support/reference-evaluator.js";
import { API, CLUSTERS, inventory, NOW, scenario, toRequest } from "./evaluator-arbitraries.js";

// The evaluator against the deliberately simple reference of SPEC.md (test-support/reference-evaluator.ts):
// random AccessPolicies, Clusters and requests (evaluator-arbitraries.ts) must get the same decision
// and the same deciding rule, and explain() must list exactly the rules the reference finds applicable.

describe("createEvaluator agrees with the reference semantics (fast-check)", () => {
  it("same decision, same deciding rule, explain() lists exactly the applicable rules, decideMany is decide", () => {
    // How often each kind of outcome occurred: the generators must keep exercising all of them.
    const runs = propertyRuns(4000);
    const seen = {
      allow: 0,
      denyByRule: 0,
      denyOverAllow: 0,
      defaultDeny: 0,
      unknownCluster: 0,
      nonResourceAllow: 0,
      serviceAccountAllow: 0,
      collectionAllow: 0,
      collectionDeny: 0,
      allNamespacesAllow: 0,
    };
    fc.assert(
      fc.property(scenario, ({ policies, setup: { clusters, defaultCluster }, nowKind, requests }) => {
        const values: unknown[] = policies.map((spec, i) => ({ apiVersion: API, kind: "AccessPolicy", metadata: { name: `p${i}` }, spec }));
        for (const name of clusters) values.push({ apiVersion: API, kind: "Cluster", metadata: { name }, spec: CLUSTERS[name as keyof typeof CLUSTERS] });
        const { documents, diagnostics } = loadDocuments(values);
        expect(diagnostics).toEqual([]);
        const options: EvaluatorOptions = { inventory, now: nowKind === "number" ? NOW : nowKind === "date" ? new Date(NOW) : () => NOW };
        if (defaultCluster !== undefined) options.cluster = defaultCluster;
        const evaluator = createEvaluator(documents, options);
        const refOptions = defaultCluster === undefined ? { now: NOW, inventory } : { now: NOW, inventory, cluster: defaultCluster };
        // decideMany (chunks of requests looked up before they are scanned) gives decide's very results.
        const batch = requests.map(toRequest);
        const many = evaluator.decideMany(batch);
        expect(many.length).toBe(batch.length);
        batch.forEach((req, i) => expect(many[i], JSON.stringify(req)).toBe(evaluator.decide(req)));
        for (const raw of requests) {
          const req = toRequest(raw);
          const want = referenceExplain(documents, req, refOptions);
          const got = evaluator.decide(req);
          const label = JSON.stringify(req);
          expect(got.decision, label).toBe(want.decision);
          expect(got.matched, label).toEqual(want.deciding ? [want.deciding] : []);
          // The deciding rule really applies, with the effect of the decision.
          for (const m of got.matched) {
            expect(m.effect, label).toBe(got.decision);
            expect(want.applicable, label).toContainEqual(m);
          }
          const explained = evaluator.explain(req);
          expect(explained.decision, label).toBe(got.decision);
          expect(explained.applicable, label).toEqual(want.applicable);

          const resourceRequest = req.nonResourceURL === undefined;
          if (got.decision === "allow") {
            seen.allow++;
            if (!resourceRequest) seen.nonResourceAllow++;
            if (req.user?.startsWith("system:serviceaccount:")) seen.serviceAccountAllow++;
            if (resourceRequest && req.name === "") seen.collectionAllow++;
            if (resourceRequest && req.namespace === "") seen.allNamespacesAllow++;
          } else if (got.matched.length > 0) {
            seen.denyByRule++;
            if (want.applicable.some((m) => m.effect === "allow")) seen.denyOverAllow++;
            if (resourceRequest && req.name === "") seen.collectionDeny++;
          } else if (got.reason.includes("unknown cluster")) {
            seen.unknownCluster++;
          } else {
            seen.defaultDeny++;
          }
        }
      }),
      { numRuns: runs },
    );
    // Each kind occurs in well over a tenth of the runs (about 15 requests per run); the floor fails an evaluator stuck on one outcome.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThanOrEqual(propertyFloor(0.1, runs));
  });
});
