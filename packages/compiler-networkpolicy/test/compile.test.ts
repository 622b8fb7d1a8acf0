import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    {
      direction: "ingress",
      to: { pods: { app: "api" } },
      from: [{ namespace: "team-b", pods: { app: "web" } }, { cidr: "10.0.0.0/8" }],
      ports: ["8080/TCP", "9000-9100/TCP", "http"],
    },
    { direction: "egress", to: [{ dns: true }] },
    { direction: "egress", to: [{ cidr: "0.0.0.0/0" }] },
  ],
  deny: [{ direction: "egress", to: [{ cidr: "169.254.169.254/32" }] }],
});

const workloads: NetworkWorkloads = {
  namespaces: [
    { name: "team-a", labels: {} },
    { name: "team-b", labels: { tier: "web" } },
    { name: "kube-system", labels: {} },
  ],
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
  it("emits default deny, allows and the metadata block as ipBlock.except (golden), and proves it", async () => {
    const loaded = await loadFiles(["spec-example.yaml"], { cwd: new URL("./fixtures/", import.meta.url).pathname });
    expect(loaded.diagnostics).toEqual([]);
    const d = loaded.documents;
    expect(d).toEqual(docs([spec]));
    const out = compileNetwork(d);
    expect(out.diagnostics).toEqual([]);
    expectGolden(golden("spec-example.yaml"), goldenYaml(out.objects));
    const proof = verifyNetwork(d, workloads, out.objects, { report: out.report });
    expect(proof.overAdmitted).toEqual([]);
    expect(proof.underAdmitted).toEqual([]);
    expect(proof.inexpressible).toEqual([]);
    expect(proof.checked).toBe(9690);
    const egress = out.objects.find((o) => o.metadata.name === "rampart-team-a-net-allow-2")!;
    expect(JSON.stringify(egress.spec)).toContain('"except":["169.254.169.254/32"]');
  });

  it("pod denies: np carves them out of the allows with NotIn selectors (exact, reported as info); cnp emits an Admin-tier ClusterNetworkPolicy (goldens)", () => {
    const d = docs([
      trafficPolicy("seg", {
        namespaces: ["team-a"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", from: [{ namespace: "team-b" }] }],
        deny: [{ direction: "ingress", from: [{ namespace: "team-b", pods: { app: "batch" } }] }],
      }),
    ]);
    const np = compileNetwork(d, { networkBackend: "np" });
    expect(np.diagnostics.map((x) => [x.code, x.severity, x.message])).toEqual([
      [
        "network-deny-carved",
        "info",
        "deny rule 0 of TrafficPolicy `seg` names pods: NetworkPolicy has no deny rules, so it is enforced by narrowing the overlapping allows with `NotIn` selectors",
      ],
    ]);
    expectGolden(golden("pod-deny-np.yaml"), goldenYaml(np.objects));
    const npProof = verifyNetwork(d, workloads, np.objects, { report: np.report });
    expect([npProof.overAdmitted, npProof.underAdmitted, npProof.inexpressible]).toEqual([[], [], []]);
    const cnp = compileNetwork(d, { networkBackend: "cnp" });
    expect(cnp.diagnostics).toEqual([]);
    expectGolden(golden("pod-deny-cnp.yaml"), goldenYaml(cnp.objects));
    const proof = verifyNetwork(d, workloads, cnp.objects, { report: cnp.report });
    expect([proof.overAdmitted, proof.underAdmitted, proof.inexpressible]).toEqual([[], [], []]);
    expect(cnp.report.rules.find((r) => r.rule === "deny[0]")!.objects).toEqual(["ClusterNetworkPolicy rampart-seg-deny-0"]);
  });

  it("warns when allows have no effect (direction not default-deny)", () => {
    const out = compileNetwork(docs([trafficPolicy("x", { namespaces: ["team-a"], allow: [{ direction: "ingress", from: [{ pods: { app: "web" } }] }] })]));
    expect(out.diagnostics.map((x) => [x.code, x.message, x.hint])).toEqual([
      [
        "allow-without-default-deny",
        "allow rule 0 of TrafficPolicy `x` has no effect in namespace `team-a`: ingress is not default-deny there",
        "add `ingress` to `defaultDeny` of a policy governing it, or remove the rule",
      ],
    ]);
    // No object either: an allow there would isolate the pods and admit less than the policy says.
    expect(out.objects).toEqual([]);
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

describe("bad input, more", () => {
  it("direction, IPv6 host bits, label value, mixed peer, reversed range, upper-case named port: exact messages at line:column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-net-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      [
        "apiVersion: rampart.dev/v1alpha1",
        "kind: TrafficPolicy",
        "metadata: { name: t }",
        "spec:",
        "  namespaces: [team-a]",
        "  defaultDeny: [ingress, sideways]",
        "  deny:",
        "    - direction: egress",
        '      to: [{ cidr: "fd00::1/64" }, { namespaceLabels: { tier: "bad value!" } }, { cidr: 10.0.0.0/8, pods: { app: x } }]',
        "      ports: [9100-9000/TCP, HTTP]",
        "",
      ].join("\n"),
    );
    const { diagnostics, documents } = await loadFiles(["bad.yaml"], { cwd: dir });
    expect(documents).toEqual([]);
    expect(diagnostics.map((x) => `${x.file}:${x.line}:${x.column}: ${x.message}`)).toEqual([
      "bad.yaml:6:26: `spec.defaultDeny[1]` is `sideways`; expected one of `ingress`, `egress`",
      "bad.yaml:9:20: `spec.deny[0].to[0].cidr`: `fd00::1/64` has host bits set: write the network address `fd00::/64`",
      "bad.yaml:9:63: `spec.deny[0].to[1].namespaceLabels.tier`: must be a Kubernetes label value: at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit",
      "bad.yaml:9:81: `spec.deny[0].to[2]`: a peer is one of `{namespace, pods}`, `{namespaceLabels, pods}`, `{pods}`, `{cidr}` or `{dns: true}`; found `pods`, `cidr`",
      "bad.yaml:10:15: `spec.deny[0].ports[0]`: `9100-9000/TCP`: a port range must not end before it starts",
      "bad.yaml:10:30: `spec.deny[0].ports[1]`: `HTTP` is not a port: expected a number (`8080`), a range (`9000-9100/TCP`) or a named port (`http`), optionally with `/TCP`, `/UDP` or `/SCTP`",
    ]);
    expect(diagnostics.every((x) => x.severity === "error")).toBe(true);
  });
});

describe("connectivity engine fast path", () => {
  it("deciding each class of alike pods once gives the same flows as pair by pair", async () => {
    const { ConnectivityEngine, parsePolicies } = await import("@rampart/compiler-networkpolicy");
    const d = docs([spec]);
    const pods = [
      ...workloads.pods,
      { namespace: "team-a", name: "api-2", labels: { app: "api" }, ports: [{ name: "http", port: 8081, protocol: "TCP" as const }] },
    ];
    const policies = parsePolicies(compileNetwork(d).objects as never);
    const render = (explain: boolean) => {
      const e = new ConnectivityEngine({ namespaces: workloads.namespaces, pods, policies });
      e.explain = explain;
      return e
        .flows()
        .map((f) => `${"pod" in f.src ? f.src.pod.name : ""}>${"pod" in f.dst ? f.dst.pod.name : ""}:${f.conns}`)
        .sort();
    };
    expect(render(false)).toEqual(render(true));
    expect(render(false).length).toBe(11);
  });
});

describe("found in review", () => {
  it("connectivity: a podSelector-only peer shared by NetworkPolicies of two namespaces is judged per namespace", async () => {
    const { ConnectivityEngine } = await import("@rampart/compiler-networkpolicy");
    const rule = { peers: [{ podSelector: { matchLabels: { app: "web" } } }], ports: undefined };
    const policy = (ns: string) => ({
      kind: "NetworkPolicy" as const,
      name: "np",
      namespace: ns,
      podSelector: {},
      ingressIsolated: true,
      egressIsolated: false,
      ingress: [rule],
      egress: [],
    });
    const pods = [
      { namespace: "a", name: "web", labels: { app: "web" }, ports: [] },
      { namespace: "a", name: "db", labels: { app: "db" }, ports: [] },
      { namespace: "b", name: "db", labels: { app: "db" }, ports: [] },
    ];
    const e = new ConnectivityEngine({
      namespaces: [
        { name: "a", labels: {} },
        { name: "b", labels: {} },
      ],
      pods,
      policies: [policy("a"), policy("b")],
    });
    expect(e.allowed({ pod: pods[0]! }, { pod: pods[1]! }).isEmpty()).toBe(false);
    expect(e.allowed({ pod: pods[0]! }, { pod: pods[2]! }).isEmpty()).toBe(true);
  });

  it("cnp: per-namespace ClusterNetworkPolicy names cannot spell another policy's name", () => {
    const { documents } = loadDocuments([
      trafficPolicy("a", {
        namespaces: ["deny-0"],
        deny: [
          { direction: "egress", to: [{ cidr: "10.0.0.0/8" }] },
          { direction: "egress", to: [{ pods: { app: "db" } }] },
        ],
      }),
      trafficPolicy("a-deny-1", { namespaces: ["team-x"], deny: [{ direction: "egress", to: [{ namespace: "prod" }] }] }),
    ]);
    const out = compileNetwork(documents, { networkBackend: "cnp" });
    const names = out.objects.filter((o) => o.kind === "ClusterNetworkPolicy").map((o) => o.metadata.name);
    expect(names.length).toBe(2);
    expect(new Set(names).size).toBe(2);
    expect(out.diagnostics.filter((d) => d.code === "duplicate-object")).toEqual([]);
  });
});
