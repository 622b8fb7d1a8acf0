import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, normaliseTraffic, type Diagnostic, type RampartDocument } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, verifyNetwork, type NetworkWorkloads } from "@rampart/compiler-networkpolicy";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";

const dir = mkdtempSync(join(tmpdir(), "rampart-net-labels-"));
const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}${d.hint ? ` | ${d.hint}` : ""}`;
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url).pathname;

async function load(name: string, text: string): Promise<{ documents: RampartDocument[]; diagnostics: Diagnostic[] }> {
  writeFileSync(join(dir, name), text);
  return loadFiles([name], { cwd: dir });
}

const head = "apiVersion: rampart.dev/v1alpha1\nkind: TrafficPolicy\nmetadata: { name: apps }\nspec:\n";
/** Governed by `tier: apps`: default deny both ways, ingress from the gateway namespace, DNS and the internet out, the metadata endpoint and the database namespace denied. */
const APPS = `${head}  namespaceLabels: { tier: apps }
  defaultDeny: [ingress, egress]
  allow:
    - { direction: ingress, from: [{ namespace: gw }], ports: [8080/TCP] }
    - { direction: egress, to: [{ dns: true }] }
    - { direction: egress, to: [{ cidr: 0.0.0.0/0 }] }
  deny:
    - { direction: egress, to: [{ cidr: 169.254.169.254/32 }, { namespace: db }] }
`;
/** The inventory: `team-a` and `team-a-dev` carry `tier: apps`. */
const inventory = {
  namespaces: ["db", "gw", "kube-system", "team-a", "team-a-dev", "team-b"],
  namespaceLabels: new Map([
    ["team-a", { tier: "apps" }],
    ["team-a-dev", { tier: "apps", env: "dev" }],
    ["gw", { tier: "edge" }],
  ]),
};

describe("spec.namespaceLabels: validation", () => {
  it("neither `namespaces` nor `namespaceLabels` is an error at `spec`; an empty label map or a bad key at its position", async () => {
    const { diagnostics } = await load(
      "bad.yaml",
      `${head}  defaultDeny: [ingress]\n---\n${head.replace("apps", "empty")}  namespaceLabels: {}\n---\n${head.replace("apps", "key")}  namespaceLabels: { "bad key!": x }\n`,
    );
    expect(diagnostics.map(show)).toEqual([
      'bad.yaml:5:3: error [invalid-value] `spec`: a TrafficPolicy needs the namespaces it governs: `namespaces` (names or globs, e.g. `[team-a, "team-a-*"]`) or `namespaceLabels` (labels every governed namespace carries, e.g. `{ tier: apps }`)',
      'bad.yaml:11:20: error [invalid-value] `spec.namespaceLabels`: give at least one label; to govern every namespace, write `namespaces: ["*"]`',
      "bad.yaml:17:22: error [invalid-value] `spec.namespaceLabels.bad key!`: must be a Kubernetes label key: an optional DNS prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`",
    ]);
  });

  it("the Inventory records namespace labels; a namespace named only there is listed too", async () => {
    const { documents, diagnostics } = await load(
      "inv.yaml",
      `${APPS}---\napiVersion: rampart.dev/v1alpha1\nkind: Inventory\nmetadata: { name: inv }\nspec:\n  namespaces: [team-b]\n  namespaceLabels: { team-a: { tier: apps }, web: { tier: edge } }\n`,
    );
    expect(diagnostics).toEqual([]);
    const [p] = normaliseTraffic(documents);
    expect(p!.namespaces).toEqual(["team-a"]);
    expect(p!.namespaceLabels).toMatchObject({ labels: { tier: "apps" }, matched: ["team-a"], labelsKnown: true, later: true });
  });
});

describe("spec.namespaceLabels: which namespaces it governs", () => {
  it("matchLabels over the inventory (`kubernetes.io/metadata.name` implied); with `namespaces` too, a namespace must match both", async () => {
    const { documents } = await load(
      "ir.yaml",
      `${APPS}---\n${head.replace("apps", "both")}  namespaces: ["team-*", db]\n  namespaceLabels: { env: dev }\n---\n${head.replace("apps", "by-name")}  namespaceLabels: { kubernetes.io/metadata.name: team-b }\n`,
    );
    const ps = normaliseTraffic(documents, inventory);
    expect(ps.map((p) => [p.name, p.namespaces, p.namespaceLabels?.later])).toEqual([
      ["apps", ["team-a", "team-a-dev"], true],
      ["both", ["team-a-dev"], false],
      ["by-name", ["team-b"], true],
    ]);
  });

  it("np: expanded over the inventory, with an info naming what matched; nothing matched warns, saying how to record labels", async () => {
    const { documents } = await load("np.yaml", APPS);
    const out = compileNetwork(documents, { inventory });
    expect(out.diagnostics.map(show)[0]).toBe(
      "np.yaml:5:20: info [traffic-namespace-labels] TrafficPolicy `apps` governs namespaces labelled `tier=apps`: matched `team-a`, `team-a-dev` in the inventory; namespaces created later are governed from the next build with a fresh inventory (or compile with `--network-backend cnp` to govern them at once)",
    );
    expect(out.objects.every((o) => o.kind === "NetworkPolicy")).toBe(true);
    expect([...new Set(out.objects.map((o) => o.metadata.namespace))]).toEqual(["team-a", "team-a-dev"]);
    expectGolden(golden("namespace-labels-np.yaml"), goldenYaml(out.objects));
    const bare = compileNetwork(documents, { inventory: { namespaces: inventory.namespaces } });
    expect(bare.objects).toEqual([]);
    expect(bare.diagnostics.map(show)[0]).toBe(
      "np.yaml:5:20: warning [traffic-namespace-labels-unmatched] TrafficPolicy `apps` governs namespaces labelled `tier=apps`, but the inventory records no namespace labels: the policy governs nothing | record the namespaces' labels in the inventory: `rampart inventory pull` writes them, or add `spec.namespaceLabels: { <namespace>: { <key>: <value> } }` to the Inventory",
    );
    const other = compileNetwork((await load("o.yaml", APPS.replace("tier: apps }", "tier: nope }"))).documents, { inventory, networkBackend: "cnp" });
    expect(other.diagnostics.map(show)[0]).toBe(
      "o.yaml:5:20: warning [traffic-namespace-labels-unmatched] TrafficPolicy `apps` governs namespaces labelled `tier=nope`, which no namespace of the inventory carries: it governs only namespaces created later | check the labels (`kubectl get namespaces --show-labels`), or label the namespaces and pull the inventory again (`rampart inventory pull`)",
    );
  });

  it("cnp: known namespaces as with np, namespaces created later by ClusterNetworkPolicies valid against the CRD (golden); what CNP cannot say is reported", async () => {
    const { documents } = await load("cnp.yaml", APPS);
    const out = compileNetwork(documents, { inventory, networkBackend: "cnp" });
    expect(out.diagnostics.map((d) => `${d.severity} [${d.code}] ${d.message}`)).toEqual([
      "info [traffic-namespace-labels] TrafficPolicy `apps` governs namespaces labelled `tier=apps`: matched `team-a`, `team-a-dev` in the inventory; namespaces created later that carry the labels are governed by ClusterNetworkPolicies",
      "warning [network-later-ingress] TrafficPolicy `apps` restricts ingress from outside the cluster, which a ClusterNetworkPolicy cannot select (its ingress peers are pods and namespaces): in namespaces created after this build, such ingress is admitted until the next build emits their NetworkPolicies",
    ]);
    expectGolden(golden("namespace-labels-cnp.yaml"), goldenYaml(out.objects));
    const later = out.objects.filter((o) => o.metadata.name.endsWith("-later"));
    expect(later.map((o) => `${o.metadata.name} ${(o.spec as { tier: string }).tier} ${(o.spec as { priority: number }).priority}`)).toEqual([
      "rampart-apps-allow-0-later Baseline 103",
      "rampart-apps-allow-1-later Baseline 104",
      "rampart-apps-allow-2-networks-later Baseline 106",
      "rampart-apps-default-deny-later Baseline 105",
      "rampart-apps-default-deny-networks-later Baseline 107",
      "rampart-apps-deny-0-later Admin 101",
      "rampart-apps-deny-0-networks-later Admin 102",
    ]);
    // The NetworkPolicies of the known namespaces are those of np; only the denies' subjects move to ClusterNetworkPolicy.
    const np = compileNetwork(documents, { inventory });
    expect(out.objects.filter((o) => o.kind === "NetworkPolicy").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(
      np.objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
    );
  });
});

describe("spec.namespaceLabels: proofs", () => {
  const pods = (ns: string) => [
    { namespace: ns, name: `${ns}-api`, labels: { app: "api" }, ports: [{ name: "http", port: 8080, protocol: "TCP" as const }] },
    { namespace: ns, name: `${ns}-db`, labels: { app: "db" }, ports: [] },
  ];
  const workloads: NetworkWorkloads = {
    namespaces: [
      ...inventory.namespaces.map((name) => ({ name, labels: { ...(inventory.namespaceLabels.get(name) ?? {}) } })),
      { name: "team-c", labels: { tier: "apps" } },
    ],
    pods: [
      ...["db", "gw", "team-a", "team-b", "team-c"].flatMap(pods),
      { namespace: "kube-system", name: "coredns", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }] },
    ],
    externalIps: ["203.0.113.7"],
  };

  it("np governs what the inventory knew; cnp also `team-c`, created later (only ingress from outside stays open there, counted apart)", async () => {
    const { documents } = await load("proof.yaml", APPS);
    for (const networkBackend of ["np", "cnp"] as const) {
      const out = compileNetwork(documents, { inventory, networkBackend });
      const proof = verifyNetwork(documents, workloads, out.objects, { report: out.report, inventory, networkBackend });
      expect([networkBackend, proof.overAdmitted, proof.underAdmitted, proof.inexpressible]).toEqual([networkBackend, [], [], []]);
      expect(proof.checked).toBe(networkBackend === "np" ? 12672 : 14256);
      const engine = new ConnectivityEngine({ namespaces: workloads.namespaces, pods: workloads.pods, policies: parsePolicies(out.objects) });
      const at = (ns: string, app: string) => ({ pod: workloads.pods.find((p) => p.namespace === ns && p.labels.app === app)! });
      // team-c → db: the deny holds in the namespace created later only with cnp; gw → team-c:8080 allowed there, team-b → team-c not.
      expect([
        engine.allowed(at("team-c", "api"), at("db", "api")).toString(),
        engine.allowed(at("gw", "api"), at("team-c", "api")).toString(),
        engine.allowed(at("team-b", "api"), at("team-c", "api")).toString(),
      ]).toEqual(networkBackend === "np" ? ["All Connections", "All Connections", "All Connections"] : ["No Connections", "TCP 8080", "No Connections"]);
      // Every probe from an external address into team-c's two pods (the policy allows none); nothing else.
      expect(proof.laterIngress.length).toBe(networkBackend === "np" ? 0 : 936);
      expect(proof.laterIngress.filter((f) => !/^team-c\/team-c-(api|db)$/.test(f.dst) || f.src.includes("/") || f.rules.length > 0)).toEqual([]);
    }
  });
});

describe("connectivity engine: Baseline-tier ClusterNetworkPolicies", () => {
  it("are evaluated by priority, not by name (the later namespaces' allows come before their default deny)", () => {
    const cnp = (name: string, priority: number, action: string) => ({
      apiVersion: "policy.networking.k8s.io/v1alpha2",
      kind: "ClusterNetworkPolicy",
      metadata: { name },
      spec: { tier: "Baseline", priority, subject: { namespaces: {} }, ingress: [{ name, action, from: [{ namespaces: {} }] }] },
    });
    const pods = [
      { namespace: "a", name: "x", labels: {}, ports: [] },
      { namespace: "b", name: "y", labels: {}, ports: [] },
    ];
    const allowed = (objects: Record<string, unknown>[]) =>
      new ConnectivityEngine({
        namespaces: [
          { name: "a", labels: {} },
          { name: "b", labels: {} },
        ],
        pods,
        policies: parsePolicies(objects),
      })
        .allowed({ pod: pods[0]! }, { pod: pods[1]! })
        .toString();
    expect([allowed([cnp("a-deny", 2, "Deny"), cnp("z-accept", 1, "Accept")]), allowed([cnp("a-deny", 1, "Deny"), cnp("z-accept", 2, "Accept")])]).toEqual([
      "All Connections",
      "No Connections",
    ]);
  });
});
