import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, normaliseTraffic, trafficIsolated } from "@rampart/core";

describe("normaliseTraffic (the IR compilers consume)", () => {
  it("resolves local/remote by direction, parses ports and CIDRs, sorts policies and keeps positions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-ir-"));
    writeFileSync(
      join(dir, "t.yaml"),
      [
        "apiVersion: rampart.dev/v1alpha1",
        "kind: TrafficPolicy",
        "metadata: { name: z }",
        "spec:",
        "  namespaces: [b, a, b]",
        "  defaultDeny: [egress]",
        "  allow:",
        "    - direction: egress",
        "      from: { pods: { app: web } }",
        "      to: [{ namespace: a }, { namespaceLabels: { t: x }, pods: { k: v } }, { pods: {} }, { cidr: 10.0.0.0/8 }, { dns: true }]",
        "      ports: [8080, 53/UDP, 9000-9100/SCTP, http]",
        "---",
        "apiVersion: rampart.dev/v1alpha1",
        "kind: TrafficPolicy",
        "metadata: { name: a }",
        "spec: { namespaces: [a], deny: [{ direction: ingress }] }",
        "",
      ].join("\n"),
    );
    const { documents, diagnostics } = await loadFiles(["t.yaml"], { cwd: dir });
    expect(diagnostics).toEqual([]);
    const [a, z] = normaliseTraffic(documents);
    expect(a!.name).toBe("a");
    expect(a!.deny[0]).toMatchObject({
      policy: "a",
      effect: "deny",
      index: 0,
      direction: "ingress",
      local: {},
      remote: undefined,
      ports: undefined,
      source: { file: "t.yaml", line: 16 },
    });
    expect(z!.namespaces).toEqual(["a", "b"]);
    expect(z!.defaultDeny).toEqual({ ingress: false, egress: true });
    const rule = z!.allow[0]!;
    expect(rule.local).toEqual({ app: "web" });
    expect(rule.source).toEqual({ file: "t.yaml", line: 8, column: 7 });
    expect(rule.remote!.map((p) => (p.kind === "pods" ? [p.kind, p.namespace, p.pods] : p.kind === "cidr" ? [p.kind, p.cidr.text] : [p.kind]))).toEqual([
      ["pods", { kind: "name", name: "a" }, {}],
      ["pods", { kind: "labels", labels: { t: "x" } }, { k: "v" }],
      ["pods", { kind: "same" }, {}],
      ["cidr", "10.0.0.0/8"],
      ["dns"],
    ]);
    expect(rule.remote![3]!.source).toMatchObject({ line: 10 });
    expect(rule.ports).toEqual([
      { kind: "range", protocol: "TCP", from: 8080, to: 8080 },
      { kind: "range", protocol: "UDP", from: 53, to: 53 },
      { kind: "range", protocol: "SCTP", from: 9000, to: 9100 },
      { kind: "named", protocol: "TCP", name: "http" },
    ]);
    const policies = normaliseTraffic(documents);
    expect([trafficIsolated(policies, "a", "egress"), trafficIsolated(policies, "a", "ingress"), trafficIsolated(policies, "c", "egress")]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
