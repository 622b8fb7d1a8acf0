// Connectivity at scale: 1,000 pods × 300 policies (290 NetworkPolicies with pod/namespace/ipBlock
// peers, named ports and endPort ranges, plus 10 Admin-tier ClusterNetworkPolicies), the whole
// 999,000-pair matrix. Target ≤ 2 s. Baseline measured in the same run: a naive all-pairs evaluator
// that checks every policy for every pair (no per-pod selection index, no classes of alike pods),
// timed on a sample of source pods and extrapolated; its flows are checked against the engine's.
import { Bench } from "tinybench";
import {
  compileNetwork,
  ConnectivityEngine,
  ConnSet,
  parsePolicies,
  verifyNetwork,
  type Namespace,
  type Pod,
  type PolicyModel,
  type RulePort,
} from "@rampart/compiler-networkpolicy";
import { loadDocuments, trafficPolicy } from "@rampart/core";
import { prng } from "./prng.js";

export function scenario() {
  const rand = prng(7);
  const pick = (n: number) => Math.floor(rand() * n);
  const namespaces: Namespace[] = Array.from({ length: 50 }, (_, i) => ({ name: `ns-${i}`, labels: { tier: i % 2 ? "backend" : "frontend" } }));
  const pods: Pod[] = Array.from({ length: 1000 }, (_, i) => ({
    namespace: `ns-${i % 50}`,
    name: `pod-${i}`,
    labels: { app: `app-${i % 40}`, role: i % 3 ? "worker" : "api" },
    ports: [{ name: "http", port: 8080 + (i % 3), protocol: "TCP" as const }],
  }));
  const objects: Record<string, unknown>[] = Array.from({ length: 290 }, (_, i) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: `np-${i}`, namespace: `ns-${i % 50}` },
    spec: {
      podSelector: i % 5 === 0 ? {} : { matchLabels: { app: `app-${pick(40)}` } },
      policyTypes: i % 2 ? ["Ingress", "Egress"] : ["Ingress"],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { tier: "frontend" } }, podSelector: { matchLabels: { role: "api" } } },
            { ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } },
          ],
          ports: [
            { protocol: "TCP", port: "http" },
            { protocol: "TCP", port: 9000, endPort: 9100 },
          ],
        },
        { from: [{ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: [`app-${pick(40)}`, `app-${pick(40)}`] }] } }] },
      ],
      egress: [
        {
          to: [
            { podSelector: { matchLabels: { app: `app-${pick(40)}` } } },
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": `ns-${pick(50)}` } } },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 8080 },
          ],
        },
      ],
    },
  }));
  for (let i = 0; i < 10; i++) {
    objects.push({
      apiVersion: "policy.networking.k8s.io/v1alpha2",
      kind: "ClusterNetworkPolicy",
      metadata: { name: `cnp-${i}` },
      spec: {
        tier: "Admin",
        priority: 10 + i,
        subject: { namespaces: { matchLabels: { "kubernetes.io/metadata.name": `ns-${pick(50)}` } } },
        ingress: [
          {
            name: "r",
            action: ["Deny", "Accept", "Pass"][i % 3],
            from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: `app-${pick(40)}` } } } }],
            protocols: [{ tcp: { destinationPort: { number: 8080 } } }],
          },
        ],
      },
    });
  }
  return { namespaces, pods, policies: parsePolicies(objects) };
}

/** The naive baseline: every policy checked for every pair, straight from the Kubernetes rules. */
function naiveAllowed(input: ReturnType<typeof scenario>, src: Pod, dst: Pod): ConnSet {
  const nsLabels = new Map(input.namespaces.map((n) => [n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels }]));
  const sel = (
    s: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined,
    l: Record<string, string>,
  ) =>
    !s ||
    (Object.entries(s.matchLabels ?? {}).every(([k, v]) => l[k] === v) &&
      (s.matchExpressions ?? []).every((e) => (e.operator === "In" ? (e.values ?? []).includes(l[e.key]!) : true)));
  const ports = (ps: readonly RulePort[] | undefined, to: Pod) =>
    !ps
      ? ConnSet.ALL
      : ps.reduce(
          (acc, p) =>
            acc.union(
              typeof p.port === "string"
                ? to.ports
                    .filter((c) => c.name === p.port && (p.anyProtocol || c.protocol === p.protocol))
                    .reduce((a, c) => a.union(ConnSet.range(c.protocol, c.port)), ConnSet.NONE)
                : p.port === undefined
                  ? ConnSet.protocol(p.protocol)
                  : ConnSet.range(p.protocol, p.port, p.endPort ?? p.port),
            ),
          ConnSet.NONE,
        );
  const side = (pod: Pod, other: Pod, dir: "ingress" | "egress") => {
    let remaining = ConnSet.ALL;
    let accepted = ConnSet.NONE;
    const admin = input.policies.filter((p): p is Extract<PolicyModel, { tier: string }> => p.kind !== "NetworkPolicy").sort((a, b) => a.priority - b.priority);
    for (const p of admin) {
      const s = p.subject;
      if (
        !("namespaces" in s
          ? sel(s.namespaces, nsLabels.get(pod.namespace)!)
          : sel(s.pods.namespaceSelector, nsLabels.get(pod.namespace)!) && sel(s.pods.podSelector, pod.labels))
      )
        continue;
      for (const r of p[dir]) {
        if (!r.peers.some((x) => "pods" in x && sel(x.pods.namespaceSelector, nsLabels.get(other.namespace)!) && sel(x.pods.podSelector, other.labels)))
          continue;
        const hit = ports(r.ports, dir === "ingress" ? pod : other).intersect(remaining);
        if (r.action === "allow") accepted = accepted.union(hit);
        if (r.action !== "pass") remaining = remaining.subtract(hit);
      }
    }
    const nps = input.policies.filter(
      (p): p is Extract<PolicyModel, { kind: "NetworkPolicy" }> =>
        p.kind === "NetworkPolicy" &&
        p.namespace === pod.namespace &&
        sel(p.podSelector, pod.labels) &&
        (dir === "ingress" ? p.ingressIsolated : p.egressIsolated),
    );
    if (nps.length === 0) return remaining.union(accepted);
    let np = ConnSet.NONE;
    for (const p of nps) {
      for (const r of p[dir]) {
        const match =
          !r.peers ||
          r.peers.some(
            (x) =>
              !x.ipBlock &&
              (x.namespaceSelector ? sel(x.namespaceSelector, nsLabels.get(other.namespace)!) : other.namespace === p.namespace) &&
              sel(x.podSelector, other.labels),
          );
        if (match) np = np.union(ports(r.ports, dir === "ingress" ? pod : other));
      }
    }
    return accepted.union(remaining.intersect(np));
  };
  return side(src, dst, "egress").intersect(side(dst, src, "ingress"));
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** Runs the benchmark; returns printable lines. */
export async function run(): Promise<string[]> {
  const input = scenario();
  let flows = 0;
  const bench = new Bench({ iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 });
  bench.add("engine: full matrix (classes of alike pods decided once)", () => {
    const engine = new ConnectivityEngine(input);
    engine.explain = false;
    flows = engine.flows().length;
  });
  let explained = 0;
  bench.add("engine: full matrix with the deciding policies of every flow", () => {
    explained = new ConnectivityEngine(input).flows().length;
  });
  const sample = input.pods.filter((_, i) => i % 50 === 0);
  let naivePairs = 0;
  bench.add(`baseline: naive all-pairs, ${sample.length} source pods`, () => {
    naivePairs = 0;
    for (const s of sample) for (const d of input.pods) if (s !== d && !naiveAllowed(input, s, d).isEmpty()) naivePairs++;
  });
  await bench.run();
  // The baseline must decide like the engine on its sample.
  const engine = new ConnectivityEngine(input);
  let enginePairs = 0;
  for (const s of sample) for (const d of input.pods) if (s !== d && !engine.allowed({ pod: s }, { pod: d }).isEmpty()) enginePairs++;
  const [fast, explain, naive] = bench.tasks.map((t) => (t.result && "latency" in t.result ? t.result.latency.mean : Number.NaN)) as [number, number, number];
  const naiveFull = (naive * input.pods.length) / sample.length;
  const lines = [
    `1,000 pods × 300 policies (290 NetworkPolicies, 10 Admin ClusterNetworkPolicies), 999,000 pairs, ${flows.toLocaleString("en")} allowed (mean of 5 runs):`,
    `  engine: ${ms(fast)} (target ≤ 2000 ms: ${fast <= 2000 ? "met" : "MISSED"}); with deciding policies per flow: ${ms(explain)} (${explained.toLocaleString("en")} flows)`,
    `  baseline naive all-pairs: ${ms(naive)} for ${sample.length} sources → ${ms(naiveFull)} extrapolated, ${(naiveFull / fast).toFixed(0)}× the engine; agrees with the engine on the sample: ${naivePairs === enginePairs ? "yes" : `NO (${naivePairs} vs ${enginePairs})`}`,
  ];
  // Compile + prove: 100 TrafficPolicies, proven on 200 pods.
  const docs = loadDocuments(
    Array.from({ length: 100 }, (_, i) =>
      trafficPolicy(`t-${i}`, {
        namespaces: [`ns-${i % 50}`],
        defaultDeny: ["ingress", "egress"],
        allow: [
          {
            direction: "ingress",
            to: { pods: { app: `app-${i % 40}` } },
            from: [{ namespaceLabels: { tier: "frontend" }, pods: { role: "api" } }, { cidr: "10.0.0.0/8" }],
            ports: ["http", "9000-9100/TCP"],
          },
          { direction: "egress", to: [{ dns: true }, { cidr: "0.0.0.0/0" }] },
        ],
        deny: [
          { direction: "egress", to: [{ cidr: "169.254.169.254/32" }] },
          { direction: "ingress", from: [{ namespace: `ns-${(i + 1) % 50}`, pods: { role: "worker" } }] },
        ],
      }),
    ),
  ).documents;
  let t = performance.now();
  const compiled = compileNetwork(docs);
  const compileMs = performance.now() - t;
  t = performance.now();
  const proof = verifyNetwork(docs, { namespaces: input.namespaces, pods: input.pods.filter((_, i) => i % 5 === 0) }, compiled.objects, {
    report: compiled.report,
  });
  const verifyMs = performance.now() - t;
  lines.push(
    `compileNetwork, 100 TrafficPolicies → ${compiled.objects.length} objects: ${ms(compileMs)}; verifyNetwork on 200 pods (${proof.checked.toLocaleString("en")} flows): ${ms(verifyMs)}, over-admitted ${proof.overAdmitted.length}, under-admitted ${proof.underAdmitted.length}`,
  );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
