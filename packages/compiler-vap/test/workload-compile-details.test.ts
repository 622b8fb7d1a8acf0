// Details of the workload ValidatingAdmissionPolicies (found by mutation testing of compile-vap.ts and
// validation.ts): exemptions by image within namespaces, a policy whose custom CEL fails, the report rows, the cost
// warnings and the UPDATE condition of a policy reading labels.
import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";

const LOOPS = "object.spec.containers.all(c, object.spec.containers.all(d, object.spec.volumes.all(v, c.name != v.name || d.name != v.name)))";

describe("workload policies: compile details", () => {
  it("an exemption with images and namespaces skips those images in those namespaces only", () => {
    const policy = docs([
      workloadPolicy("digests", {
        exemptions: [{ images: ["registry.example.com/legacy*"], namespaces: ["legacy-*"], owner: "platform" }],
        rules: [{ imageDigest: "required" }],
      }),
    ]);
    const verdict = (image: string, namespace: string) => admit(policy, [pod("p", [{ ...GOOD_CONTAINER, image }], {}, namespace)], { now: NOW })[0]!.decision;
    expect(verdict("registry.example.com/legacy:1", "legacy-a")).toBe("allow");
    expect(verdict("registry.example.com/legacy:1", "team-a")).toBe("deny");
    expect(verdict("registry.example.com/other:1", "legacy-a")).toBe("deny");
  });

  it("a policy whose custom CEL does not compile emits no objects; the other policies still do", () => {
    const out = compileVap(
      docs([
        workloadPolicy("broken", { rules: [{ cel: { expression: "object.spec.containers.all(c, ", message: "m" } }] }),
        workloadPolicy("fine", { rules: [{ imageDigest: "required" }] }),
      ]),
      { now: NOW },
    );
    expect(out.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      "ValidatingAdmissionPolicy/rampart-fine",
      "ValidatingAdmissionPolicyBinding/rampart-fine",
    ]);
    expect(out.diagnostics.filter((d) => d.severity === "error").length).toBe(1);
    expect(out.report.policies.map((p) => p.policy)).toEqual(["fine"]);
  });

  it("each rule's report row names the policy object it is enforced by and its validations", () => {
    const out = compileVap(docs([workloadPolicy("apps", { rules: [{ imageDigest: "required" }, { requiredLabels: ["team"] }] })]), { now: NOW });
    expect(out.report.rules.map(({ validations, ...row }) => ({ ...row, checks: validations.map((v) => [v.validation, v.check]) }))).toEqual([
      { policy: "apps", rule: 0, id: "imageDigest", backend: "admission", object: "rampart-apps", checks: [[0, "imageDigest"]] },
      { policy: "apps", rule: 1, id: "requiredLabels", backend: "admission", object: "rampart-apps", checks: [[1, "requiredLabels"]] },
    ]);
  });

  it("a check whose estimated cost nears the per-expression budget is a warning at its rule, and so is the policy's total; a cheap one is not", () => {
    const expensive = docs([workloadPolicy("loops", { rules: [{ imageDigest: "required" }, { cel: { name: "loops", expression: LOOPS, message: "m" } }] })]);
    const out = compileVap(expensive, { now: NOW });
    expect(out.report.rules.map((r) => r.validations.map((v) => v.cost))).toEqual([[8102], [23040403]]);
    expect(out.diagnostics.filter((d) => d.code === "cel-cost").map((d) => [d.severity, d.line, d.message, d.hint])).toEqual([
      [
        "warning",
        1,
        "check `loops` of WorkloadPolicy `loops` costs an estimated 23040403 for a pod with 100 containers and 100 volumes (limit 1000000 per expression)",
        "simplify the rule or split the policy",
      ],
      [
        "warning",
        1,
        "WorkloadPolicy `loops` costs an estimated 23048823 per admission of a pod with 100 containers and 100 volumes (limit 10000000)",
        "split the policy",
      ],
    ]);
    const cheap = compileVap(docs([workloadPolicy("cheap", { rules: [{ imageDigest: "required" }] })]), { now: NOW });
    expect(cheap.diagnostics.filter((d) => d.code === "cel-cost")).toEqual([]);
  });

  it("the per-expression warning counts the policy's variables: a check just under the threshold alone warns with them", () => {
    // 9 × 10,403 + 11 × 603 = 100,260: with the variables' 318 added it passes the 100,000 threshold, with them taken away it would not.
    const loop = "object.spec.containers.all(c, object.spec.volumes.all(v, true))";
    const env = "object.spec.containers.all(c, c.env.all(e, e.name != ''))";
    const expression = [...Array(9).fill(loop), ...Array(11).fill(env)].join(" && ");
    const out = compileVap(docs([workloadPolicy("edge", { rules: [{ cel: { name: "edge", expression, message: "m" } }] })]), { now: NOW });
    expect(out.report.rules[0]!.validations[0]!.cost).toBe(100260);
    expect(out.report.policies[0]!.variablesCost).toBe(318);
    expect(out.diagnostics.filter((d) => d.code === "cel-cost").map((d) => d.message)).toEqual([
      "check `edge` of WorkloadPolicy `edge` costs an estimated 100260 for a pod with 100 containers and 100 volumes (limit 1000000 per expression)",
    ]);
  });

  it("the UPDATE condition of a policy reading labels watches the pod template and the labels, and nothing else", () => {
    const out = compileVap(docs([workloadPolicy("labels", { rules: [{ requiredLabels: ["team"] }] })]), { now: NOW });
    const spec = out.objects[0]!.spec as { matchConditions: { name: string; expression: string }[] };
    expect(spec.matchConditions).toEqual([
      {
        name: "rampart-changed-on-update",
        expression:
          'request.operation != "UPDATE" || oldObject == null || (object.kind == "Pod" ? object.spec != oldObject.spec : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template != oldObject.spec.jobTemplate.spec.template : object.spec.template != oldObject.spec.template)) || has(object.metadata.labels) != has(oldObject.metadata.labels) || (has(object.metadata.labels) && object.metadata.labels != oldObject.metadata.labels)',
      },
    ]);
  });
});
