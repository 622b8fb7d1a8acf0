import { describe, expect, it } from "vitest";
import { loadDocuments, normaliseTraffic, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork, connectivity, METADATA_DENY, verifyNetwork, type NetworkWorkloads } from "@rampart/compiler-networkpolicy";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

const workloads: NetworkWorkloads = {
  namespaces: [
    { name: "team-a", labels: {} },
    { name: "team-b", labels: { tier: "web" } },
    { name: "kube-system", labels: {} },
  ],
  pods: [
    { namespace: "team-a", name: "api", labels: { app: "api" }, ports: [{ name: "http", port: 8081, protocol: "TCP" }] },
    { namespace: "team-a", name: "worker", labels: { app: "worker" }, ports: [] },
    { namespace: "team-b", name: "web", labels: { app: "web" }, ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
    { namespace: "team-b", name: "batch", labels: { app: "batch" }, ports: [] },
    { namespace: "kube-system", name: "coredns", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }] },
  ],
};

/** Compiles with both backends and proves both exact (or exactly as reported). */
function proveBoth(d: RampartDocument[], options: { blockMetadata?: boolean } = {}) {
  for (const backend of ["np", "cnp"] as const) {
    const out = compileNetwork(d, { networkBackend: backend, ...options });
    expect(out.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    const proof = verifyNetwork(d, workloads, out.objects, { report: out.report, ...options });
    expect({ backend, over: proof.overAdmitted.slice(0, 3), under: proof.underAdmitted.slice(0, 3) }).toEqual({ backend, over: [], under: [] });
  }
}

const specOf = (out: ReturnType<typeof compileNetwork>, name: string) => JSON.stringify(out.objects.find((o) => o.metadata.name === name)?.spec);

describe("compileNetwork: exact subtraction", () => {
  it("a deny with ports splits the allow's ports: denied ports get ipBlock.except, the others do not", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["egress"],
        allow: [{ direction: "egress", to: [{ cidr: "10.0.0.0/8" }], ports: ["1-1000/TCP"] }],
        deny: [{ direction: "egress", to: [{ cidr: "10.9.0.0/16" }], ports: ["443/TCP"] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(specOf(out, "rampart-p-allow-0")).toBe(
      JSON.stringify({
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          { to: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.9.0.0/16"] } }], ports: [{ protocol: "TCP", port: 443 }] },
          {
            to: [{ ipBlock: { cidr: "10.0.0.0/8" } }],
            ports: [
              { protocol: "TCP", port: 1, endPort: 442 },
              { protocol: "TCP", port: 444, endPort: 1000 },
            ],
          },
        ],
      }),
    );
    proveBoth(d);
  });

  it("a deny for some local pods splits the allow by pod selector (NotIn for the others)", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["egress"],
        allow: [{ direction: "egress", to: [{ cidr: "0.0.0.0/0" }] }],
        deny: [{ direction: "egress", from: { pods: { app: "api" } }, to: [{ cidr: "169.254.169.254/32" }] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(specOf(out, "rampart-p-allow-0-0")).toContain('"podSelector":{"matchLabels":{"app":"api"}}');
    expect(specOf(out, "rampart-p-allow-0-0")).toContain('"except":["169.254.169.254/32"]');
    expect(specOf(out, "rampart-p-allow-0-1")).toContain('"podSelector":{"matchExpressions":[{"key":"app","operator":"NotIn","values":["api"]}]}');
    expect(specOf(out, "rampart-p-allow-0-1")).not.toContain("except");
    proveBoth(d);
  });

  it("a deny in a direction that is not default-deny isolates only the pods it guards (guard), exactly", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        deny: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: "team-b", pods: { app: "batch" } }, { cidr: "10.0.0.0/8" }] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(out.objects.map((o) => o.metadata.name)).toEqual([expect.stringMatching(/^rampart-deny-guard-ingress-[0-9a-f]{8}$/)]);
    proveBoth(d);
  });

  it("deny everything in a direction that is not default-deny: the guard allows nothing", () => {
    const d = docs([trafficPolicy("p", { namespaces: ["team-a"], deny: [{ direction: "egress" }] })]);
    const out = compileNetwork(d);
    expect(out.objects).toHaveLength(1);
    expect(out.objects[0]!.spec.egress).toEqual([]);
    proveBoth(d);
  });

  it("named ports against numeric denies: admitted less, reported, and the proof counts it as inexpressible", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", from: [{ cidr: "10.0.0.0/8" }], ports: ["http"] }],
        deny: [{ direction: "ingress", from: [{ cidr: "10.9.0.0/16" }], ports: ["9999/TCP"] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(out.diagnostics.map((x) => [x.code, x.message])).toEqual([
      [
        "network-not-expressible",
        "deny rule 0 of TrafficPolicy `p`: named and numeric ports cannot be subtracted exactly from `allow rule 0 of TrafficPolicy `p`` in namespace `team-a`: the deny is applied to every port of the protocol there",
      ],
    ]);
    expect(out.report.rules.find((r) => r.rule === "deny[0]")!.notExpressible).toHaveLength(1);
    const proof = verifyNetwork(d, { ...workloads, externalIps: ["10.9.0.1"] }, out.objects, { report: out.report });
    expect(proof.overAdmitted).toEqual([]);
    expect(proof.underAdmitted).toEqual([]);
    expect(proof.inexpressible).toContainEqual({ src: "10.9.0.1", dst: "team-a/api", port: "8081/TCP", rules: ["p/allow[0]"] });
    // Without the report the same flows are failures.
    expect(verifyNetwork(d, { ...workloads, externalIps: ["10.9.0.1"] }, out.objects).underAdmitted.length).toBe(3);
  });

  it("a reported deny explains under-admission only at the pods it narrows, not everywhere its policy governs", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [
          { direction: "ingress", to: { pods: { app: "api" } }, from: [{ cidr: "10.0.0.0/8" }], ports: ["http"] },
          { direction: "ingress", to: { pods: { app: "worker" } }, from: [{ cidr: "10.0.0.0/8" }] },
        ],
        deny: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ cidr: "10.9.0.0/16" }], ports: ["9999/TCP"] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(out.report.rules.find((r) => r.rule === "deny[0]")!.notExpressible).toHaveLength(1);
    const ext = { ...workloads, externalIps: ["10.9.0.1"] };
    expect(verifyNetwork(d, ext, out.objects, { report: out.report }).underAdmitted).toEqual([]);
    // Drop the worker's allow (a compiler bug in miniature): the reported deny on `api` pods must not hide it.
    const broken = out.objects.filter((o) => !JSON.stringify(o.spec).includes('"worker"'));
    expect(broken.length).toBe(out.objects.length - 1);
    const proof = verifyNetwork(d, ext, broken, { report: out.report });
    expect(proof.underAdmitted.some((f) => f.dst === "team-a/worker")).toBe(true);
    expect(proof.underAdmitted.some((f) => f.dst === "team-a/api")).toBe(false);
  });

  it("two policies on one namespace: allows of one count where the other is default-deny; denies of both apply", () => {
    const d = docs([
      trafficPolicy("iso", { namespaces: ["team-a", "team-b"], defaultDeny: ["ingress", "egress"], allow: [{ direction: "egress", to: [{ dns: true }] }] }),
      trafficPolicy("app", {
        namespaces: ["team-a"],
        allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: "team-b" }], ports: ["http"] }],
        deny: [{ direction: "ingress", from: [{ namespaceLabels: { tier: "web" }, pods: { app: "batch" } }] }],
      }),
      trafficPolicy("b", { namespaces: ["team-b"], allow: [{ direction: "egress", to: [{ namespace: "team-a", pods: { app: "api" } }] }] }),
    ]);
    const out = compileNetwork(d);
    expect(out.diagnostics.filter((x) => x.code === "allow-without-default-deny")).toEqual([]);
    proveBoth(d);
    const flows = connectivity({ namespaces: workloads.namespaces, pods: workloads.pods, policies: out.objects });
    const names = flows.map((f) => `${"pod" in f.src ? f.src.pod.name : f.src.label}>${"pod" in f.dst ? f.dst.pod.name : f.dst.label}:${f.conns}`);
    expect(names).toContain("web>api:TCP 8081");
    expect(names).not.toContain("batch>api:TCP 8081");
    expect(flows.find((f) => "pod" in f.src && f.src.pod.name === "web" && "pod" in f.dst && f.dst.pod.name === "api")!.decidedBy).toEqual([
      "NetworkPolicy team-a/rampart-app-allow-0",
      "NetworkPolicy team-b/rampart-b-allow-0",
    ]);
  });

  it("DNS peers: kube-dns on 53/UDP and 53/TCP only, narrowed by the rule's ports", () => {
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["egress"],
        allow: [{ direction: "egress", to: [{ dns: true }, { pods: { app: "api" } }], ports: ["53/UDP", "8081"] }],
      }),
    ]);
    const out = compileNetwork(d);
    expect(specOf(out, "rampart-p-allow-0")).toContain(
      '{"to":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"kube-dns"}}}],"ports":[{"protocol":"UDP","port":53}]}',
    );
    proveBoth(d);
  });
});

describe("compileNetwork: limits", () => {
  it("past 64 carved peers the remaining pod denies drop the peers they overlap: admitted less, reported, proven", () => {
    const denies = Array.from({ length: 8 }, (_, i) => ({
      direction: "ingress" as const,
      from: [{ namespaceLabels: { [`t${i}`]: "x" }, pods: { [`a${i}`]: "y" } }],
    }));
    const d = docs([
      trafficPolicy("p", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", from: [{ namespaceLabels: {} }] }],
        deny: denies,
      }),
    ]);
    const out = compileNetwork(d);
    expect(out.diagnostics.filter((x) => x.code === "network-not-expressible").map((x) => x.message)).toEqual([
      "allow rule 0 of TrafficPolicy `p`: its denies in namespace `team-a` would need more than 64 peers: the peers they overlap are not allowed there",
    ]);
    const w: NetworkWorkloads = {
      namespaces: [
        { name: "team-a", labels: {} },
        { name: "n0", labels: { t0: "x", t7: "x" } },
      ],
      pods: [
        { namespace: "team-a", name: "dst", labels: {}, ports: [] },
        { namespace: "n0", name: "a", labels: { a0: "z" }, ports: [] },
        { namespace: "n0", name: "b", labels: { a7: "y" }, ports: [] },
      ],
    };
    const proof = verifyNetwork(d, w, out.objects, { report: out.report });
    expect(proof.overAdmitted).toEqual([]);
    expect(proof.underAdmitted).toEqual([]);
  });
});

describe("the metadata block", () => {
  it("`blockMetadata: true` and the one-line `deny: [METADATA_DENY]` both cut 169.254.169.254/32 and fd00:ec2::254/128 out of every egress allow", () => {
    const base = {
      namespaces: ["team-a", "team-b"],
      defaultDeny: ["egress" as const],
      allow: [{ direction: "egress" as const, to: [{ cidr: "0.0.0.0/0" }, { cidr: "::/0" }] }],
    };
    const viaOption = compileNetwork(docs([trafficPolicy("p", base)]), { blockMetadata: true });
    const viaRule = compileNetwork(docs([trafficPolicy("p", { ...base, deny: [METADATA_DENY] })]));
    for (const out of [viaOption, viaRule]) {
      const spec = specOf(out, "rampart-p-allow-0");
      expect(spec).toContain('{"ipBlock":{"cidr":"0.0.0.0/0","except":["169.254.169.254/32"]}}');
      expect(spec).toContain('{"ipBlock":{"cidr":"::/0","except":["fd00:ec2::254/128"]}}');
    }
    expect(viaOption.report.rules.map((r) => r.rule)).toEqual(["allow[0]", "blockMetadata"]);
    proveBoth(docs([trafficPolicy("p", base)]), { blockMetadata: true });
    expect(normaliseTraffic(docs([trafficPolicy("p", base)]), { blockMetadata: true })[0]!.deny).toHaveLength(1);
  });
});

describe("schemas of the emitted objects", () => {
  it("the bundled NetworkPolicy OpenAPI schema and ClusterNetworkPolicy CRD schema accept the goldens and reject broken objects", async () => {
    const { createOpenApiValidator } = await import("@rampart/core");
    const np = createOpenApiValidator((await import("../data/openapi-networking-v1.35.json", { with: { type: "json" } })).default as never);
    const cnp = createOpenApiValidator((await import("../data/crd-clusternetworkpolicy-v1alpha2.json", { with: { type: "json" } })).default as never);
    const d = docs([
      trafficPolicy("seg", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", from: [{ namespace: "team-b" }], ports: ["9000-9100/UDP", "http"] }],
        deny: [{ direction: "ingress", from: [{ namespace: "team-b", pods: { app: "batch" } }], ports: ["9050-9060/UDP"] }],
      }),
    ]);
    const out = compileNetwork(d, { networkBackend: "cnp" });
    expect(out.diagnostics).toEqual([]);
    for (const o of out.objects) expect(o.kind === "NetworkPolicy" ? np(o) : cnp(o)).toEqual([]);
    const anNp = out.objects.find((o) => o.kind === "NetworkPolicy")!;
    expect(np({ ...anNp, spec: { ...anNp.spec, podSelector: { matchLabels: { app: 1 } } } } as never).length).toBe(1);
    const aCnp = out.objects.find((o) => o.kind === "ClusterNetworkPolicy")!;
    expect(cnp({ ...aCnp, spec: { ...aCnp.spec, tier: "Middle" } } as never).length).toBe(1);
    expect(cnp({ ...aCnp, spec: { ...aCnp.spec, priority: 5000 } } as never).length).toBe(1);
  });
});
