import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { compileVap } from "@rampart/compiler-vap";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";
import { docs, NOW } from "./helpers.js";
import { all, changed, example, EXAMPLE_WARNING, located, spec, TEMPLATE_CHANGED } from "./workload-policies.js";

describe("compileVap", () => {
  it("golden: the SPEC.md example's policy and binding", () => {
    expect(spec.diagnostics).toEqual([]);
    const out = compileVap(example, { now: NOW });
    expect(located(out.diagnostics)).toEqual([EXAMPLE_WARNING]);
    expectGolden(fileURLToPath(new URL("./golden/workload-example.yaml", import.meta.url)), goldenYaml(out.objects));
  });

  it("is deterministic and independent of document order", () => {
    const both = [...example, ...all];
    const a = goldenYaml(compileVap(both, { now: NOW }).objects);
    expect(goldenYaml(compileVap([...both].reverse(), { now: NOW }).objects)).toBe(a);
  });

  it("match: kinds on CREATE/UPDATE, exact namespaces by selector, globs by matchConditions, labels", () => {
    const [policy, binding] = compileVap(example, { now: NOW }).objects;
    const s = policy!.spec as Record<string, any>;
    expect(s.matchConstraints.resourceRules).toEqual([
      { apiGroups: [""], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["pods", "pods/ephemeralcontainers"] },
      { apiGroups: ["apps"], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] },
    ]);
    expect(s.matchConstraints.namespaceSelector).toEqual({
      matchLabels: { tier: "apps" },
      matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system"] }],
    });
    expect(s.matchConditions).toEqual([
      { name: "rampart-namespaces", expression: 'request.namespace.startsWith("team-")' },
      {
        name: "rampart-changed-on-update",
        expression: `${TEMPLATE_CHANGED} || (object.kind == "Pod" && (${changed("metadata.annotations")})) || ${changed("metadata.labels")} || ${changed("spec.containers")}`,
      },
    ]);
    expect(binding!.spec).toEqual({ policyName: "rampart-restricted-apps", validationActions: ["Deny"] });
    expect(policy!.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": "restricted-apps" });
    expect(policy!.metadata.annotations).toEqual({ "rampart.dev/source": "fixtures/spec-example.yaml:2" });
    const exact = compileVap(docs([workloadPolicy("x", { match: { namespaces: ["b", "a"] }, rules: [{ imageDigest: "required" }] })]), { now: NOW }).objects[0]!
      .spec as Record<string, any>;
    expect(exact.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["a", "b"] }],
    });
    expect(exact.matchConditions).toEqual([{ name: "rampart-changed-on-update", expression: TEMPLATE_CHANGED }]);
  });

  it("validationActions follow `action`", () => {
    for (const [action, actions] of [
      ["deny", ["Deny"]],
      ["warn", ["Warn", "Audit"]],
      ["audit", ["Audit"]],
    ] as const) {
      const out = compileVap(docs([workloadPolicy("p", { action, rules: [{ imageDigest: "required" }] })]), { now: NOW });
      expect(out.objects[1]!.spec.validationActions).toEqual(actions);
    }
  });

  it("every object is valid against the Kubernetes OpenAPI schema, and the report covers every rule with its cost", () => {
    const out = compileVap([...example, ...all], { now: NOW });
    expect(located(out.diagnostics)).toEqual([EXAMPLE_WARNING]);
    expect(out.report.rules.map((r) => `${r.policy}#${r.rule}:${r.id}`)).toHaveLength(20);
    // Exact validations per rule (in report order): the two 15s are the podSecurity rules, one validation per check.
    expect(out.report.rules.map((r) => r.validations.length)).toEqual([15, 1, 1, 1, 1, 1, 1, 1, 1, 1, 15, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    for (const r of out.report.rules) {
      for (const v of r.validations) expect(v.cost).toBeLessThan(100_000); // the API server allows 1,000,000 per expression
    }
    for (const p of out.report.policies) expect(p.totalCost).toBeLessThan(1_000_000); // and 10,000,000 per policy evaluation
    const pss = out.report.rules.find((r) => r.policy === "all-rules" && r.id === "podSecurity")!;
    expect(pss.validations.map((v) => v.check)).toEqual(
      expect.arrayContaining(["runAsNonRoot", "capabilities_restricted", "hostProbesAndHostLifecycle", "procMount_restricted"]),
    );
    expect(out.report.exemptions).toEqual([
      { policy: "restricted-apps", exemption: 0, owner: "sre@example.com", expires: "2027-03-31", enforcedBy: "validation" },
      { policy: "restricted-apps", exemption: 1, owner: "billing@example.com", expires: "2027-01-15", enforcedBy: "validation" },
    ]);
  });
});
