// The live-cluster commands in-process, against recorded clusters (a `Connector` replaces the kubeconfig).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFiles, loadInventory } from "@rampart/core";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { buildPolicies, desiredObjects, MANAGED_SELECTOR, useConnector, type AnyObject } from "@rampart/pipeline";
import { LIVE_FIXTURES, loadRecording, normalisePath, RecordedClient, recordedConnector, type Recording } from "../../pipeline/test/live-recorded.js";

const POLICIES = join(LIVE_FIXTURES, "policies");
const AT = "2026-06-01T00:00:00Z";

async function run(argv: string[], cwd = mkdtempSync(join(tmpdir(), "rampart-live-"))) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, stdout: out.join("\n"), stderr: err.join("\n"), cwd };
}

function renamed(recording: Recording, context: string): Recording {
  return { ...recording, context, server: `https://${context}.example:6443` };
}

/** The plural resource of each kind the build emits (as the diff-cluster recording's discovery says). */
const RESOURCES: Record<string, { base: string; namespaced: boolean }> = {
  ClusterRole: { base: "/apis/rbac.authorization.k8s.io/v1/clusterroles", namespaced: false },
  ClusterRoleBinding: { base: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", namespaced: false },
  Role: { base: "/apis/rbac.authorization.k8s.io/v1/roles", namespaced: true },
  RoleBinding: { base: "/apis/rbac.authorization.k8s.io/v1/rolebindings", namespaced: true },
  ValidatingAdmissionPolicy: { base: "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies", namespaced: false },
  ValidatingAdmissionPolicyBinding: { base: "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings", namespaced: false },
  NetworkPolicy: { base: "/apis/networking.k8s.io/v1/networkpolicies", namespaced: true },
};

/**
 * A recorded cluster that serves the kind-dev discovery (for `--inventory live`) and, for
 * managed-object lists, the given objects as the server would (with server-set fields added).
 */
function mirrorCluster(objects: readonly AnyObject[]): RecordedClient {
  const kind = loadRecording("kind-dev");
  const diff = loadRecording("diff-cluster");
  const responses = { ...kind.responses };
  for (const [path, body] of Object.entries(diff.responses)) if (!path.includes("?") && !path.includes("/namespaces/")) responses[path] = body;
  const served = objects.map((o, i) => {
    const meta = o.metadata as Record<string, unknown>;
    return {
      ...structuredClone(o),
      metadata: { ...meta, uid: `uid-${i}`, resourceVersion: String(100 + i), creationTimestamp: "2026-05-01T00:00:00Z", managedFields: [] },
    } as AnyObject;
  });
  const selector = normalisePath(`/x?labelSelector=${encodeURIComponent(MANAGED_SELECTOR)}&limit=500`).split("?")[1];
  return new RecordedClient({ context: "kind-dev", server: kind.server, responses }, (path) => {
    for (const [k, r] of Object.entries(RESOURCES)) {
      if (path === `${r.base}?${selector}`) return { kind: `${k}List`, metadata: {}, items: served.filter((o) => o.kind === k) };
    }
    return undefined;
  });
}

afterEach(() => useConnector(undefined));

describe("rampart inventory pull (recorded clusters)", () => {
  it("writes one Inventory for one context, with progress on stderr", async () => {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const r = await run(["inventory", "pull", POLICIES, "--context", "kind-dev", "-o", "inv/dev.yaml", "--at", AT]);
    expect(r.code).toBe(0);
    const { inventory, diagnostics } = await loadInventory(join(r.cwd, "inv/dev.yaml"));
    expect(diagnostics).toEqual([]);
    expect(inventory!.names("", "secrets", "team-a")).toEqual(["db-password", "lead-token"]);
    const lines = r.stderr.split("\n");
    expect(lines).toContain("kind-dev: discovering API groups");
    expect(lines).toContain("kind-dev: listing names of `pods` (3/5)");
    expect(lines.find((l) => l.startsWith("kind-dev: done: "))).toBe(
      "kind-dev: done: kubernetes 1.33, 11 API resources (3 not built in), 6 namespaces, 14 object names (legacythings.example.com, nodes, pods, secrets, widgets.example.com)",
    );
    expect(r.stderr).toContain("<context kind-dev>:0:0: warning: cannot discover `metrics.k8s.io/v1beta1` in context `kind-dev`");
    expect(lines.at(-1)).toBe("wrote the inventory of context `kind-dev` to inv/dev.yaml");
  });

  it("uses the current context by default; `.json` writes JSON; `-o -` prints YAML", async () => {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const json = await run(["inventory", "pull", "-o", "dev.json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(join(json.cwd, "dev.json"), "utf8"))).toMatchObject({
      kind: "Inventory",
      metadata: { name: "kind-dev" },
      spec: { kubernetesVersion: "1.33" },
    });
    expect(json.stderr).toContain("note: no policy paths were given, so no object names were pulled");
    const stdout = await run(["inventory", "pull", "-o", "-"]);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^# Pulled by `rampart inventory pull` from context `kind-dev`/);
    expect(stdout.stdout).toContain("kind: Inventory");
    expect(readdirSync(stdout.cwd)).toEqual([]);
  });

  it("pulls several contexts at once into a directory, one file per context", async () => {
    const rec = loadRecording("kind-dev");
    useConnector(
      recordedConnector({ "kind-dev": new RecordedClient(rec), gke_corp_eu_prod: new RecordedClient(renamed(rec, "gke_corp_eu_prod")) }, "kind-dev"),
    );
    const r = await run(["inventory", "pull", POLICIES, "--context", "kind-dev,gke_corp_eu_prod", "-o", "inventory", "--at", AT]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(r.cwd, "inventory")).sort()).toEqual(["gke-corp-eu-prod.yaml", "kind-dev.yaml"]);
    expect(readFileSync(join(r.cwd, "inventory/gke-corp-eu-prod.yaml"), "utf8")).toContain("name: gke-corp-eu-prod");
    expect(r.stderr).toContain("gke_corp_eu_prod: listing namespaces");
    expect(r.stderr).toContain("kind-dev: done: ");
    const all = await run(["inventory", "pull", "--all-contexts", "-o", "all"]);
    expect(all.code).toBe(0);
    expect(readdirSync(join(all.cwd, "all")).sort()).toEqual(["gke-corp-eu-prod.yaml", "kind-dev.yaml"]);
  });

  it("writes nothing when one context fails, and says why", async () => {
    const down = renamed(loadRecording("kind-dev"), "kind-prod");
    down.responses["/api"] = { $status: 0 };
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")), "kind-prod": new RecordedClient(down) }, "kind-dev"));
    const r = await run(["inventory", "pull", "--context", "kind-dev", "--context", "kind-prod", "-o", "inventory"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kind-prod: failed: cannot reach the API server of context `kind-prod`");
    expect(r.stderr).toContain("<context kind-prod>:0:0: error: cannot reach the API server of context `kind-prod`");
    expect(r.stderr).toContain("rampart inventory: nothing written: 1 of 2 contexts could not be pulled");
    expect(existsSync(join(r.cwd, "inventory"))).toBe(false);
  });

  it("an unknown context or a bad command line is exit 2", async () => {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const unknown = await run(["inventory", "pull", "--context", "nope", "-o", "x.yaml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "<kubeconfig>:0:0: error: unknown context `nope`; the kubeconfig defines `kind-dev` (list them with `kubectl config get-contexts`) [kubeconfig]",
    );
    expect(existsSync(join(unknown.cwd, "x.yaml"))).toBe(false);
    expect((await run(["inventory", "push", "-o", "x"])).stderr).toContain("unknown subcommand `push`; use `rampart inventory pull`");
    expect((await run(["inventory", "pull"])).code).toBe(2);
    expect((await run(["inventory", "pull", "--context", "a", "--context", "b", "-o", "-"])).stderr).toContain("`-o -` prints one inventory");
  });
});

describe("--inventory live", () => {
  it("build pulls the inventory from the context named like the cluster (or the current one)", async () => {
    // without an inventory `*.example.com` is unknown; the live inventory knows the CRD group
    const offline = await run(["build", POLICIES, "-o", "out", "--at", AT]);
    expect(offline.code).toBe(2);
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const r = await run(["build", POLICIES, "-o", "out", "--inventory", "live", "--at", AT]);
    expect(r.stderr).toContain("pulling the inventory of cluster `default` from context `kind-dev`");
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(r.cwd, "out/default/report.json"), "utf8")) as { inventory: { namespaces: number; resources: number } };
    expect(report.inventory.namespaces).toBe(6);
  });

  it("with several clusters and no context named like one, says what to do", async () => {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const dir = mkdtempSync(join(tmpdir(), "rampart-live-"));
    const clusters =
      "apiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata: { name: dev }\nspec: {}\n---\napiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata: { name: prod }\nspec: {}\n";
    (await import("node:fs")).writeFileSync(join(dir, "clusters.yaml"), clusters);
    const r = await run(["build", dir, "-o", "out", "--inventory", "live"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no kubeconfig context is named `dev`, so `--inventory live` cannot tell which cluster to read for it");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("rampart diff --live (recorded clusters)", () => {
  async function built(): Promise<AnyObject[]> {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const { documents } = await loadFiles([POLICIES]);
    const b = await buildPolicies(documents, { inventory: "live", networkBackend: "np", writePrecision: "admission", now: new Date(AT) });
    const objects = desiredObjects(b.clusters.get("default")!.files).objects;
    expect(objects.length).toBe(10);
    return objects;
  }

  it("exit 0 when the cluster holds exactly the build", async () => {
    const objects = await built();
    useConnector(recordedConnector({ "kind-dev": mirrorCluster(objects) }, "kind-dev"));
    // from the cwd of the build: the `rampart.dev/source` annotation holds a path relative to it
    const r = await run(["diff", POLICIES, "--live", "--inventory", "live", "--at", AT], process.cwd());
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`in sync: the ${objects.length} objects of cluster \`default\` match context \`kind-dev\``);
    expect(r.code).toBe(0);
  });

  it("exit 1 on drift, with field paths; `-o json` for machines", async () => {
    const objects = await built();
    const changed = structuredClone(objects);
    const first = changed[0]!;
    (first.metadata as { labels: Record<string, string> }).labels["rampart.dev/policy"] = "edited";
    const gone = changed.pop()!;
    changed.push({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "rampart:leftover", labels: { "app.kubernetes.io/managed-by": "rampart" } },
      rules: [],
    });
    useConnector(recordedConnector({ "kind-dev": mirrorCluster(changed) }, "kind-dev"));
    const r = await run(["diff", POLICIES, "--live", "--context", "kind-dev", "--inventory", "live", "--at", AT], process.cwd());
    expect(r.code).toBe(1);
    const ref = (o: AnyObject) =>
      `${o.kind as string} ${(o.metadata as { namespace?: string }).namespace ? `${(o.metadata as { namespace: string }).namespace}/` : ""}${(o.metadata as { name: string }).name}`;
    expect(r.stdout.split("\n")).toEqual([
      `missing     ${ref(gone)}`,
      `changed     ${ref(first)}`,
      `              metadata.labels["rampart.dev/policy"]: want ${JSON.stringify((objects[0]!.metadata as { labels: Record<string, string> }).labels["rampart.dev/policy"])}, cluster has "edited"`,
      "extra       ClusterRole rampart:leftover",
    ]);
    expect(r.stderr).toContain("drift: 1 missing, 1 changed, 1 extra");
    const json = await run(["diff", POLICIES, "--live", "--inventory", "live", "--at", AT, "-o", "json"], process.cwd());
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      cluster: "default",
      context: "kind-dev",
      server: "https://127.0.0.1:6443",
      inSync: false,
      counts: { desired: objects.length, missing: 1, changed: 1, extra: 1 },
    });
    expect(report.changed).toEqual([
      {
        apiVersion: first.apiVersion,
        kind: first.kind,
        name: (first.metadata as { name: string }).name,
        ...((first.metadata as { namespace?: string }).namespace ? { namespace: (first.metadata as { namespace: string }).namespace } : {}),
        fields: [
          {
            path: 'metadata.labels["rampart.dev/policy"]',
            change: "changed",
            desired: (objects[0]!.metadata as { labels: Record<string, string> }).labels["rampart.dev/policy"],
            live: "edited",
          },
        ],
      },
    ]);
  });

  it("bad input, an unknown cluster or context, or a missing --live is exit 2", async () => {
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(loadRecording("kind-dev")) }, "kind-dev"));
    const noLive = await run(["diff", POLICIES]);
    expect(noLive.code).toBe(2);
    expect(noLive.stderr).toContain("`--live` is required");
    const ctx = await run(["diff", POLICIES, "--live", "--context", "nope", "-o", "json"]);
    expect(ctx.code).toBe(2);
    expect(JSON.parse(ctx.stdout).diagnostics[0]).toMatchObject({
      code: "kubeconfig",
      severity: "error",
      message: "unknown context `nope`; the kubeconfig defines `kind-dev`",
    });
    const cluster = await run(["diff", POLICIES, "--live", "--cluster", "prod"]);
    expect(cluster.code).toBe(2);
    expect(cluster.stderr).toContain("unknown cluster `prod`; the policies define `default`");
    const down = loadRecording("kind-dev");
    down.responses["/version"] = { $status: 0 };
    useConnector(recordedConnector({ "kind-dev": new RecordedClient(down) }, "kind-dev"));
    const unreachable = await run(["diff", POLICIES, "--live"]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain("error: cannot reach the API server of context `kind-dev`");
  });
});
