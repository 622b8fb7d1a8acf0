import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFiles, loadInventory, normaliseAccess } from "@rampart/core";
import { describe, expect, it } from "vitest";
import { discover } from "../src/live/discovery.js";
import { formatOf, inventoryDocument, inventoryName, inventoryNames, renderInventory } from "../src/live/inventory-document.js";
import { KubeError } from "../src/live/kube-client.js";
import { listAll, listQuery } from "../src/live/list.js";
import { listPlan, nameTargets } from "../src/live/name-targets.js";
import { pullInventory } from "../src/live/pull.js";
import { LIVE_FIXTURES, loadRecording, RecordedClient } from "./live-recorded.js";

const NOW = Date.parse("2026-06-01T00:00:00Z");

async function fixturePolicies() {
  const { documents, diagnostics } = await loadFiles([join(LIVE_FIXTURES, "policies")]);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return normaliseAccess(documents);
}

describe("paginated lists", () => {
  it("builds the query in a fixed order", () => {
    expect(listQuery({}, undefined)).toBe("?limit=500");
    expect(listQuery({ labelSelector: "app.kubernetes.io/managed-by=rampart" }, "abc/=")).toBe(
      "?labelSelector=app.kubernetes.io%2Fmanaged-by%3Drampart&limit=500&continue=abc%2F%3D",
    );
  });

  it("follows `metadata.continue` until the last page", async () => {
    const client = new RecordedClient(loadRecording("kind-dev"));
    const items = await listAll(client, "/api/v1/namespaces", { metadataOnly: true });
    expect(items.map((i) => (i.metadata as { name: string }).name)).toEqual(["default", "kube-system", "team-a", "team-a-dev", "team-b", "web"]);
    expect(client.requests).toEqual(["/api/v1/namespaces?limit=500", "/api/v1/namespaces?limit=500&continue=ns-page-2"]);
  });

  it("stops a list that never ends, and rejects a body that is not a list", async () => {
    const endless = new RecordedClient({ context: "x", server: "s", responses: {} }, () => ({ items: [], metadata: { continue: "again" } }));
    await expect(listAll(endless, "/api/v1/pods", { maxPages: 3 })).rejects.toThrow("did not finish after 3 pages");
    const odd = new RecordedClient({ context: "x", server: "s", responses: { "/api/v1/pods?limit=500": { kind: "Status" } } });
    await expect(listAll(odd, "/api/v1/pods")).rejects.toThrow("is not a list");
  });
});

describe("name targets: only resources the policies name by pattern", () => {
  it("pulls names for patterned rules only, with the namespaces those rules cover", async () => {
    const d = await discover(new RecordedClient(loadRecording("kind-dev")));
    const targets = nameTargets(await fixturePolicies(), d.resources, { now: NOW });
    expect(targets.map((t) => ({ key: t.key, namespaces: t.namespaces?.map((g) => g.source), rules: t.rules }))).toEqual(
      [
        // cluster-scoped and a cluster-wide rule
        { key: "nodes", namespaces: undefined, rules: ["nodes rule 1"] },
        // pods/log with names needs pod names; `*` covers every namespace
        { key: "pods", namespaces: undefined, rules: ["team-a rule 2"] },
        { key: "secrets", namespaces: ["team-a"], rules: ["team-a rule 3"] },
        // `*.example.com`: every listable resource of the group, except cluster-scoped gadgets (the rule has namespaces)
        { key: "legacythings.example.com", namespaces: ["team-*"], rules: ["team-a rule 4"] },
        { key: "widgets.example.com", namespaces: ["team-*"], rules: ["team-a rule 4"] },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });

  it("counts an expired rule before it expires, and skips policies another cluster selects", async () => {
    const d = await discover(new RecordedClient(loadRecording("kind-dev")));
    const policies = await fixturePolicies();
    expect(nameTargets(policies, d.resources, { now: Date.parse("2019-06-01T00:00:00Z") }).map((t) => t.key)).toContain("services");
    const elsewhere = policies.map((p) => ({ ...p, clusters: { env: "prod" } }));
    expect(nameTargets(elsewhere, d.resources, { now: NOW, clusterTags: { env: "dev" } })).toEqual([]);
    expect(nameTargets(elsewhere, d.resources, { now: NOW, clusterTags: { env: "prod" } })).toHaveLength(5);
  });

  it("lists per namespace when every namespace is literal, else cluster-wide", async () => {
    const d = await discover(new RecordedClient(loadRecording("kind-dev")));
    const targets = nameTargets(await fixturePolicies(), d.resources, { now: NOW });
    const plan = (key: string) =>
      listPlan(
        targets.find((t) => t.key === key)!,
        ["default", "team-a", "team-b"],
      );
    expect(plan("secrets")).toEqual({ perNamespace: ["team-a"] });
    expect(plan("widgets.example.com")).toEqual({ clusterWide: true });
    expect(plan("nodes")).toEqual({ clusterWide: true });
  });
});

describe("pullInventory (recorded kind cluster)", () => {
  it("pulls discovery, namespaces (2 pages) and the patterned names, and nothing else", async () => {
    const client = new RecordedClient(loadRecording("kind-dev"));
    const steps: string[] = [];
    const { inventory, diagnostics, stats } = await pullInventory(client, { policies: await fixturePolicies(), now: NOW, onStep: (m) => steps.push(m) });
    expect(inventory.kubernetesVersion).toBe("1.33");
    expect(inventory.namespaces).toEqual(["default", "kube-system", "team-a", "team-a-dev", "team-b", "web"]);
    // Labels as listed, without the implied `kubernetes.io/metadata.name`; namespaces with no other label left out.
    expect(inventory.namespaceLabels).toEqual({ "team-a": { tier: "apps" }, "team-a-dev": { env: "dev", tier: "apps" }, web: { tier: "edge" } });
    expect(inventory.resources.map((r) => `${r.resource}.${r.group}`)).toEqual(["gadgets.example.com", "legacythings.example.com", "widgets.example.com"]);
    expect(inventory.objects).toEqual({
      nodes: ["node-1", "node-2"],
      pods: {
        default: [],
        "kube-system": ["coredns-1"],
        "team-a": ["api-1", "nginx-a"],
        "team-a-dev": ["nginx-dev"],
        "team-b": ["worker-0"],
        web: ["frontend-1", "nginx-1"],
      },
      secrets: { "team-a": ["db-password", "lead-token"] },
      // team-* namespaces only; web's widget is outside every rule
      "widgets.example.com": { "team-a": ["w-1", "x-9"], "team-a-dev": [], "team-b": ["w-2"] },
    });
    // legacythings cannot be listed in the recording (404): a warning, the rest still pulled
    expect(diagnostics.map((d) => d.code)).toEqual(["discovery-partial", "inventory-names"]);
    expect(diagnostics[1]!.message).toContain("cannot list `legacythings.example.com` in context `kind-dev`");
    expect(diagnostics[1]!.hint).toContain("the name patterns of team-a rule 4 grant less");
    expect(stats).toMatchObject({ extraResources: 3, namespaces: 6, names: 14 });
    const lists = client.requests.filter((r) => r.includes("?"));
    expect(lists).toEqual([
      "/api/v1/namespaces?limit=500",
      "/api/v1/namespaces?limit=500&continue=ns-page-2",
      "/apis/example.com/v1beta1/legacythings?limit=500",
      "/api/v1/nodes?limit=500",
      "/api/v1/pods?limit=500",
      "/api/v1/pods?limit=500&continue=pods-page-2",
      "/api/v1/namespaces/team-a/secrets?limit=500",
      "/apis/example.com/v1/widgets?limit=500",
    ]);
    expect(lists.some((r) => /configmaps|services|deployments/.test(r))).toBe(false);
    expect(steps.filter((s) => s.startsWith("listing names of"))).toEqual([
      "listing names of `legacythings.example.com` (1/5)",
      "listing names of `nodes` (2/5)",
      "listing names of `pods` (3/5)",
      "listing names of `secrets` (4/5)",
      "listing names of `widgets.example.com` (5/5)",
    ]);
  });

  it("without policies pulls discovery and namespaces only", async () => {
    const client = new RecordedClient(loadRecording("kind-dev"));
    const { inventory } = await pullInventory(client);
    expect(inventory.objects).toEqual({});
    expect(client.requests.filter((r) => r.includes("?")).every((r) => r.startsWith("/api/v1/namespaces?"))).toBe(true);
  });

  it("a forbidden namespace list is a warning; literal namespaces are still listed", async () => {
    const rec = loadRecording("kind-dev");
    rec.responses["/api/v1/namespaces?limit=500"] = { $status: 403, message: 'namespaces is forbidden: User "dev" cannot list resource "namespaces"' };
    const { inventory, diagnostics } = await pullInventory(new RecordedClient(rec), { policies: await fixturePolicies(), now: NOW });
    // implied by the name lists: the cluster-wide pod list, the per-namespace secrets list
    expect(inventory.namespaces).toEqual(["kube-system", "team-a", "team-a-dev", "team-b", "web"]);
    expect(inventory.objects.secrets).toEqual({ "team-a": ["db-password", "lead-token"] });
    expect(diagnostics.find((d) => d.code === "inventory-namespaces")?.message).toContain("cannot list namespaces in context `kind-dev`");
  });

  it("rejected credentials end the pull", async () => {
    const rec = loadRecording("kind-dev");
    rec.responses["/api"] = { $status: 401, message: "Unauthorized" };
    await expect(pullInventory(new RecordedClient(rec))).rejects.toMatchObject({ kind: "unauthorized" } satisfies Partial<KubeError>);
  });
});

describe("the Inventory document", () => {
  it("is a valid Inventory that loads back with the same content (YAML and JSON)", async () => {
    const { inventory } = await pullInventory(new RecordedClient(loadRecording("kind-dev")), { policies: await fixturePolicies(), now: NOW });
    const doc = inventoryDocument("kind-dev", inventory);
    const dir = mkdtempSync(join(tmpdir(), "rampart-inv-"));
    for (const file of ["kind-dev.yaml", "kind-dev.json"]) {
      const text = renderInventory(doc, formatOf(file), { context: "kind-dev", server: "https://127.0.0.1:6443" });
      writeFileSync(join(dir, file), text);
      const loaded = await loadInventory(join(dir, file));
      expect(loaded.diagnostics).toEqual([]);
      const inv = loaded.inventory!;
      expect(inv.kubernetesVersion).toBe("1.33");
      expect(inv.namespaces).toEqual(["default", "kube-system", "team-a", "team-a-dev", "team-b", "web"]);
      expect([...inv.namespaceLabels]).toEqual([
        ["team-a", { tier: "apps" }],
        ["team-a-dev", { env: "dev", tier: "apps" }],
        ["web", { tier: "edge" }],
      ]);
      expect(inv.resource("example.com", "widgets")).toMatchObject({ kind: "Widget", namespaced: true, builtin: false });
      expect(inv.names("", "pods", "team-a")).toEqual(["api-1", "nginx-a"]);
      expect(inv.names("", "nodes", "")).toEqual(["node-1", "node-2"]);
      expect(inv.names("", "pods", "default")).toEqual([]);
    }
    const yaml = renderInventory(doc, "yaml", { context: "kind-dev", server: "https://127.0.0.1:6443" });
    expect(yaml.split("\n")[0]).toBe("# Pulled by `rampart inventory pull` from context `kind-dev` (https://127.0.0.1:6443); pull again to refresh.");
    // deterministic: the same pull renders byte-identical output
    const again = await pullInventory(new RecordedClient(loadRecording("kind-dev")), { policies: await fixturePolicies(), now: NOW });
    expect(renderInventory(inventoryDocument("kind-dev", again.inventory), "yaml", { context: "kind-dev", server: "https://127.0.0.1:6443" })).toBe(yaml);
  });

  it("names documents and files after contexts as DNS labels", () => {
    expect(inventoryName("kind-dev")).toBe("kind-dev");
    expect(inventoryName("gke_my-project_europe-west1_prod")).toBe("gke-my-project-europe-west1-prod");
    const eks = inventoryName("arn:aws:eks:eu-west-1:123456789012:cluster/a-very-long-production-cluster-name-here");
    expect(eks.length).toBeLessThanOrEqual(63);
    expect(eks).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    const names = inventoryNames(["Prod", "prod", "dev"]);
    expect(names.get("Prod")).toBe("prod");
    expect(names.get("prod")).toMatch(/^prod-[0-9a-f]{8}$/);
    expect(names.get("dev")).toBe("dev");
  });
});
