import { loadDocuments, type RampartDocument } from "@rampart/core";
import { diffTraffic, diffWorkloads } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";

function docs(...values: unknown[]): RampartDocument[] {
  const r = loadDocuments(values);
  expect(r.diagnostics).toEqual([]);
  return r.documents;
}

const deployment = (namespace: string, name: string, image: string) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: [{ containerPort: 8080 }] }] } },
  },
});
const namespace = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const WORKLOADS = [namespace("team-a"), namespace("team-b"), deployment("team-a", "api", "api:1"), deployment("team-b", "web", "web:1")];
const traffic = (name: string, spec: unknown) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "TrafficPolicy", metadata: { name }, spec });

describe("diffTraffic", () => {
  it("lists the flows whose connections flip, including the CIDRs either version names", () => {
    const egress = traffic("team-b-net", {
      namespaces: ["team-b"],
      defaultDeny: ["egress"],
      allow: [{ direction: "egress", to: [{ cidr: "0.0.0.0/0" }] }],
      deny: [{ direction: "egress", to: [{ cidr: "169.254.169.254/32" }] }],
    });
    const ingress = traffic("team-a-net", {
      namespaces: ["team-a"],
      defaultDeny: ["ingress"],
      allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: "team-b", pods: { app: "web" } }], ports: ["8080/TCP"] }],
    });
    expect(diffTraffic(docs(ingress), docs(ingress, egress), WORKLOADS)).toEqual([
      { from: "team-b/web[Deployment]", to: "169.254.169.254/32", port: "All Connections", before: "allow", after: "deny" },
      { from: "team-b/web[Deployment]", to: "team-a/api[Deployment]", port: "TCP 8080", before: "allow", after: "deny" },
    ]);
    expect(diffTraffic(docs(ingress, egress), docs(ingress), WORKLOADS).map((t) => [t.to, t.before, t.after])).toEqual([
      ["169.254.169.254/32", "deny", "allow"],
      ["team-a/api[Deployment]", "deny", "allow"],
    ]);
    expect(diffTraffic(docs(ingress), docs(ingress), WORKLOADS)).toEqual([]);
  });
});

describe("diffWorkloads", () => {
  it("lists manifests whose admission verdict changes, with the rules of the stricter side", () => {
    const policy = (action: string) => ({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "WorkloadPolicy",
      metadata: { name: "digests" },
      spec: { action, match: { namespaces: ["team-*"] }, rules: [{ imageDigest: "required" }, { disallowLatestTag: true }] },
    });
    const manifests = [
      { file: "api.yaml", value: deployment("team-a", "api", "registry.example.com/api:1.0") },
      { file: "pinned.yaml", value: deployment("team-a", "pinned", `registry.example.com/api@sha256:${"a".repeat(64)}`) },
      { file: "other.yaml", value: deployment("ops", "tool", "tool") },
    ];
    const now = new Date("2026-06-01T00:00:00Z");
    expect(diffWorkloads(docs(policy("warn")), docs(policy("deny")), manifests, now)).toEqual([
      { file: "api.yaml", object: "Deployment/team-a/api", before: "warn", after: "deny", rules: ["imageDigest"] },
    ]);
    expect(diffWorkloads(docs(policy("deny")), [], manifests, now)).toEqual([
      { file: "api.yaml", object: "Deployment/team-a/api", before: "deny", after: "admit", rules: ["imageDigest"] },
    ]);
  });
});
