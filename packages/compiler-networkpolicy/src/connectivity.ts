import { cidrContainsIp } from "@rampart/core";
import { ConnSet } from "./conn-set.js";
import { inBlock, isPod, type ConnectivityInput, type Endpoint, type Flow } from "./endpoint.js";
import type { AdminPeer, AdminPolicyModel, AdminRule, NetworkPolicyModel, NpPeer, Pod, PolicyModel } from "./model.js";
import { PairCache } from "./pair-cache.js";
import { parsePolicies } from "./parse-policies.js";
import { RulePorts } from "./rule-ports.js";
import { selects } from "./selectors.js";

// Shared by every flow without deciding policies: frozen so that no caller can change the others.
const NO_POLICIES = Object.freeze([]) as unknown as string[];

/** Evaluates Kubernetes network policy semantics: admin tier, NetworkPolicy, baseline tier. */
export class ConnectivityEngine {
  private readonly ns = new Map<string, Record<string, string>>();
  private readonly nps: NetworkPolicyModel[];
  private readonly admin: AdminPolicyModel[];
  private readonly baseline: AdminPolicyModel[];
  /** Per pod and direction: the NetworkPolicies that select it and isolate it in that direction. */
  private readonly selectedBy = { ingress: new Map<Pod, NetworkPolicyModel[]>(), egress: new Map<Pod, NetworkPolicyModel[]>() };
  /** Pods with the same namespace, labels and ports behave alike: sides are cached per class pair. */
  private readonly classOf = new Map<Pod, number>();
  private classCount = 0;
  private sideCache: PairCache<{ conns: ConnSet; decided: string[] }> = new PairCache(0);
  /** How each policy is named in `decidedBy` (built once, not per flow). */
  private readonly labels = new Map<PolicyModel, string>();
  /** The connections of rule ports, resolved once where they do not depend on the destination. */
  private readonly rulePorts = new RulePorts();

  constructor(private readonly input: ConnectivityInput) {
    for (const n of input.namespaces) this.ns.set(n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels });
    this.nps = input.policies.filter((p): p is NetworkPolicyModel => p.kind === "NetworkPolicy");
    const adm = input.policies.filter((p): p is AdminPolicyModel => p.kind !== "NetworkPolicy");
    this.admin = adm.filter((p) => p.tier === "admin").sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1));
    this.baseline = adm.filter((p) => p.tier === "baseline").sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1)); // Baseline CNPs are priority-ordered too
    for (const p of input.policies) this.labels.set(p, p.kind === "NetworkPolicy" ? `NetworkPolicy ${p.namespace}/${p.name}` : `${p.kind} ${p.name}`);
    for (const pod of input.pods) {
      const selecting = this.nps.filter((p) => p.namespace === pod.namespace && selects(p.podSelector, pod.labels));
      this.selectedBy.ingress.set(
        pod,
        selecting.filter((p) => p.ingressIsolated),
      );
      this.selectedBy.egress.set(
        pod,
        selecting.filter((p) => p.egressIsolated),
      );
    }
    const ids = new Map<string, number>();
    for (const pod of input.pods) {
      const key = JSON.stringify([pod.namespace, Object.entries(pod.labels).sort(), pod.ports]);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      this.classOf.set(pod, id);
    }
    this.classCount = ids.size;
    this.sideCache = new PairCache(2 * ids.size * ids.size);
  }

  private nsLabels(name: string): Record<string, string> {
    return this.ns.get(name) ?? { "kubernetes.io/metadata.name": name };
  }

  /** Peer × pod class → 1 (no) / 2 (yes): selectors are evaluated once per class of alike pods. */
  private readonly peerMemo = new Map<object, Uint8Array>();

  /** The memo of `key` (a peer or an admin policy's subject) for `pod`'s class: 0 unknown, 1 no, 2 yes. */
  private memoGet(key: object, pod: Pod): number {
    const row = this.peerMemo.get(key);
    return row === undefined ? 0 : (row[this.classOf.get(pod) ?? -1] ?? 0);
  }

  private memoSet(key: object, pod: Pod, value: boolean): boolean {
    const c = this.classOf.get(pod);
    if (c === undefined) return value;
    let row = this.peerMemo.get(key);
    if (!row) this.peerMemo.set(key, (row = new Uint8Array(this.classCount)));
    row[c] = value ? 2 : 1;
    return value;
  }

  private npPeerMatches(peer: NpPeer, policyNs: string, other: Endpoint): boolean {
    if (peer.ipBlock) return !isPod(other) && inBlock(peer.ipBlock.cidr, peer.ipBlock.except, other.ip);
    if (!isPod(other)) return false;
    // The memo holds what does not depend on the policy: a peer object may be shared by policies
    // of several namespaces (models built in code), so the same-namespace test stays outside it.
    if (!peer.namespaceSelector && other.pod.namespace !== policyNs) return false;
    const m = this.memoGet(peer, other.pod);
    return m !== 0 ? m === 2 : this.memoSet(peer, other.pod, this.npPeerSelects(peer, other.pod));
  }

  private npPeerSelects(peer: NpPeer, pod: Pod): boolean {
    if (peer.namespaceSelector && !selects(peer.namespaceSelector, this.nsLabels(pod.namespace))) return false;
    return selects(peer.podSelector, pod.labels);
  }

  /** NetworkPolicy layer for one side: undefined when no policy isolates the pod in that direction. */
  private networkPolicies(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string> | undefined): ConnSet | undefined {
    const policies =
      this.selectedBy[dir].get(pod) ??
      this.nps.filter((p) => p.namespace === pod.namespace && selects(p.podSelector, pod.labels) && (dir === "ingress" ? p.ingressIsolated : p.egressIsolated));
    if (policies.length === 0) return undefined;
    let out = ConnSet.NONE;
    for (const p of policies) {
      for (const rule of p[dir]) {
        if (rule.peers && !this.anyNpPeer(rule.peers, p.namespace, other)) continue;
        const c = this.rulePorts.towards(rule.ports, dst);
        if (!c.isEmpty()) {
          out = out.union(c);
          decided?.add(this.labels.get(p)!);
        }
      }
    }
    return out;
  }

  private anyNpPeer(peers: readonly NpPeer[], policyNs: string, other: Endpoint): boolean {
    for (let i = 0; i < peers.length; i++) if (this.npPeerMatches(peers[i]!, policyNs, other)) return true;
    return false;
  }

  private subjectSelects(p: AdminPolicyModel, pod: Pod): boolean {
    const m = this.memoGet(p, pod);
    return m !== 0 ? m === 2 : this.memoSet(p, pod, this.subjectSelectsNow(p, pod));
  }

  private subjectSelectsNow(p: AdminPolicyModel, pod: Pod): boolean {
    const s = p.subject;
    if ("namespaces" in s) return selects(s.namespaces, this.nsLabels(pod.namespace));
    return selects(s.pods.namespaceSelector, this.nsLabels(pod.namespace)) && selects(s.pods.podSelector, pod.labels);
  }

  private adminPeerMatches(peer: AdminPeer, other: Endpoint): boolean {
    if (!isPod(other)) return this.adminPeerMatchesNow(peer, other);
    const m = this.memoGet(peer, other.pod);
    return m !== 0 ? m === 2 : this.memoSet(peer, other.pod, this.adminPeerMatchesNow(peer, other));
  }

  private adminPeerMatchesNow(peer: AdminPeer, other: Endpoint): boolean {
    if ("networks" in peer) return !isPod(other) && peer.networks.some((c) => cidrContainsIp(c, other.ip));
    if (!isPod(other)) return false;
    if ("namespaces" in peer) return selects(peer.namespaces, this.nsLabels(other.pod.namespace));
    if ("pods" in peer) return selects(peer.pods.namespaceSelector, this.nsLabels(other.pod.namespace)) && selects(peer.pods.podSelector, other.pod.labels);
    return false; // nodes: pods here are not host-network
  }

  private adminRules(
    policies: readonly AdminPolicyModel[],
    pod: Pod,
    other: Endpoint,
    dir: "ingress" | "egress",
    dst: Endpoint,
  ): { rule: AdminRule; policy: AdminPolicyModel; conns: ConnSet }[] {
    const out: { rule: AdminRule; policy: AdminPolicyModel; conns: ConnSet }[] = [];
    for (const p of policies) {
      if (!this.subjectSelects(p, pod)) continue;
      for (const rule of p[dir]) {
        let hit = false;
        for (let i = 0; i < rule.peers.length && !hit; i++) hit = this.adminPeerMatches(rule.peers[i]!, other);
        if (hit) out.push({ rule, policy: p, conns: this.rulePorts.towards(rule.ports, dst) });
      }
    }
    return out;
  }

  /**
   * What one side (the pod's ingress or egress) allows, through the tiers: admin rules by
   * priority (first match wins per connection; Pass hands it to NetworkPolicy), then
   * NetworkPolicy if it isolates the pod, otherwise the baseline tier, otherwise allow.
   */
  private side(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string> | undefined): ConnSet {
    if (!isPod(other)) return this.computeSide(pod, other, dir, dst, decided);
    const a = this.classOf.get(pod);
    const b = this.classOf.get(other.pod);
    if (a === undefined || b === undefined) return this.computeSide(pod, other, dir, dst, decided);
    const key = ((dir === "ingress" ? 1 : 0) * this.classCount + a) * this.classCount + b;
    const cached = this.sideCache.get(key);
    if (cached !== undefined) {
      if (decided) for (const d of cached.decided) decided.add(d);
      return cached.conns;
    }
    // The cache serves explaining and non-explaining calls alike, so it always records the policies.
    const mine = new Set<string>();
    const conns = this.computeSide(pod, other, dir, dst, mine);
    this.sideCache.set(key, { conns, decided: [...mine] });
    if (decided) for (const d of mine) decided.add(d);
    return conns;
  }

  /** When false, `flows()` leaves `decidedBy` empty (slightly faster). */
  explain = true;

  private computeSide(pod: Pod, other: Endpoint, dir: "ingress" | "egress", dst: Endpoint, decided: Set<string> | undefined): ConnSet {
    if (this.admin.length === 0 && this.baseline.length === 0) return this.networkPolicies(pod, other, dir, dst, decided) ?? ConnSet.ALL;
    let remaining = ConnSet.ALL;
    let allowed = ConnSet.NONE;
    let toNp = ConnSet.NONE;
    for (const { rule, policy, conns } of this.adminRules(this.admin, pod, other, dir, dst)) {
      const hit = conns.intersect(remaining);
      if (hit.isEmpty()) continue;
      decided?.add(this.labels.get(policy)!);
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
      decided?.add(this.labels.get(policy)!);
      if (rule.action !== "deny") allowed = allowed.union(hit);
      rest = rest.subtract(hit);
    }
    return allowed.union(rest);
  }

  /** The connections allowed from `src` to `dst` (both ends must allow). */
  allowed(src: Endpoint, dst: Endpoint, decided: Set<string> | undefined = new Set<string>()): ConnSet {
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
    const add = (src: Endpoint, dst: Endpoint) => {
      const decided = this.explain ? new Set<string>() : undefined;
      const conns = this.allowed(src, dst, decided);
      if (!conns.isEmpty()) out.push({ src, dst, conns, decidedBy: decided ? [...decided].sort() : NO_POLICIES });
    };
    // Pods of one class behave alike: decide each class pair once.
    const n = this.classCount;
    const memo = new PairCache<{ conns: ConnSet; decidedBy: string[] }>(n * n);
    for (const s of pods) {
      const a = this.classOf.get((s as { pod: Pod }).pod)! * n;
      for (const d of pods) {
        if (s === d) continue;
        const k = a + this.classOf.get((d as { pod: Pod }).pod)!;
        let m = memo.get(k);
        if (!m) {
          const decided = this.explain ? new Set<string>() : undefined;
          const conns = this.allowed(s, d, decided);
          m = { conns, decidedBy: decided && !conns.isEmpty() ? [...decided].sort() : NO_POLICIES };
          memo.set(k, m);
        }
        if (!m.conns.isEmpty()) out.push({ src: s, dst: d, conns: m.conns, decidedBy: m.decidedBy });
      }
    }
    for (const e of ext)
      for (const p of pods) {
        add(e, p);
        add(p, e);
      }
    return out;
  }
}

/**
 * All allowed flows between the pods (and the given external endpoints), each with the policies
 * that decided it. `policies` are Kubernetes objects (NetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, ClusterNetworkPolicy) or already parsed models.
 */
export function connectivity(input: Omit<ConnectivityInput, "policies"> & { policies: readonly (PolicyModel | Record<string, unknown>)[] }): Flow[] {
  const policies = input.policies.flatMap((p) => ("apiVersion" in p ? parsePolicies([p as Record<string, unknown>]) : [p as PolicyModel]));
  return new ConnectivityEngine({ ...input, policies }).flows();
}
