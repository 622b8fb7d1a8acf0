import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDocuments, loadFiles, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork, verifyNetwork, type NetworkWorkloads } from "@rampart/compiler-networkpolicy";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

/** The TrafficPolicy example of SPEC.md. */
const spec = trafficPolicy("team-a-net", {
  namespaces: ["team-a"],
  defaultDeny: ["ingress", "egress"],
  allow: [
    { direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: "team-b", pods: { app: "web" } }, { cidr: "10.0.0.0/8" }], ports: ["8080/TCP", "9000-9100/TCP", "http"] },
    { direction: "egress", to: [{ dns: true }] },
    { direction: "egress", to: [{ cidr: "0.0.0.0/0" }] },
  ],
  deny: [{ direction: "egress", to: [{ cidr: "169.254.169.254/32" }] }],
});

const workloads: NetworkWorkloads = {
  namespaces: [{ name: "team-a", labels: {} }, { name: "team-b", labels: { tier: "web" } }, { name: "kube-system", labels: {} }],
  pods: [
    { namespace: "team-a", name: "api", labels: { app: "api" }, ports: [{ name: "http", port: 8081, protocol: "TCP" }] },
    { namespace: "team-a", name: "worker", labels: { app: "worker" }, ports: [] },
    { namespace: "team-b", name: "web", labels: { app: "web" }, ports: [] },
    { namespace: "team-b", name: "batch", labels: { app: "batch" }, ports: [] },
    { namespace: "kube-system", name: "coredns", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }] },
  ],
  externalIps: ["10.9.9.9", "192.168.1.1"],
};

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url).pathname;

describe("compileNetwork: the SPEC.md example", () => {
  it("emits default deny, allows and the metadata block as ipBlock.except (golden), and proves it", () => {
    const d = docs([spec]);
    const out = compileNetwork(d);
    expect(out.diagnostics).toEqual([]);
    expectGolden(golden("spec-example.yaml"), goldenYaml(out.objects));
    const proof = verifyNetwork(d, workloads, out.objects);
    expect(proof.overAdmitted).toEqual([]);
    expect(proof.underAdmitted).toEqual([]);
    const egress = out.objects.find((o) => o.metadata.name === "rampart-team-a-net-allow-2")!;
    expect(JSON.stringify(egress.spec)).toContain('"except":["169.254.169.254/32"]');
  });

  it("pod denies: np removes the overlapping allow (reported); cnp emits an Admin-tier ClusterNetworkPolicy (golden)", () => {
    const d = docs([
      trafficPolicy("seg", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", from: [{ namespace: "team-b" }] }],
        deny: [{ direction: "ingress", from: [{ namespace: "team-b", pods: { app: "batch" } }] }],
      }),
    ]);
    const np = compileNetwork(d, { networkBackend: "np" });
    expect(np.diagnostics.map((x) => x.code)).toEqual(["network-not-expressible"]);
    expect(verifyNetwork(d, workloads, np.objects).overAdmitted).toEqual([]);
    const cnp = compileNetwork(d, { networkBackend: "cnp" });
    expectGolden(golden("pod-deny-cnp.yaml"), goldenYaml(cnp.objects));
    const proof = verifyNetwork(d, workloads, cnp.objects);
    expect(proof.overAdmitted).toEqual([]);
    expect(proof.underAdmitted).toEqual([]);
  });

  it("warns when allows have no effect (direction not default-deny)", () => {
    const out = compileNetwork(docs([trafficPolicy("x", { namespaces: ["team-a"], allow: [{ direction: "ingress", from: [{ pods: { app: "web" } }] }] })]));
    expect(out.diagnostics.map((x) => x.message)).toEqual(["allow rule 0 of TrafficPolicy `x` has no effect: ingress is not default-deny in this policy"]);
  });
});

describe("never admit a denied flow (fast-check)", () => {
  const labels = fc.constantFrom({}, { app: "api" }, { app: "web" }, { app: "batch" });
  const peer = fc.oneof(
    fc.record({ namespace: fc.constantFrom("team-a", "team-b", "kube-system"), pods: labels }),
    labels.map((pods) => ({ pods })),
    fc.constantFrom({ cidr: "0.0.0.0/0" }, { cidr: "10.0.0.0/8" }, { cidr: "169.254.169.254/32" }, { cidr: "10.9.0.0/16" }, { cidr: "::/0" }),
    fc.constant({ dns: true as const }),
    fc.record({ namespaceLabels: fc.constantFrom({ tier: "web" }, {}), pods: labels }),
  );
  const ports = fc.option(fc.subarray(["8080/TCP", "53/UDP", "9000-9100/TCP", "http", "443"], { minLength: 1 }), { nil: undefined });
  const rule = fc.record({ direction: fc.constantFrom("ingress", "egress"), local: labels, peers: fc.option(fc.array(peer, { minLength: 1, maxLength: 3 }), { nil: undefined }), ports });
  const toRule = (r: { direction: string; local: Record<string, string>; peers: unknown[] | undefined; ports: string[] | undefined }) => {
    const out: Record<string, unknown> = { direction: r.direction };
    const localKey = r.direction === "ingress" ? "to" : "from";
    const remoteKey = r.direction === "ingress" ? "from" : "to";
    if (Object.keys(r.local).length) out[localKey] = { pods: r.local };
    if (r.peers) out[remoteKey] = r.peers;
    if (r.ports) out.ports = r.ports;
    return out;
  };
  it("random TrafficPolicies × the workloads: verifyNetwork finds no admitted denied flow (np and cnp)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ namespaces: fc.subarray(["team-a", "team-b"], { minLength: 1 }), defaultDeny: fc.subarray(["ingress", "egress"]), allow: fc.array(rule, { maxLength: 3 }), deny: fc.array(rule, { maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom("np", "cnp"),
        (policies, backend) => {
          const d = docs(policies.map((p, i) => trafficPolicy(`t${i}`, { namespaces: p.namespaces, defaultDeny: p.defaultDeny as ("ingress" | "egress")[], allow: p.allow.map(toRule) as never, deny: p.deny.map(toRule) as never })));
          const out = compileNetwork(d, { networkBackend: backend as "np" | "cnp" });
          // Every object is valid against its schema (NetworkPolicy OpenAPI, ClusterNetworkPolicy CRD).
          expect(out.diagnostics.filter((x) => x.code === "openapi-invalid")).toEqual([]);
          const proof = verifyNetwork(d, workloads, out.objects);
          expect(proof.overAdmitted.slice(0, 3)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("bad input", () => {
  it("invalid CIDR, port, protocol and label: errors at line:column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-net-"));
    writeFileSync(
      join(dir, "t.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: TrafficPolicy\nmetadata: { name: t }\nspec:\n  namespaces: [team-a]\n  defaultDeny: [ingress]\n  allow:\n    - direction: ingress\n      from: [{ cidr: 10.0.0.0/33 }, { pods: { 'bad key!': x } }]\n      ports: [70000, 80/ICMP]\n",
    );
    const { diagnostics } = await loadFiles(["t.yaml"], { cwd: dir });
    expect(diagnostics.map((x) => `${x.line}:${x.column}: ${x.message}`)).toEqual([
      "9:22: `spec.allow[0].from[0].cidr`: `10.0.0.0/33` has an invalid prefix length: expected 0 to 32",
      "9:47: `spec.allow[0].from[1].pods.bad key!`: must be a Kubernetes label key: an optional DNS prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`",
      "10:15: `spec.allow[0].ports[0]`: `70000`: ports are 1 to 65535",
      "10:22: `spec.allow[0].ports[1]`: `80/ICMP` is not a port: expected a number (`8080`), a range (`9000-9100/TCP`) or a named port (`http`), optionally with `/TCP`, `/UDP` or `/SCTP`",
    ]);
  });
});

describe("connectivity engine fast path", () => {
  it("deciding each class of alike pods once gives the same flows as pair by pair", async () => {
    const { ConnectivityEngine, parsePolicies } = await import("@rampart/compiler-networkpolicy");
    const d = docs([spec]);
    const pods = [...workloads.pods, { namespace: "team-a", name: "api-2", labels: { app: "api" }, ports: [{ name: "http", port: 8081, protocol: "TCP" as const }] }];
    const policies = parsePolicies(compileNetwork(d).objects as never);
    const render = (explain: boolean) => {
      const e = new ConnectivityEngine({ namespaces: workloads.namespaces, pods, policies });
      e.explain = explain;
      return e.flows().map((f) => `${"pod" in f.src ? f.src.pod.name : ""}>${"pod" in f.dst ? f.dst.pod.name : ""}:${f.conns}`).sort();
    };
    expect(render(false)).toEqual(render(true));
    expect(render(false).length).toBeGreaterThan(0);
  });
});
