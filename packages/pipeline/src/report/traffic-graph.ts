import { normaliseTraffic, type RampartDocument, type TrafficPeerIR, type TrafficPolicyIR, type TrafficRuleIR } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, workloadsFromManifests, type Namespace, type Pod } from "@rampart/compiler-networkpolicy";
import type { TrafficEdge, TrafficGraph } from "./types.js";

/** Options of `buildTrafficGraph`. */
export interface TrafficGraphOptions {
  /** Kubernetes manifests of Namespaces, Pods and controllers (the `--workloads` file); NetworkPolicies in it count too. */
  workloads?: readonly Record<string, unknown>[];
  networkBackend?: "np" | "cnp";
  blockMetadata?: boolean;
}

const subset = (want: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>) => Object.entries(want).every(([k, v]) => labels[k] === v);
const selectorText = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",") || "all pods";

/** One pod per pod set the TrafficPolicies select (local selectors per governed namespace, and named remote pod peers). */
function podsFromPolicies(policies: readonly TrafficPolicyIR[]): { namespaces: Namespace[]; pods: Pod[] } {
  const pods = new Map<string, Pod>();
  const nsNames = new Set<string>();
  const add = (namespace: string, labels: Readonly<Record<string, string>>) => {
    nsNames.add(namespace);
    const key = `${namespace}/${selectorText(labels)}`;
    if (!pods.has(key)) pods.set(key, { namespace, name: selectorText(labels), labels: { ...labels }, ports: [], display: key });
  };
  for (const p of policies) {
    for (const ns of p.namespaces) {
      add(ns, {});
      for (const rule of [...p.allow, ...p.deny]) {
        add(ns, rule.local);
        for (const peer of rule.remote ?? []) {
          if (peer.kind !== "pods") continue;
          if (peer.namespace.kind === "same") add(ns, peer.pods);
          else if (peer.namespace.kind === "name") add(peer.namespace.name, peer.pods);
        }
      }
    }
  }
  const sorted = [...pods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  return { namespaces: [...nsNames].sort().map((name) => ({ name, labels: {} })), pods: sorted };
}

/** True when a remote pod peer of a rule of a policy governing `localNs` matches `other`. */
function peerMatches(peer: TrafficPeerIR, localNs: string, other: Pod, nsLabels: (ns: string) => Record<string, string>): boolean {
  if (peer.kind !== "pods") return false;
  const ns = peer.namespace;
  const nsOk =
    ns.kind === "same" ? other.namespace === localNs : ns.kind === "name" ? other.namespace === ns.name : subset(ns.labels, nsLabels(other.namespace));
  return nsOk && subset(peer.pods, other.labels);
}

/** The TrafficPolicy deny rules that name the flow `src → dst` (`policy deny[i]`). */
function denyingRules(policies: readonly TrafficPolicyIR[], src: Pod, dst: Pod, nsLabels: (ns: string) => Record<string, string>): string[] {
  const out: string[] = [];
  const applies = (p: TrafficPolicyIR, rule: TrafficRuleIR, local: Pod, remote: Pod) =>
    p.namespaces.includes(local.namespace) &&
    subset(rule.local, local.labels) &&
    (rule.remote === undefined || rule.remote.some((peer) => peerMatches(peer, local.namespace, remote, nsLabels)));
  for (const p of policies) {
    for (const rule of p.deny) {
      const hit = rule.direction === "egress" ? applies(p, rule, src, dst) : applies(p, rule, dst, src);
      if (hit) out.push(`${p.name} deny[${rule.index}]`);
    }
  }
  return out;
}

/**
 * The traffic graph: workloads (from manifests, or one per selected pod set) grouped by namespace,
 * allowed flows from the connectivity engine over the compiled network policies, and the pod pairs
 * that a TrafficPolicy deny rule blocks.
 */
export function buildTrafficGraph(documents: readonly RampartDocument[], options: TrafficGraphOptions = {}): TrafficGraph {
  const policies = normaliseTraffic(documents, options.blockMetadata ? { blockMetadata: true } : {});
  const fromWorkloads = options.workloads !== undefined;
  const { namespaces, pods } = fromWorkloads ? workloadsFromManifests(options.workloads!) : podsFromPolicies(policies);
  const compiled = compileNetwork(documents, { networkBackend: options.networkBackend ?? "np", blockMetadata: options.blockMetadata === true });
  const models = parsePolicies([...(compiled.objects as unknown as Record<string, unknown>[]), ...(options.workloads ?? [])]);
  const engine = new ConnectivityEngine({ namespaces, pods, policies: models });
  const index = new Map<Pod, number>(pods.map((p, i) => [p, i]));
  const nsMap = new Map(namespaces.map((n) => [n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels }]));
  const nsLabels = (ns: string) => nsMap.get(ns) ?? { "kubernetes.io/metadata.name": ns };
  const edges: TrafficEdge[] = [];
  const allowed = new Set<number>();
  for (const f of engine.flows()) {
    if (!("pod" in f.src) || !("pod" in f.dst)) continue;
    const from = index.get(f.src.pod)!;
    const to = index.get(f.dst.pod)!;
    allowed.add(from * pods.length + to);
    edges.push({ from, to, kind: "allow", conns: f.conns.toString(), rules: [...f.decidedBy] });
  }
  pods.forEach((src, from) =>
    pods.forEach((dst, to) => {
      if (from === to || allowed.has(from * pods.length + to)) return;
      const rules = denyingRules(policies, src, dst, nsLabels);
      if (rules.length > 0) edges.push({ from, to, kind: "deny", conns: "", rules });
    }),
  );
  edges.sort((a, b) => a.from - b.from || a.to - b.to || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const nsList = [...new Set([...namespaces.map((n) => n.name), ...pods.map((p) => p.namespace)])].sort();
  return {
    source: fromWorkloads ? "workloads" : "policies",
    namespaces: nsList,
    nodes: pods.map((p) => ({ id: `${p.namespace}/${p.name}`, namespace: p.namespace, label: p.display ?? `${p.namespace}/${p.name}` })),
    edges,
  };
}
