// Workload policies skip UPDATEs outside their say (issue 12 item 4), as Pod Security Admission does.
import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { controller, docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";

const policy = docs([
  workloadPolicy("apps", {
    rules: [{ podSecurity: "restricted" }, { allowedRegistries: ["registry.example.com/"] }, { requiredLabels: ["app.kubernetes.io/name"] }],
  }),
]);
/** A pod that predates the policy: pulled from Docker Hub, root allowed, with a finalizer. */
const legacy = (extra: Record<string, unknown> = {}) => {
  const p = pod("old", [{ name: "app", image: "nginx:1.27" }], {}, "team-a");
  return { ...p, metadata: { ...p.metadata, finalizers: ["example.com/cleanup"], ...extra }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } };
};
const update = (from: Record<string, unknown>, to: Record<string, unknown>, documents = policy) =>
  admit(documents, [to], { now: NOW, oldObject: () => from })[0]!;
const create = (manifest: Record<string, unknown>, documents = policy) => admit(documents, [manifest], { now: NOW })[0]!;
const rules = (r: { violations: { rule: string }[] }) => [...new Set(r.violations.map((v) => v.rule))].sort();

describe("UPDATE skipping", () => {
  it("an UPDATE removing a finalizer from a pod that predates the policy is admitted; a CREATE of it is checked", () => {
    const before = legacy();
    const after = { ...before, metadata: { ...before.metadata, finalizers: [] } };
    expect(update(before, after).decision).toBe("allow");
    expect(update(before, after).violations).toEqual([]);
    expect(create(after).decision).toBe("deny");
    expect(rules(create(after))).toEqual([
      "allowPrivilegeEscalation",
      "allowedRegistries",
      "capabilities_restricted",
      "runAsNonRoot",
      "seccompProfile_restricted",
    ]);
  });

  it("an UPDATE changing the image to a forbidden one is denied, with every rule checked", () => {
    const good = pod("web", [GOOD_CONTAINER]);
    const bad = { ...good, spec: { ...good.spec, containers: [{ ...GOOD_CONTAINER, image: "docker.io/library/nginx:1.27" }] } };
    expect(update(good, good).decision).toBe("allow");
    expect(update(good, bad).decision).toBe("deny");
    expect(rules(update(good, bad))).toEqual(["allowedRegistries"]);
  });

  it("an UPDATE of a field a rule reads outside the template is checked (labels for requiredLabels, a Pod's annotations for Pod Security)", () => {
    const good = pod("web", [GOOD_CONTAINER]);
    const unlabelled = { ...good, metadata: { name: "web", namespace: "team-a" } };
    expect(rules(update(good, unlabelled))).toEqual(["requiredLabels"]);
    const apparmor = { ...good, metadata: { ...good.metadata, annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } } };
    expect(rules(update(good, apparmor))).toEqual(["appArmorProfile"]);
    // A controller: its own annotations are not read, its template is.
    const deploy = controller("Deployment", "api", [{ name: "app", image: "nginx:1" }]);
    const annotated = { ...deploy, metadata: { ...deploy.metadata, annotations: { "deployment.kubernetes.io/revision": "2" } } };
    expect(update(deploy, annotated).violations).toEqual([]);
    const scaled = { ...deploy, spec: { ...deploy.spec, replicas: 3 } };
    expect(update(deploy, scaled).violations).toEqual([]);
    const retagged = { ...deploy, spec: { template: { ...deploy.spec.template, spec: { containers: [{ name: "app", image: "nginx:2" }] } } } };
    expect(rules(update(deploy, retagged))).toContain("allowedRegistries");
  });

  it("custom rules: updates are skipped on the paths they read, and never when they read oldObject or request", () => {
    const hostNet = docs([
      workloadPolicy("h", { rules: [{ cel: { expression: "!has(object.spec.hostNetwork) || !object.spec.hostNetwork", message: "no host network" } }] }),
    ]);
    const on = { ...pod("n", [GOOD_CONTAINER]), spec: { containers: [GOOD_CONTAINER], hostNetwork: true } };
    const relabelled = { ...on, metadata: { ...on.metadata, labels: { a: "b" } } };
    expect(update(on, relabelled, hostNet).violations).toEqual([]);
    expect(create(on, hostNet).violations.map((v) => v.rule)).toEqual(["cel"]);
    const conditions = (d: typeof hostNet) =>
      (compileVap(d, { now: NOW }).objects[0]!.spec as { matchConditions?: { name: string }[] }).matchConditions?.map((c) => c.name);
    expect(conditions(hostNet)).toEqual(["rampart-changed-on-update"]);
    const immutable = docs([
      workloadPolicy("i", {
        rules: [
          {
            cel: {
              expression: "has(object.metadata.labels) && has(oldObject.metadata.labels) ? object.metadata.labels == oldObject.metadata.labels : true",
              message: "labels are immutable",
            },
          },
        ],
      }),
    ]);
    expect(conditions(immutable)).toBeUndefined();
    const who = docs([workloadPolicy("w", { rules: [{ cel: { expression: "request.userInfo.username != 'bob'", message: "not bob" } }] })]);
    expect(conditions(who)).toBeUndefined();
    expect(update(on, relabelled, who).decision).toBe("allow");
  });
});
