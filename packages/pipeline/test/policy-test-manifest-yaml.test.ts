// Manifests as kubectl reads them (YAML 1.1 scalars): admission cases of a PolicyTest read their
// manifest files so (the policy files stay YAML 1.2), and emitted manifests quote what kubectl would misread.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadFiles, parseYaml } from "@rampart/core";
import { runPolicyTests, toYaml } from "@rampart/pipeline";

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
      '    - cel: { expression: "object.spec.?securityContext.?fsGroup.orValue(0) != 420 && object.spec.?hostNetwork.orValue(false) == false", message: fsGroup 0644 }',
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
    [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: { name: p, namespace: default }",
      "spec:",
      "  hostNetwork: no",
      `  securityContext: { fsGroup: ${fsGroup} }`,
      "  containers: [{ name: c, image: nginx }]",
      "",
    ].join("\n");
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

it("emitted manifests quote every string kubectl would read as another type, and kubectl reads back the same object", () => {
  const object = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "c", labels: { enabled: "yes", mode: "on", short: "y", octal: "0644", big: "1_000", plain: "hello", time: "1:30" } },
    data: { n: "N", off: "off", number: "08", text: "a yes b" },
  };
  const text = toYaml(object);
  expect(text).toBe(
    [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: c",
      "  labels:",
      '    enabled: "yes"',
      '    mode: "on"',
      '    short: "y"',
      '    octal: "0644"',
      '    big: "1_000"',
      "    plain: hello",
      "    time: 1:30",
      "data:",
      '  "n": "N"',
      '  "off": "off"',
      '  number: "08"',
      "  text: a yes b",
      "",
    ].join("\n"),
  );
  const read = parseYaml(text, "c.yaml", undefined, "kubectl");
  expect(read.documents.map((d) => d.value)).toEqual([object]);
});
