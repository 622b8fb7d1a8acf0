// Custom rules with their own name: violations (and so PolicyTest `violations`) tell them apart.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadFiles, workloadPolicy } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const policy = docs([
  workloadPolicy("hardening", {
    match: { kinds: ["Pod"] },
    rules: [
      {
        cel: {
          name: "no-host-network",
          expression: "!has(object.spec.hostNetwork) || !object.spec.hostNetwork",
          message: "pods must not use the host network",
        },
      },
      { cel: { name: "no-host-pid", expression: "!has(object.spec.hostPID) || !object.spec.hostPID", message: "pods must not share the host PID namespace" } },
      { cel: { expression: "object.metadata.name.size() < 20", message: "names are short" } },
      { imageDigest: "required" },
    ],
  }),
]);
const violations = (extra: Record<string, unknown>, name = "web") =>
  admit(policy, [pod(name, [GOOD_CONTAINER], extra)], { now: NOW })[0]!.violations.map((v) => [v.rule, v.ruleName, v.message]);

describe("named custom rules", () => {
  it("violations name the custom rule (what a PolicyTest's `violations` compares); unnamed ones stay `cel`", () => {
    expect(violations({})).toEqual([]);
    expect(violations({ hostNetwork: true })).toEqual([["no-host-network", "cel", "no-host-network: Pod team-a/web: pods must not use the host network"]]);
    expect(violations({ hostPID: true })).toEqual([["no-host-pid", "cel", "no-host-pid: Pod team-a/web: pods must not share the host PID namespace"]]);
    expect(violations({ hostNetwork: true, hostPID: true }, "a-very-long-pod-name-indeed")).toEqual([
      ["no-host-network", "cel", "no-host-network: Pod team-a/a-very-long-pod-name-indeed: pods must not use the host network"],
      ["no-host-pid", "cel", "no-host-pid: Pod team-a/a-very-long-pod-name-indeed: pods must not share the host PID namespace"],
      ["cel", "cel", "cel: Pod team-a/a-very-long-pod-name-indeed: names are short"],
    ]);
  });

  it("the emitted validation's static message carries the name too", () => {
    const spec = compileVap(policy, { now: NOW }).objects[0]!.spec as { validations: { message: string }[] };
    expect(spec.validations.map((v) => v.message)).toEqual([
      "no-host-network: pods must not use the host network",
      "no-host-pid: pods must not share the host PID namespace",
      "cel: names are short",
      expect.stringMatching(/^imageDigest: /),
    ]);
  });

  it("a name used twice in one policy, or not a DNS label, is an error at the name", async () => {
    const { diagnostics } = await loadFiles(["fixtures/duplicate-custom-names.yaml"], { cwd: here });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "fixtures/duplicate-custom-names.yaml:9:15: error: `spec.rules[1].cel.name`: custom rule name `no-host-network` is already used by rule 0 of this policy: give each custom rule its own name [invalid-value]",
      "fixtures/duplicate-custom-names.yaml:12:20: error: `spec.rules[2].cel.name`: must be a DNS-1123 label: lowercase letters, digits and `-`, starting and ending with a letter or digit [invalid-value]",
    ]);
  });
});
