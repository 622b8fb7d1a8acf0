// Admission cases of a PolicyTest read their manifest files as kubectl does (YAML 1.1 scalars),
// while the policy files themselves stay YAML 1.2.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadFiles } from "@rampart/core";
import { runPolicyTests } from "@rampart/pipeline";

it("an admission case's manifest file gets kubectl's scalars: `fsGroup: 0644` is 420, `hostNetwork: no` is false", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-case-yaml-"));
  writeFileSync(
    join(dir, "policies.yaml"),
    [
      "apiVersion: rampart.dev/v1alpha1",
      "kind: WorkloadPolicy",
      "metadata: { name: octal }",
      "spec:",
      "  action: deny",
      "  rules:",
      "    - cel: { expression: \"object.spec.?securityContext.?fsGroup.orValue(0) != 420 && object.spec.?hostNetwork.orValue(false) == false\", message: fsGroup 0644 }",
      "---",
      "apiVersion: rampart.dev/v1alpha1",
      "kind: PolicyTest",
      "metadata: { name: yaml11 }",
      "spec:",
      "  admission:",
      "    - { file: octal.yaml, expect: deny }",
      "    - { file: plain.yaml, expect: allow }",
      "",
    ].join("\n"),
  );
  const podYaml = (fsGroup: string) =>
    ["apiVersion: v1", "kind: Pod", "metadata: { name: p, namespace: default }", "spec:", "  hostNetwork: no", `  securityContext: { fsGroup: ${fsGroup} }`, "  containers: [{ name: c, image: nginx }]", ""].join("\n");
  writeFileSync(join(dir, "octal.yaml"), podYaml("0644"));
  writeFileSync(join(dir, "plain.yaml"), podYaml("644"));
  const loaded = await loadFiles(["policies.yaml"], { cwd: dir });
  expect(loaded.diagnostics).toEqual([]);
  const outcome = await runPolicyTests(loaded.documents, { cwd: dir, now: new Date("2026-11-24T00:00:00Z") });
  expect(outcome.diagnostics).toEqual([]);
  expect(outcome.results!.map((r) => [r.title, r.passed])).toEqual([
    ["octal.yaml", true],
    ["plain.yaml", true],
  ]);
});
