import { cidrContainsIp, type Cidr } from "@rampart/core";
import { ConnSet } from "./conn-set.js";
import type { AdminPeer, AdminPolicyModel, AdminRule, Namespace, NetworkPolicyModel, NpPeer, Pod, PolicyModel, RulePort } from "./model.js";
import { selects } from "./selectors.js";

/** An endpoint of a flow: a pod, or an external IPv4/IPv6 address (a representative of a range). */
export type Endpoint = { pod: Pod } | { ip: { family: 4 | 6; address: bigint }; label: string };

/** Input of `connectivity`. */
export interface ConnectivityInput {
  namespaces: readonly Namespace[];
  pods: readonly Pod[];
  policies: readonly PolicyModel[];
  /** External endpoints to include (e.g. the ranges between CIDR boundaries, or sample IPs). */
  externals?: readonly Extract<Endpoint, { ip: unknown }>[];
}

/** One allowed flow and the policies that decided it. */
export interface Flow {
  src: Endpoint;
  dst: Endpoint;
  conns: ConnSet;
  decidedBy: string[];
}

const isPod = (e: Endpoint): e is { pod: Pod } => "pod" in e;

/** Evaluates Kubernetes network policy semantics: admin tier, NetworkPolicy, baseline tier. */
export class ConnectivityEngine {
  private readonly ns = new Map<string, Record<string, string>>();
  private readonly nps: NetworkPolicyModel[];
  private readonly admin: AdminPolicyModel[];
  private readonly baseline: AdminPolicyModel[];
  private readonly selectedBy = new Map<Pod, NetworkPolicyModel[]>();
  /** Pods with the same namespace, labels and ports behave alike: sides are cached per class pair. */
  private readonly classOf = new Map<Pod, number>();
  private classCount = 0;
  private sideCache: (ConnSet | undefined)[] = [];

  constructor(private readonly input: ConnectivityInput) {
    for (const n of input.namespaces) this.ns.set(n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels });
    this.nps = input.policies.filter((p): p is NetworkPolicyModel => p.kind === "NetworkPolicy");
    const adm = input.policies.filter((p): p is AdminPolicyModel => p.kind !== "NetworkPolicy");
    this.admin = adm.filter((p) => p.tier === "admin").sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1));
    this.baseline = adm.filter((p) => p.tier === "baseline");
    for (const pod of input.pods) {
      this.selectedBy.set(pod, this.nps.filter((p) => p.namespace === pod.namespace && selects(p.podSelector, pod.labels)));
    }
    const ids = new Map<string, number>();
    for (const pod of input.pods) {
      const key = JSON.stringify([pod.namespace, Object.entries(pod.labels).sort(), pod.ports]);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      this.classOf.set(pod, id);
    }
    this.classCount = ids.size;
    this.sideCache = new Array<ConnSet | undefined>(2 * ids.size * ids.size).fill(undefined);
  }

  private nsLabels(name: string): Record<string, string> {
    return this.ns.get(name) ?? { "kubernetes.io/metadata.name": name };
  }

  /** The connections rule ports allow towards `dst` (named ports resolve on the destination pod). */
  private ports(ports: readonly RulePort[] | undefined, dst: Endpoint): ConnSet {
    if (!ports || ports.length === 0) return ConnSet.ALL;
    let out = ConnSet.NONE;
    for (const p of ports) {
      if (p.port === undefined) out = out.union(ConnSet.protocol(p.protocol));
      else if (typeof p.port === "number") out = out.union(ConnSet.range(p.protocol, p.port, p.endPort ?? p.port));
      else if (isPod(dst)) {
        for (const cp of dst.pod.ports) if (cp.name === p.port && cp.protocol === p.protocol) out = out.union(ConnSet.range(cp.protocol, cp.port));
      }
    }
    return out;
  }

  private npPeerMatches(peer: NpPeer, policyNs: string, other: Endpoint): boolean {
    if (peer.ipBlock) return !isPod(other) && inBlock(peer.ipBlock.cidr, peer.ipBlock.except, other.ip);
    if (!isPod(other)) return false;
    if (peer.namespaceSelector) return selects(peer.namespaceSelector, this.nsLabels(other.pod.namespace)) && selects(peer.podSelector, other.pod.labels);
    return other.pod.namespace === policyNs && selects(peer.podSelector, other.pod.labels);
  }

  /** NetworkPolicy layer for one side: undefined when no policy isolates the pod in that direction. */
  private networkPolicies(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string>): ConnSet | undefined {
    const policies = (this.selectedBy.get(pod) ?? []).filter((p) => (dir === "ingress" ? p.ingressIsolated : p.egressIsolated));
    if (policies.length === 0) return undefined;
    let out = ConnSet.NONE;
    for (const p of policies) {
      for (const rule of p[dir]) {
        if (rule.peers && !rule.peers.some((peer) => this.npPeerMatches(peer, p.namespace, other))) continue;
        const c = this.ports(rule.ports, dst);
        if (!c.isEmpty()) {
          out = out.union(c);
          decided.add(`NetworkPolicy ${p.namespace}/${p.name}`);
        }
      }
    }
    return out;
  }

  private subjectSelects(p: AdminPolicyModel, pod: Pod): boolean {
    const s = p.subject;
    if ("namespaces" in s) return selects(s.namespaces, this.nsLabels(pod.namespace));
    return selects(s.pods.namespaceSelector, this.nsLabels(pod.namespace)) && selects(s.pods.podSelector, pod.labels);
  }

  private adminPeerMatches(peer: AdminPeer, other: Endpoint): boolean {
    if ("networks" in peer) return !isPod(other) && peer.networks.some((c) => cidrContainsIp(c, other.ip));
    if (!isPod(other)) return false;
    if ("namespaces" in peer) return selects(peer.namespaces, this.nsLabels(other.pod.namespace));
    if ("pods" in peer) return selects(peer.pods.namespaceSelector, this.nsLabels(other.pod.namespace)) && selects(peer.pods.podSelector, other.pod.labels);
    return false; // nodes: pods here are not host-network
  }

  private adminRules(policies: readonly AdminPolicyModel[], pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint): { rule: AdminRule; policy: AdminPolicyModel; conns: ConnSet }[] {
    const out: { rule: AdminRule; policy: AdminPolicyModel; conns: ConnSet }[] = [];
    for (const p of policies) {
      if (!this.subjectSelects(p, pod)) continue;
      for (const rule of p[dir]) if (rule.peers.some((peer) => this.adminPeerMatches(peer, other))) out.push({ rule, policy: p, conns: this.ports(rule.ports, dst) });
    }
    return out;
  }

  /**
   * What one side (the pod's ingress or egress) allows, through the tiers: admin rules by
   * priority (first match wins per connection; Pass hands it to NetworkPolicy), then
   * NetworkPolicy if it isolates the pod, otherwise the baseline tier, otherwise allow.
   */
  private side(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string>): ConnSet {
    if (this.explain || !isPod(other)) return this.computeSide(pod, other, dir, dst, decided);
    const a = this.classOf.get(pod);
    const b = this.classOf.get(other.pod);
    if (a === undefined || b === undefined) return this.computeSide(pod, other, dir, dst, decided);
    const key = ((dir === "ingress" ? 1 : 0) * this.classCount + a) * this.classCount + b;
    const cached = this.sideCache[key];
    if (cached !== undefined) return cached;
    return (this.sideCache[key] = this.computeSide(pod, other, dir, dst, decided));
  }

  /** Set when callers want the deciding policies of each flow (disables the cache's shortcut). */
  explain = true;

  private computeSide(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string>): ConnSet {
    if (this.admin.length === 0 && this.baseline.length === 0) return this.networkPolicies(pod, other, dir, dst, decided) ?? ConnSet.ALL;
    let remaining = ConnSet.ALL;
    let allowed = ConnSet.NONE;
    let toNp = ConnSet.NONE;
    for (const { rule, policy, conns } of this.adminRules(this.admin, pod, other, dir, dst)) {
      const hit = conns.intersect(remaining);
      if (hit.isEmpty()) continue;
      decided.add(`${policy.kind} ${policy.name}`);
      if (rule.action === "allow") allowed = allowed.union(hit);
      else if (rule.action === "pass") toNp = toNp.union(hit);
      remaining = remaining.subtract(hit);
    }
    toNp = toNp.union(remaining);
    const np = this.networkPolicies(pod, other, dir, dst, decided);
    if (np !== undefined) return allowed.union(toNp.intersect(np));
    let rest = toNp;
    for (const { rule, policy, conns } of this.adminRules(this.baseline, pod, other, dir, dst)) {
      const hit = conns.intersect(rest);
      if (hit.isEmpty()) continue;
      decided.add(`${policy.kind} ${policy.name}`);
      if (rule.action !== "deny") allowed = allowed.union(hit);
      rest = rest.subtract(hit);
    }
    return allowed.union(rest);
  }

  /** The connections allowed from `src` to `dst` (both ends must allow). */
  allowed(src: Endpoint, dst: Endpoint, decided = new Set<string>()): ConnSet {
    let conns = ConnSet.ALL;
    if (isPod(src)) conns = conns.intersect(this.side(src.pod, dst, "egress", dst, decided));
    if (isPod(dst) && !conns.isEmpty()) conns = conns.intersect(this.side(dst.pod, src, "ingress", dst, decided));
    return conns;
  }

  /** Every allowed flow between distinct endpoints (pods and the given externals; external↔external excluded). */
  flows(): Flow[] {
    const pods = this.input.pods.map((pod) => ({ pod }) as Endpoint);
    const ext = this.input.externals ?? [];
    const out: Flow[] = [];
    const none = new Set<string>();
    const add = (src: Endpoint, dst: Endpoint) => {
      const decided = this.explain ? new Set<string>() : none;
      const conns = this.allowed(src, dst, decided);
      if (!conns.isEmpty()) out.push({ src, dst, conns, decidedBy: [...decided].sort() });
    };
    if (this.explain) {
      for (const s of pods) for (const d of pods) if (s !== d) add(s, d);
    } else {
      // Pods of one class behave alike: decide each class pair once.
      const n = this.classCount;
      const memo = new Array<ConnSet | undefined>(n * n).fill(undefined);
      for (const s of pods) {
        const a = this.classOf.get((s as { pod: Pod }).pod)! * n;
        for (const d of pods) {
          if (s === d) continue;
          const k = a + this.classOf.get((d as { pod: Pod }).pod)!;
          const conns = (memo[k] ??= this.allowed(s, d, none));
          if (!conns.isEmpty()) out.push({ src: s, dst: d, conns, decidedBy: [] });
        }
      }
    }
    for (const e of ext) for (const p of pods) {
      add(e, p);
      add(p, e);
    }
    return out;
  }
}

function inBlock(cidr: Cidr, except: readonly Cidr[], ip: { family: 4 | 6; address: bigint }): boolean {
  return cidrContainsIp(cidr, ip) && !except.some((e) => cidrContainsIp(e, ip));
}

/** Convenience: all allowed flows of a set of namespaces, pods and policies. */
export function connectivity(input: ConnectivityInput): Flow[] {
  return new ConnectivityEngine(input).flows();
}
