import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rampart } from "./run-cli.js";

const POLICY = `apiVersion: rampart.dev/v1alpha1
kind: TrafficPolicy
metadata: { name: apps }
spec:
  namespaceLabels: { tier: apps }
  defaultDeny: [ingress]
  allow:
    - { direction: ingress, from: [{ namespace: gw }], ports: [8080/TCP] }
---
apiVersion: rampart.dev/v1alpha1
kind: PolicyTest
metadata: { name: apps }
spec:
  traffic:
    - { from: { namespace: gw }, to: { namespace: team-a }, port: 8080/TCP, expect: allow }
    - { from: { namespace: team-b }, to: { namespace: team-a }, port: 8080/TCP, expect: deny }
    - { from: { namespace: team-a }, to: { namespace: team-b }, port: 8080/TCP, expect: allow }
`;
const INVENTORY = `apiVersion: rampart.dev/v1alpha1
kind: Inventory
metadata: { name: prod }
spec:
  namespaces: [gw, team-a, team-b]
  namespaceLabels: { team-a: { tier: apps } }
`;
const WORKLOADS = ["gw", "team-b", "team-c"]
  .map(
    (ns) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: ${ns} }\nspec:\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: c, image: x, ports: [{ containerPort: 8080 }] }] }`,
  )
  .concat("apiVersion: v1\nkind: Namespace\nmetadata: { name: team-c, labels: { tier: apps } }")
  .join("\n---\n");

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-nslabels-"));
  mkdirSync(join(dir, "policies"));
  writeFileSync(join(dir, "policies/apps.yaml"), POLICY);
  writeFileSync(join(dir, "policies/inventory.yaml"), INVENTORY);
  writeFileSync(join(dir, "workloads.yaml"), WORKLOADS);
  return dir;
}

const networkFiles = (dir: string) => readdirSync(join(dir, "out/default/network")).sort();

describe("TrafficPolicy namespaceLabels (built binary)", () => {
  it("build expands it over the inventory's labelled namespaces (np) or adds ClusterNetworkPolicies for namespaces created later (cnp); verify proves both trees", () => {
    const dir = workspace();
    const np = rampart(["build", "policies", "-o", "out", "--inventory", "policies/inventory.yaml", "--verbose"], dir);
    expect(np.code).toBe(0);
    expect(np.stderr + np.stdout).toContain("TrafficPolicy `apps` governs namespaces labelled `tier=apps`: matched `team-a` in the inventory");
    const npFiles = networkFiles(dir);
    expect(npFiles.length).toBeGreaterThan(0);
    expect(npFiles.every((f) => f.startsWith("networkpolicy-"))).toBe(true);
    expect(npFiles.every((f) => readFileSync(join(dir, "out/default/network", f), "utf8").includes("namespace: team-a"))).toBe(true);
    expect(rampart(["verify", "policies", "out", "--inventory", "policies/inventory.yaml"], dir).code).toBe(0);

    const cnp = rampart(["build", "policies", "-o", "out", "--inventory", "policies/inventory.yaml", "--network-backend", "cnp"], dir);
    expect(cnp.code).toBe(0);
    expect(cnp.stderr + cnp.stdout).toContain("network-later-ingress");
    const later = networkFiles(dir).filter((f) => f.includes("later"));
    expect(later.length).toBe(2);
    const text = later.map((f) => readFileSync(join(dir, "out/default/network", f), "utf8")).join("\n");
    expect(text).toContain("tier: Baseline");
    expect(text).toContain("tier: apps");
    expect(text).toContain("operator: NotIn");
    const verified = rampart(["verify", "policies", "out", "--inventory", "policies/inventory.yaml", "-o", "json"], dir);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout).clusters[0].network).toMatchObject({ overAdmissions: [], underAdmitted: 0 });
  });

  it("test decides traffic cases with the Inventory's namespace labels; connectivity with the workloads' Namespace labels", () => {
    const dir = workspace();
    const t = rampart(["test", "policies"], dir);
    expect([t.code, t.stderr]).toEqual([0, ""]);
    expect(t.stdout).toContain("3 passed");
    // team-c is labelled in the workloads file only: governed there, so team-b may not reach it; gw may on 8080.
    const c = rampart(["connectivity", "policies", "--workloads", "workloads.yaml", "-o", "json"], dir);
    expect(c.code).toBe(0);
    const flows = (JSON.parse(c.stdout).flows as { src: string; dst: string; conns: string }[]).map((f) => `${f.src} -> ${f.dst}: ${f.conns}`);
    expect(flows).toEqual([
      "gw/web[Deployment] -> team-b/web[Deployment]: All Connections",
      "gw/web[Deployment] -> team-c/web[Deployment]: TCP 8080",
      "team-b/web[Deployment] -> gw/web[Deployment]: All Connections",
      "team-c/web[Deployment] -> gw/web[Deployment]: All Connections",
      "team-c/web[Deployment] -> team-b/web[Deployment]: All Connections",
    ]);
  });
});
