// Custom CEL that fails at runtime on objects without a field is flagged at build time (issue 12 item 5).
import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { compileVap } from "@rampart/compiler-vap";
import { docs, NOW } from "./helpers.js";

/** The warnings of one custom rule as `line:column message` (the rule's `expression` sits at 1:1 in memory). */
function warnings(expression: string, kinds?: string[]): string[] {
  const d = docs([
    workloadPolicy("p", { ...(kinds ? { match: { kinds } } : {}), rules: [{ imageDigest: "required" }, { cel: { expression, message: "m" } }] } as Parameters<
      typeof workloadPolicy
    >[1]),
  ]);
  return compileVap(d, { now: NOW })
    .diagnostics.filter((x) => x.code === "cel-unguarded-field")
    .map((x) => {
      expect(x.severity).toBe("warning");
      return x.message
        .replace("the `cel` expression of rule 1 of WorkloadPolicy `p` ", "")
        .replace(", which an object may not have: the API server fails the expression on such objects, and with failurePolicy Fail rejects them", "");
    });
}

describe("cel-unguarded-field", () => {
  it("flags field reads an object may not have, with the position in the expression", () => {
    expect(warnings("object.spec.hostNetwork != true")).toEqual(["reads `object.spec.hostNetwork` (expression 1:13)"]);
    expect(warnings("object.spec.securityContext.runAsNonRoot == true")).toEqual(["reads `object.spec.securityContext` (expression 1:13)"]);
    expect(warnings("has(object.spec.securityContext) && object.spec.securityContext.runAsNonRoot == true")).toEqual([
      "reads `object.spec.securityContext.runAsNonRoot` (expression 1:65)",
    ]);
    expect(warnings("has(object.spec.securityContext.runAsNonRoot)")).toEqual(["reads `object.spec.securityContext` (expression 1:17)"]);
    expect(warnings("object.metadata.labels['app'] == 'web'")).toEqual(["reads `object.metadata.labels` (expression 1:17)"]);
    expect(warnings("variables.containers.all(c, c.securityContext.privileged != true)")).toEqual(["reads `c.securityContext` (expression 1:31)"]);
    expect(warnings("object.spec.hostPID != true &&\n  object.spec.hostIPC != true")).toEqual([
      "reads `object.spec.hostPID` (expression 1:13)",
      "reads `object.spec.hostIPC` (expression 2:15)",
    ]);
    // A deny-by-default policy admits controllers too: a Deployment has no `spec.containers`.
    expect(warnings("object.spec.containers.all(c, has(c.resources))")).toEqual(["iterates over `object.spec.containers` (expression 1:13)"]);
    expect(warnings("object.spec.initContainers.all(c, c.image.startsWith('r/'))", ["Pod"])).toEqual([
      "iterates over `object.spec.initContainers` (expression 1:13)",
    ]);
  });

  it("flags a read inside a call whose result is selected from (`f(x).y`) once, not once per visit", () => {
    expect(warnings("dyn(object.spec.securityContext).runAsNonRoot == true")).toEqual(["reads `object.spec.securityContext` (expression 1:17)"]);
    expect(warnings("dyn(object.spec.securityContext).seLinuxOptions.level == ''")).toEqual(["reads `object.spec.securityContext` (expression 1:17)"]);
    expect(warnings("object.spec.?securityContext.orValue({}).runAsNonRoot == true")).toEqual([]);
  });

  it("does not flag guarded reads, optional reads or fields every object has", () => {
    const quiet = [
      "has(object.spec.hostNetwork) && object.spec.hostNetwork != true",
      "object.spec.hostNetwork != true && has(object.spec.hostNetwork)", // CEL's && absorbs the error when the other side is false
      "!has(object.spec.hostNetwork) || object.spec.hostNetwork == false",
      "has(object.spec.hostNetwork) ? object.spec.hostNetwork == false : true",
      "!has(object.spec.hostNetwork) ? true : object.spec.hostNetwork == false",
      "object.spec.?hostNetwork.orValue(false) == false",
      "object.spec.?securityContext.runAsNonRoot.orValue(false)",
      "has(object.spec.securityContext) && has(object.spec.securityContext.runAsNonRoot) && object.spec.securityContext.runAsNonRoot",
      "object.metadata.name.size() < 40 && object.metadata.namespace != 'x' && object.kind == 'Pod'",
      "request.userInfo.username != '' && request.operation == 'CREATE'",
      "namespaceObject.metadata.name != 'kube-system'",
      "variables.containers.all(c, c.image.startsWith('registry/') && c.name != '')",
      "variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || c.securityContext.privileged != true)",
      "variables.podSpec.containers.size() > 0 && variables.podAnnotations.size() >= 0",
      "variables.podSpec.?hostNetwork.orValue(false) == false",
    ];
    for (const e of quiet) expect(warnings(e), e).toEqual([]);
    // For a Pod-only policy, `object.spec.containers` is a required field.
    expect(warnings("object.spec.containers.all(c, has(c.resources))", ["Pod"])).toEqual([]);
  });

  it("is reported at the rule's expression in its file, with a hint", () => {
    const d = docs([workloadPolicy("p", { rules: [{ cel: { expression: "object.spec.hostNetwork != true", message: "no host network" } }] })]);
    const [w] = compileVap(d, { now: NOW }).diagnostics;
    expect(w).toEqual({
      code: "cel-unguarded-field",
      severity: "warning",
      message:
        "the `cel` expression of rule 0 of WorkloadPolicy `p` reads `object.spec.hostNetwork`, which an object may not have: the API server fails the expression on such objects, and with failurePolicy Fail rejects them (expression 1:13)",
      hint: "guard it with `has(object.spec.hostNetwork)` in an enclosing `&&` or condition, or read it as `object.spec.?hostNetwork.orValue(<default>)`",
      file: expect.any(String),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });
});
