import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { admit, admitWithObjects, compileVap } from "@rampart/compiler-vap";
import { controller, DIGEST, docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";
import { all, example, EXAMPLE_WARNING, located, rules, TEMPLATE_CHANGED } from "./workload-policies.js";

describe("admit", () => {
  it("a compliant pod is admitted; each rule catches its own breach", () => {
    expect(rules(all, pod("ok", [GOOD_CONTAINER]))).toEqual([]);
    expect(rules(all, pod("ro", [{ ...GOOD_CONTAINER, securityContext: { ...GOOD_CONTAINER.securityContext, readOnlyRootFilesystem: false } }]))).toEqual([
      "readOnlyRootFilesystem",
    ]);
    expect(rules(all, pod("sa", [GOOD_CONTAINER], { automountServiceAccountToken: true }))).toEqual(["automountServiceAccountToken"]);
    expect(rules(all, pod("tag", [{ ...GOOD_CONTAINER, image: "registry.example.com/app:1.0" }]))).toEqual(["imageDigest"]);
    expect(rules(all, pod("hub", [{ ...GOOD_CONTAINER, image: `nginx${DIGEST}` }]))).toEqual(["allowedRegistries"]);
    expect(rules(all, pod("latest", [{ ...GOOD_CONTAINER, image: "registry.example.com/app" }]))).toEqual(["disallowLatestTag", "imageDigest"]);
    expect(rules(all, pod("latest2", [{ ...GOOD_CONTAINER, image: "registry.example.com/app:latest" }]))).toEqual(["disallowLatestTag", "imageDigest"]);
    expect(rules(all, pod("res", [{ ...GOOD_CONTAINER, resources: { limits: { cpu: "1" } } }]))).toEqual(["resources"]);
    expect(rules(all, pod("ssh", [{ ...GOOD_CONTAINER, ports: [{ containerPort: 8080, hostPort: 22 }] }]))).toEqual(["forbiddenContainerPorts", "hostPorts"]);
    expect(rules(all, { ...pod("nolabel", [GOOD_CONTAINER]), metadata: { name: "nolabel", namespace: "a" } })).toEqual(["requiredLabels"]);
    expect(rules(all, pod("x".repeat(45), [GOOD_CONTAINER]))).toEqual(["cel"]);
    expect(rules(all, pod("root", [{ ...GOOD_CONTAINER, securityContext: { ...GOOD_CONTAINER.securityContext, runAsUser: 0 } }]))).toEqual(["runAsUser"]);
  });

  it("messages name the rule or Pod Security check, the object and the container", () => {
    const bad = {
      ...GOOD_CONTAINER,
      name: "sidecar",
      securityContext: { readOnlyRootFilesystem: false, privileged: true, capabilities: { drop: ["ALL"] }, allowPrivilegeEscalation: false },
    };
    const [r] = admit(all, [pod("web", [GOOD_CONTAINER, bad])], { now: NOW });
    expect(r!.decision).toBe("deny");
    expect(r!.violations.map((v) => [v.rule, v.ruleName, v.message])).toEqual([
      ["privileged", "podSecurity", "privileged: Pod team-a/web: container sidecar must not set securityContext.privileged=true"],
      [
        "readOnlyRootFilesystem",
        "readOnlyRootFilesystem",
        "readOnlyRootFilesystem: Pod team-a/web: container sidecar must set securityContext.readOnlyRootFilesystem: true",
      ],
    ]);
    const [h] = admit(all, [pod("h", [GOOD_CONTAINER], { hostNetwork: true, hostIPC: true })], { now: NOW });
    expect(h!.violations.map((v) => v.message)).toContain("hostNamespaces: Pod team-a/h: pod must not set hostNetwork=true, hostIPC=true");
    const [c] = admit(
      all,
      [
        pod("c", [
          { ...GOOD_CONTAINER, securityContext: {} },
          { ...GOOD_CONTAINER, name: "b", securityContext: {} },
        ]),
      ],
      { now: NOW },
    );
    expect(c!.violations.find((v) => v.rule === "runAsNonRoot")).toBeUndefined();
    expect(c!.violations.find((v) => v.rule === "allowPrivilegeEscalation")!.message).toBe(
      "allowPrivilegeEscalation: Pod team-a/c: containers app, b must set securityContext.allowPrivilegeEscalation=false",
    );
  });

  it("reaches init and ephemeral containers and the pod templates of every controller", () => {
    expect(rules(all, pod("init", [GOOD_CONTAINER], { initContainers: [{ ...GOOD_CONTAINER, name: "init", image: "busybox" }] }))).toEqual([
      "allowedRegistries",
      "disallowLatestTag",
      "imageDigest",
    ]);
    expect(
      rules(
        all,
        pod("eph", [GOOD_CONTAINER], {
          ephemeralContainers: [{ ...GOOD_CONTAINER, name: "debug", securityContext: { ...GOOD_CONTAINER.securityContext, privileged: true } }],
        }),
      ),
    ).toEqual(["privileged"]);
    for (const kind of ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]) {
      expect(rules(all, controller(kind, "ok", [GOOD_CONTAINER]))).toEqual([]);
      expect(rules(all, controller(kind, "bad", [{ ...GOOD_CONTAINER, securityContext: {} }]))).toEqual([
        "allowPrivilegeEscalation",
        "capabilities_restricted",
        "readOnlyRootFilesystem",
      ]);
    }
  });

  it("match: namespace globs, exclusions and namespace labels", () => {
    const bad = pod("p", [{ ...GOOD_CONTAINER, securityContext: {} }], {}, "team-a");
    const labelled = { now: NOW, namespaceLabels: () => ({ tier: "apps" }) };
    expect(admit(example, [bad], labelled)[0]!.decision).toBe("deny");
    expect(admit(example, [bad], { now: NOW })[0]!.violations).toEqual([]); // namespace lacks tier=apps
    expect(admit(example, [{ ...bad, metadata: { ...bad.metadata, namespace: "prod" } }], labelled)[0]!.violations).toEqual([]);
    expect(admit(example, [{ ...bad, metadata: { ...bad.metadata, namespace: "kube-system" } }], labelled)[0]!.violations).toEqual([]);
    expect(admit(example, [controller("StatefulSet", "s", [{ ...GOOD_CONTAINER, securityContext: {} }])], labelled)).toEqual([
      { kind: "StatefulSet", name: "s", namespace: "team-a", decision: "allow", violations: [] },
    ]);
  });

  it("exemptions: by image (containers skipped; pod-level checks only when every image matches) and by namespace", () => {
    const labelled = { now: NOW, namespaceLabels: () => ({ tier: "apps" }) };
    const debug = { ...GOOD_CONTAINER, name: "debug", image: "registry.example.com/debug/shell:1", securityContext: {}, resources: {} };
    expect(admit(example, [pod("d", [GOOD_CONTAINER, debug])], labelled)[0]!.violations.map((v) => v.rule)).toEqual([]);
    // automountServiceAccountToken is pod-level: skipped only when every container is exempt.
    expect(admit(example, [pod("d", [GOOD_CONTAINER, debug], { automountServiceAccountToken: true })], labelled)[0]!.violations.map((v) => v.rule)).toEqual([
      "automountServiceAccountToken",
    ]);
    expect(admit(example, [pod("d", [debug], { automountServiceAccountToken: true })], labelled)[0]!.violations.map((v) => v.rule)).toEqual([]);
    const legacy = docs([
      workloadPolicy("l", {
        match: { namespaces: ["legacy-*"] },
        exemptions: [
          { namespaces: ["legacy-billing"], rules: ["readOnlyRootFilesystem"], owner: "o" },
          { namespaces: ["legacy-old"], owner: "o" },
        ],
        rules: [{ readOnlyRootFilesystem: true }, { imageDigest: "required" }],
      }),
    ]);
    const p = (ns: string) => pod("p", [{ ...GOOD_CONTAINER, image: "registry.example.com/app:1", securityContext: {} }], {}, ns);
    expect(rules(legacy, p("legacy-billing"))).toEqual(["imageDigest"]);
    expect(rules(legacy, p("legacy-other"))).toEqual(["imageDigest", "readOnlyRootFilesystem"]);
    expect(rules(legacy, p("legacy-old"))).toEqual([]);
    const conditions = (compileVap(legacy, { now: NOW }).objects[0]!.spec as { matchConditions: unknown }).matchConditions;
    expect(conditions).toEqual([
      { name: "rampart-namespaces", expression: 'request.namespace.startsWith("legacy-")' },
      { name: "rampart-exemption-1", expression: '!(request.namespace == "legacy-old")' },
      { name: "rampart-changed-on-update", expression: TEMPLATE_CHANGED },
    ]);
  });

  it("an expired exemption is dropped and reported: its rules apply again", () => {
    const later = new Date("2027-02-01T00:00:00Z");
    const out = compileVap(example, { now: later });
    expect(located(out.diagnostics)).toEqual([
      "fixtures/spec-example.yaml:14:109 exemption-expired: exemption 1 of WorkloadPolicy `restricted-apps` (owner `billing@example.com`) expired on `2027-01-15`: its rules apply again",
      EXAMPLE_WARNING,
    ]);
    const legacyPod = pod(
      "p",
      [{ ...GOOD_CONTAINER, securityContext: { ...GOOD_CONTAINER.securityContext, readOnlyRootFilesystem: false } }],
      {},
      "legacy-billing",
    );
    const d = docs([
      workloadPolicy("l", {
        exemptions: [{ namespaces: ["legacy-billing"], rules: ["readOnlyRootFilesystem"], owner: "o", expires: "2027-01-15" }],
        rules: [{ readOnlyRootFilesystem: true }],
      }),
    ]);
    expect(rules(d, legacyPod)).toEqual([]);
    expect(admit(d, [legacyPod], { now: later })[0]!.violations.map((v) => v.rule)).toEqual(["readOnlyRootFilesystem"]);
  });

  it("warn and audit actions: violations listed, decision warn or allow", () => {
    const warn = docs([
      workloadPolicy("w", { action: "warn", rules: [{ imageDigest: "required" }] }),
      workloadPolicy("a", { action: "audit", rules: [{ disallowLatestTag: true }] }),
    ]);
    const [r] = admit(warn, [pod("p", [{ ...GOOD_CONTAINER, image: "nginx" }])], { now: NOW });
    expect(r!.decision).toBe("warn");
    expect(r!.violations.map((v) => [v.policy, v.rule, v.actions])).toEqual([
      ["a", "disallowLatestTag", ["Audit"]],
      ["w", "imageDigest", ["Warn", "Audit"]],
    ]);
  });

  it("judges the object the API server would see: defaults applied, nulls dropped, generateName, List", () => {
    const d = docs([workloadPolicy("p", { rules: [{ podSecurity: "restricted" }, { forbiddenContainerPorts: [8080] }] })]);
    const m = pod("p", [{ ...GOOD_CONTAINER, ports: [{ containerPort: 8080 }] }], { volumes: [{ name: "scratch" }], hostNetwork: true, nodeName: null });
    const v = admit(d, [{ kind: "List", items: [m] }], { now: NOW })[0]!.violations;
    expect(v.map((x) => x.rule)).toEqual(["hostNamespaces", "hostPorts", "forbiddenContainerPorts"]);
    const gen = { ...pod("x", [{ ...GOOD_CONTAINER, image: "a" }]), metadata: { generateName: "web-", namespace: "n", labels: {} } };
    expect(admit(docs([workloadPolicy("q", { rules: [{ imageDigest: "required" }] })]), [gen], { now: NOW })[0]!.violations[0]!.message).toBe(
      "imageDigest: Pod n/web-*: container app must pin its image by digest (`@sha256:` and 64 lowercase hex digits)",
    );
  });

  it("an expression that fails at run time denies (failurePolicy: Fail) and says why", () => {
    const d = docs([workloadPolicy("p", { rules: [{ cel: { expression: "object.spec.nothing.size() > 0", message: "m" } }] })]);
    const [r] = admit(d, [pod("p", [GOOD_CONTAINER])], { now: NOW });
    expect(r!.decision).toBe("deny");
    expect(r!.violations[0]!.message).toMatch(/^cel: m \(the expression failed: /);
  });

  it("admitWithObjects runs pre-built objects (as `rampart build` wrote them)", () => {
    const { objects } = compileVap(all, { now: NOW });
    const parsed = JSON.parse(JSON.stringify(objects));
    expect(
      admitWithObjects(parsed, [pod("p", [{ ...GOOD_CONTAINER, image: "nginx" }])])[0]!
        .violations.map((v) => v.rule)
        .sort(),
    ).toEqual(["allowedRegistries", "disallowLatestTag", "imageDigest"]);
  });
});
