import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, type Diagnostic, type RampartDocument } from "@rampart/core";
import { compileNetwork, verifyNetwork, type NetworkWorkloads } from "@rampart/compiler-networkpolicy";

const dir = mkdtempSync(join(tmpdir(), "rampart-net-hints-"));
const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}${d.hint ? ` | ${d.hint}` : ""}`;

async function load(name: string, text: string): Promise<{ documents: RampartDocument[]; diagnostics: Diagnostic[] }> {
  writeFileSync(join(dir, name), text);
  return loadFiles([name], { cwd: dir });
}
const policy = (namespaces: string, deny = "") => `apiVersion: rampart.dev/v1alpha1
kind: TrafficPolicy
metadata: { name: net }
spec:
  namespaces: ${namespaces}
  defaultDeny: [egress]
  allow:
    - direction: egress
      to: [{ dns: true }]
${deny}`;
const denyCidr = (cidr: string) => `  deny:\n    - direction: egress\n      to: [{ cidr: ${cidr} }]\n`;

describe("a deny of a CIDR holding link-local services warns", () => {
  it("169.254.0.0/16: warning at the peer, suggesting the metadata endpoint", async () => {
    const { documents, diagnostics } = await load("ll.yaml", policy("[team-a]", denyCidr("169.254.0.0/16")));
    expect(diagnostics).toEqual([]);
    expect(compileNetwork(documents).diagnostics.map(show)).toEqual([
      "ll.yaml:12:12: warning [traffic-deny-link-local] deny rule 0 of TrafficPolicy `net` blocks egress to `169.254.0.0/16`, which also holds link-local services such as NodeLocal DNSCache (169.254.20.10): pods using it lose DNS | to block only the cloud metadata endpoint, deny `169.254.169.254/32` (or compile with blockMetadata)",
    ]);
  });

  it("any CIDR holding 169.254.20.10 warns; the metadata endpoint, other CIDRs and blockMetadata do not", async () => {
    const codes = async (cidr: string, blockMetadata = false) =>
      compileNetwork((await load("c.yaml", policy("[team-a]", denyCidr(cidr)))).documents, { blockMetadata }).diagnostics.map((d) => d.code);
    expect(await codes("169.254.20.0/24")).toEqual(["traffic-deny-link-local"]);
    expect(await codes("169.254.20.10/32")).toEqual(["traffic-deny-link-local"]);
    expect(await codes("169.254.169.254/32")).toEqual([]);
    expect(await codes("169.254.169.0/24")).toEqual([]);
    expect(await codes("10.0.0.0/8")).toEqual([]);
    expect(compileNetwork((await load("m.yaml", policy("[team-a]"))).documents, { blockMetadata: true }).diagnostics).toEqual([]);
  });
});

describe("TrafficPolicy.namespaces globs expand from the inventory", () => {
  const inventory = { namespaces: ["kube-system", "team-a", "team-b", "tools"] };
  const defaultDenies = (objects: { kind: string; metadata: { name: string; namespace?: string } }[]) =>
    objects.filter((o) => o.metadata.name === "rampart-net-default-deny").map((o) => o.metadata.namespace);

  it("a glob governs what it matched, with an info naming it; a glob matching nothing warns", async () => {
    const { documents, diagnostics } = await load("g.yaml", policy('[team-*, ops, "nothing-?"]'));
    expect(diagnostics).toEqual([]);
    const out = compileNetwork(documents, { inventory });
    expect(out.diagnostics.map(show)).toEqual([
      "g.yaml:5:16: info [traffic-namespace-glob] TrafficPolicy `net` governs namespaces `team-*`: matched `team-a`, `team-b` in the inventory; namespaces created later are governed from the next build with a fresh inventory",
      "g.yaml:5:29: warning [traffic-namespace-glob-unmatched] TrafficPolicy `net` governs namespaces `nothing-?`, which matches no namespace of the inventory: the pattern governs nothing | check the pattern, or give the cluster an inventory that lists its namespaces (`Cluster.spec.inventory`, `--inventory`, `rampart inventory pull`)",
    ]);
    expect(defaultDenies(out.objects)).toEqual(["ops", "team-a", "team-b"]);
    const cnp = compileNetwork(documents, { inventory, networkBackend: "cnp" });
    expect(cnp.diagnostics[0]!.message).toBe(
      "TrafficPolicy `net` governs namespaces `team-*`: matched `team-a`, `team-b` in the inventory; namespaces created later are governed from the next build with a fresh inventory (Kubernetes label selectors cannot match name patterns, with --network-backend cnp too)",
    );
  });

  it("without an inventory option, the Inventory documents' namespaces are used", async () => {
    const inv = `---\napiVersion: rampart.dev/v1alpha1\nkind: Inventory\nmetadata: { name: inv }\nspec:\n  namespaces: [team-x, other]\n`;
    const { documents, diagnostics } = await load("d.yaml", policy("[team-*]") + inv);
    expect(diagnostics).toEqual([]);
    expect(defaultDenies(compileNetwork(documents).objects)).toEqual(["team-x"]);
  });

  it("verify expands globs as compile did: the proof holds", async () => {
    const { documents } = await load("v.yaml", policy("[team-*]"));
    const workloads: NetworkWorkloads = {
      namespaces: ["team-a", "team-b", "tools", "kube-system"].map((name) => ({ name, labels: {} })),
      pods: [
        { namespace: "team-a", name: "a", labels: { app: "a" }, ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
        { namespace: "tools", name: "t", labels: { app: "t" }, ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
        { namespace: "kube-system", name: "coredns", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }] },
      ],
    };
    const out = compileNetwork(documents, { inventory });
    const proof = verifyNetwork(documents, workloads, out.objects, { report: out.report, inventory });
    expect([proof.overAdmitted, proof.underAdmitted, proof.inexpressible]).toEqual([[], [], []]);
    // The glob governs team-a and team-b (default deny + DNS allow each); tools stays open.
    expect(out.objects.filter((o) => o.kind === "NetworkPolicy").map((o) => o.metadata.namespace)).toEqual(["team-a", "team-a", "team-b", "team-b"]);
  });

  it("an invalid pattern is a load error", async () => {
    const { diagnostics } = await load("bad.yaml", policy("[Team_*]"));
    expect(diagnostics.map(show)).toEqual([
      "bad.yaml:5:16: error [invalid-value] `spec.namespaces[0]`: invalid namespace pattern `Team_*`: use lowercase letters, digits, `-`, `*` (any run of characters) and `?` (one character)",
    ]);
  });
});
