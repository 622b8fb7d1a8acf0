import { describe, expect, it } from "vitest";
import { createInventory } from "@rampart/core";
import { compileRbac } from "@rampart/compiler-rbac";
import { NOW, WIDGETS } from "./rbac-arbitraries.js";
import { setup } from "./rbac-property-case.js";

// Found by mutation testing (the comparators of emit.ts survived): output order must not depend on input order.
describe("emitted order", () => {
  it("subjects and rules come out sorted whatever order the policy lists them in", () => {
    const byKey =
      <T>(key: (x: T) => string) =>
      (a: T, b: T) =>
        key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    const subjects = [{ user: "zed" }, { serviceAccount: "ns/b" }, { group: "alpha" }, { user: "amy" }, { serviceAccount: "ci/a" }];
    const rules = [
      { effect: "allow", verbs: ["get"], resources: ["widgets.example.com"] },
      { effect: "allow", verbs: ["list"], resources: ["deployments.apps", "pods"] },
      { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], names: ["db", "api-1"] },
      { effect: "allow", verbs: ["get"], resources: ["configmaps"] },
      { effect: "allow", verbs: ["get"], nonResourceURLs: ["/healthz"] },
    ];
    const orders = [rules, [...rules].reverse()].map((rs) => {
      const { documents } = setup([{ subjects, rules: rs }], { namespaces: ["team-a"], pods: {}, secrets: { "team-a": ["db", "api-1"] } }, "prod");
      return compileRbac(documents, {
        inventory: createInventory({ namespaces: ["team-a"], objects: { secrets: { "team-a": ["db", "api-1"] } }, resources: [WIDGETS] }),
        now: NOW,
      }).objects;
    });
    expect(orders[0]).toEqual(orders[1]);
    for (const o of orders[0]!) {
      if (o.subjects) {
        const key = (s: { kind: string; namespace?: string; name: string }) => `${s.kind}/${s.namespace ?? ""}/${s.name}`;
        expect(o.subjects.map(key)).toEqual([...o.subjects].sort(byKey(key)).map(key));
        expect(o.subjects.map(key)).toEqual(["Group//alpha", "ServiceAccount/ci/a", "ServiceAccount/ns/b", "User//amy", "User//zed"]);
      }
      // Resource rules sorted (non-resource rules follow them, in their own order).
      const resourceRules = (o.rules ?? []).filter((r) => !r.nonResourceURLs);
      if (resourceRules.length > 1) {
        const key = (r: { nonResourceURLs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; verbs: string[] }) =>
          JSON.stringify([r.nonResourceURLs ?? [], r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.verbs]);
        expect(resourceRules.map(key)).toEqual([...resourceRules].sort(byKey(key)).map(key));
      }
    }
    const cluster = orders[0]!.find((o) => o.kind === "ClusterRole" && o.metadata.name === "rampart:p0")!;
    expect(cluster.rules!.length).toBeGreaterThanOrEqual(3);
  });
});
