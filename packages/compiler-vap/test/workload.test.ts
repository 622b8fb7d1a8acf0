import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDocuments, loadFiles, workloadPolicy, type RampartDocument } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";

const NOW = new Date("2026-11-24T00:00:00Z");
function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}
const digest = "@sha256:" + "a".repeat(64);
const pod = (name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}, ns = "team-a") => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: ns, labels: { "app.kubernetes.io/name": name } },
  spec: { automountServiceAccountToken: false, containers, ...extra },
});
const good = { name: "app", image: `registry.example.com/app${digest}`, securityContext: { readOnlyRootFilesystem: true }, resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } }, ports: [{ containerPort: 8080 }] };

/** The SPEC.md WorkloadPolicy example without the rules this version does not compile (podSecurity). */
const example = workloadPolicy("restricted-apps", {
  action: "deny",
  match: { namespaces: ["team-*"], excludeNamespaces: ["kube-system"], kinds: ["Pod", "Deployment", "CronJob"] },
  exemptions: [
    { images: ["registry.example.com/debug/*"], owner: "sre@example.com", expires: "2027-03-31" },
    { namespaces: ["legacy-billing"], rules: ["readOnlyRootFilesystem"], owner: "billing@example.com", expires: "2027-01-15" },
  ],
  rules: [
    { readOnlyRootFilesystem: true },
    { automountServiceAccountToken: false },
    { imageDigest: "required" },
    { allowedRegistries: ["registry.example.com/"] },
    { disallowLatestTag: true },
    { resources: { limits: ["cpu", "memory"], requests: ["cpu", "memory"] } },
    { forbiddenContainerPorts: [22] },
    { requiredLabels: ["app.kubernetes.io/name"] },
    { cel: { expression: "object.metadata.name.size() < 40", message: "names are short" } },
  ],
});

describe("compileVap + admit", () => {
  const d = docs([example]);
  const rules = (m: Record<string, unknown>) => admit(d, [m], { now: NOW })[0]!.violations.map((v) => v.rule).sort();

  it("golden: the emitted policy and binding", () => {
    const out = compileVap(d, { now: NOW });
    expect(out.diagnostics).toEqual([]);
    expectGolden(new URL("./golden/workload-example.yaml", import.meta.url).pathname, goldenYaml(out.objects));
  });

  it("a compliant pod is admitted; each rule catches its own breach with a message naming object and container", () => {
    expect(rules(pod("ok", [good]))).toEqual([]);
    expect(rules(pod("ro", [{ ...good, securityContext: {} }]))).toEqual(["readOnlyRootFilesystem"]);
    expect(rules(pod("sa", [good], { automountServiceAccountToken: true }))).toEqual(["automountServiceAccountToken"]);
    expect(rules(pod("tag", [{ ...good, image: "registry.example.com/app:1.0" }]))).toEqual(["imageDigest"]);
    expect(rules(pod("hub", [{ ...good, image: `nginx${digest}` }]))).toEqual(["allowedRegistries"]);
    expect(rules(pod("latest", [{ ...good, image: "registry.example.com/app" }]))).toEqual(["disallowLatestTag", "imageDigest"]);
    expect(rules(pod("res", [{ ...good, resources: { limits: { cpu: "1" } } }]))).toEqual(["resources"]);
    expect(rules(pod("ssh", [{ ...good, ports: [{ containerPort: 22 }] }]))).toEqual(["forbiddenContainerPorts"]);
    expect(rules(pod("x".repeat(45), [good]))).toEqual(["cel"]);
    expect(admit(d, [pod("ro", [good, { ...good, name: "sidecar", securityContext: {} }])], { now: NOW })[0]!.violations[0]!.message).toBe(
      "readOnlyRootFilesystem: Pod ro: container sidecar must set securityContext.readOnlyRootFilesystem: true",
    );
  });

  it("reaches init and ephemeral containers and pod templates of controllers", () => {
    expect(rules(pod("init", [good], { initContainers: [{ ...good, name: "init", image: "busybox" }] }))).toEqual(["allowedRegistries", "disallowLatestTag", "imageDigest"]);
    const cron = { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c", namespace: "team-a", labels: { "app.kubernetes.io/name": "c" } }, spec: { jobTemplate: { spec: { template: { spec: { automountServiceAccountToken: false, containers: [{ ...good, securityContext: {} }] } } } } } };
    expect(rules(cron)).toEqual(["readOnlyRootFilesystem"]);
  });

  it("match: namespace globs and exclusions; exemptions by image and by namespace", () => {
    expect(admit(d, [pod("elsewhere", [{ ...good, securityContext: {} }], {}, "prod")], { now: NOW })).toEqual([{ kind: "Pod", name: "elsewhere", namespace: "prod", decision: "allow", violations: [] }]);
    expect(rules(pod("debug", [{ ...good, image: `registry.example.com/debug/shell${digest}`, securityContext: {}, resources: {} }]))).toEqual([]);
    const legacy = docs([workloadPolicy("l", { match: { namespaces: ["legacy-*"] }, exemptions: [{ namespaces: ["legacy-billing"], rules: ["readOnlyRootFilesystem"], owner: "o" }], rules: [{ readOnlyRootFilesystem: true }, { imageDigest: "required" }] })]);
    const v = admit(legacy, [pod("p", [{ ...good, image: "registry.example.com/app:1", securityContext: {} }], {}, "legacy-billing")], { now: NOW })[0]!;
    expect(v.violations.map((x) => x.rule)).toEqual(["imageDigest"]);
  });

  it("an expired exemption is dropped and reported", () => {
    const out = compileVap(d, { now: new Date("2027-02-01T00:00:00Z") });
    expect(out.diagnostics.map((x) => x.code)).toEqual(["exemption-expired"]);
  });

  it("policy strings cannot change an expression's meaning (escaping, fast-check)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (registry, label) => {
        fc.pre(registry.length > 0);
        const { documents } = loadDocuments([workloadPolicy("p", { rules: [{ allowedRegistries: [registry] }, { cel: { expression: "true", message: label || "m" } }] })]);
        if (documents.length === 0) return;
        const image = `${registry}x`;
        const m = pod("p", [{ name: "c", image }]);
        const hub = !image.includes("/") || !/[.:]|^localhost$/.test(image.split("/")[0]!);
        const results = admit(documents, [m], { now: NOW })[0]!;
        // The image starts with the registry text, so only Docker Hub expansion may reject it.
        expect(results.violations.length === 0).toBe(!hub || (registry.startsWith("docker.io/") && image.startsWith(registry)) || `docker.io/${image.includes("/") ? "" : "library/"}${image}`.startsWith(registry));
      }),
      { numRuns: 300 },
    );
  });

  it("bad input: invalid custom CEL is reported at the expression; unknown rule names get did-you-mean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-vap-"));
    writeFileSync(join(dir, "w.yaml"), "apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: w }\nspec:\n  rules:\n    - cel: { expression: 'object.spec.(', message: m }\n    - readOnlyRootFileSystem: true\n");
    const loaded = await loadFiles(["w.yaml"], { cwd: dir });
    expect(loaded.diagnostics.map((x) => `${x.line}:${x.column}: ${x.message} | ${x.hint}`)).toEqual([
      "7:7: unknown field `readOnlyRootFileSystem` in WorkloadPolicy `spec.rules[1]` | did you mean `readOnlyRootFilesystem`?",
    ]);
    writeFileSync(join(dir, "w2.yaml"), "apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: w }\nspec:\n  rules:\n    - cel: { expression: 'object.spec.(', message: m }\n");
    const ok = await loadFiles(["w2.yaml"], { cwd: dir });
    const out = compileVap(ok.documents, { now: NOW });
    expect(out.diagnostics.map((x) => `${x.file}:${x.line}:${x.column}: ${x.code}`)).toEqual(["w2.yaml:6:26: invalid-cel"]);
  });
});
