// Exact subtraction of deny rules from allow rules in NetworkPolicy terms. NetworkPolicy has no
// deny, but "these peers minus those" is a union of peers with `NotIn` label requirements (pods and
// namespaces) and `ipBlock.except` (CIDRs), and "these ports minus those" is a set of port ranges.
// Only named ports mixed with numbers cannot be subtracted exactly: those are flagged `lossy` and
// the deny is applied to every port of the protocol (admit less, never more).
import { cidrContains, type Cidr, type TrafficPeerIR, type TrafficPortIR, type TrafficRuleIR } from "@rampart/core";
import { ConnSet, type Protocol } from "./conn-set.js";

/** The label Kubernetes sets on every namespace to its name. */
export const NAME_KEY = "kubernetes.io/metadata.name";

/** A conjunction of label requirements: `eq` (key = value) and `ne` (key ≠ value, or missing: `NotIn`). */
export interface Conj {
  eq: Record<string, string>;
  ne: [string, string][];
}

/** A peer in NetworkPolicy terms: pods by namespace and pod labels, or an ipBlock. */
export type CarvedPeer = { kind: "pods"; ns: Conj; nsSame: boolean; pods: Conj } | { kind: "cidr"; cidr: Cidr; except: Cidr[] };

/** Ports: numeric connections plus named ports. */
export interface PortSpec {
  conns: ConnSet;
  named: { protocol: Protocol; name: string }[];
  /** The entries as written (kept for output when nothing was subtracted). */
  written: readonly TrafficPortIR[] | undefined;
}

/** One side of a rule in NetworkPolicy terms: peers on ports (`dns` peers become kube-dns pods on port 53). */
export interface Component {
  peers: CarvedPeer[];
  ports: PortSpec;
  dns: boolean;
  rule: TrafficRuleIR;
}

const conj = (eq: Readonly<Record<string, string>> = {}): Conj => ({ eq: { ...eq }, ne: [] });
const ALL_PORTS: PortSpec = { conns: ConnSet.ALL, named: [], written: undefined };
const DNS_CONNS = ConnSet.range("UDP", 53).union(ConnSet.range("TCP", 53));

/** True when a pod with labels satisfying `c` can never satisfy `eq`. */
export function conflicts(c: Conj, eq: Readonly<Record<string, string>>): boolean {
  return Object.entries(eq).some(([k, v]) => (c.eq[k] !== undefined && c.eq[k] !== v) || c.ne.some(([nk, nv]) => nk === k && nv === v));
}

/** True when every label set satisfying `c` satisfies `eq`. */
export function implies(c: Conj, eq: Readonly<Record<string, string>>): boolean {
  return Object.entries(eq).every(([k, v]) => c.eq[k] === v);
}

/** `c` and `eq` together (callers check `conflicts` first). */
export function conjoin(c: Conj, eq: Readonly<Record<string, string>>): Conj {
  return { eq: { ...c.eq, ...eq }, ne: c.ne.filter(([k]) => eq[k] === undefined) };
}

/** `c` and key ≠ value. */
export function withNe(c: Conj, key: string, value: string): Conj {
  return { eq: c.eq, ne: [...c.ne, [key, value] as [string, string]].sort((a, b) => (a[0] + "\0" + a[1] < b[0] + "\0" + b[1] ? -1 : 1)) };
}

/** Ports of a rule. */
export function portSpec(ports: readonly TrafficPortIR[] | undefined): PortSpec {
  if (!ports) return ALL_PORTS;
  let conns = ConnSet.NONE;
  const named: PortSpec["named"] = [];
  for (const p of ports) {
    if (p.kind === "range") conns = conns.union(ConnSet.range(p.protocol, p.from, p.to));
    else if (!named.some((n) => n.protocol === p.protocol && n.name === p.name)) named.push({ protocol: p.protocol, name: p.name });
  }
  return { conns, named, written: ports };
}

/** A pod peer of the IR, resolved for rules living in namespace `ns`. */
function podPeer(peer: Extract<TrafficPeerIR, { kind: "pods" }>, ns: string): CarvedPeer {
  const n = peer.namespace;
  const nsConj = n.kind === "same" ? conj({ [NAME_KEY]: ns }) : n.kind === "name" ? conj({ [NAME_KEY]: n.name }) : conj(n.labels);
  return { kind: "pods", ns: nsConj, nsSame: n.kind === "same", pods: conj(peer.pods) };
}

const KUBE_DNS: CarvedPeer = { kind: "pods", ns: conj({ [NAME_KEY]: "kube-system" }), nsSame: false, pods: conj({ "k8s-app": "kube-dns" }) };

/** Everything: every pod of every namespace and every IPv4 and IPv6 address. */
export function everything(cidr: (text: string) => Cidr): CarvedPeer[] {
  return [
    { kind: "cidr", cidr: cidr("0.0.0.0/0"), except: [] },
    { kind: "cidr", cidr: cidr("::/0"), except: [] },
    { kind: "pods", ns: conj(), nsSame: false, pods: conj() },
  ];
}

/**
 * The components of a rule for namespace `ns`: its non-DNS peers on its ports, and its DNS peers
 * as kube-dns pods on its ports ∩ 53/UDP+TCP. Named ports on a DNS peer are `lossy`: an allow
 * drops them, a deny widens them to port 53 of their protocol.
 */
export function components(rule: TrafficRuleIR, ns: string, cidr: (text: string) => Cidr): { parts: Component[]; lossy: boolean } {
  const ports = portSpec(rule.ports);
  const peers =
    rule.remote === undefined
      ? everything(cidr)
      : rule.remote.filter((p) => p.kind !== "dns").map((p): CarvedPeer => (p.kind === "cidr" ? { kind: "cidr", cidr: p.cidr, except: [] } : podPeer(p, ns)));
  const parts: Component[] = [];
  if (peers.length) parts.push({ peers, ports, dns: false, rule });
  let lossy = false;
  if (rule.remote?.some((p) => p.kind === "dns")) {
    let conns = ports.conns.intersect(DNS_CONNS);
    if (ports.named.length) {
      if (rule.effect === "deny") for (const n of ports.named) conns = conns.union(ConnSet.range(n.protocol, 53).intersect(DNS_CONNS));
      lossy = true;
    }
    const whole = conns.equals(DNS_CONNS);
    if (!conns.isEmpty())
      parts.push({
        peers: [KUBE_DNS],
        ports: { conns, named: [], written: whole ? undefined : conns.intervals().map((i) => ({ kind: "range", ...i })) },
        dns: true,
        rule,
      });
  }
  return { parts, lossy };
}

/** `peer` minus `deny`: a union of peers (empty when the deny covers it). */
export function minus(peer: CarvedPeer, deny: CarvedPeer): CarvedPeer[] {
  if (peer.kind === "cidr" || deny.kind === "cidr") {
    if (peer.kind !== "cidr" || deny.kind !== "cidr" || peer.cidr.family !== deny.cidr.family) return [peer];
    if (cidrContains(deny.cidr, peer.cidr)) return [];
    if (!cidrContains(peer.cidr, deny.cidr) || peer.except.some((e) => cidrContains(e, deny.cidr))) return [peer];
    return [{ ...peer, except: [...peer.except.filter((e) => !cidrContains(deny.cidr, e)), deny.cidr].sort((a, b) => (a.text < b.text ? -1 : 1)) }];
  }
  if (deny.ns.ne.length || deny.pods.ne.length) throw new Error("deny peers are label equalities");
  if (conflicts(peer.ns, deny.ns.eq) || conflicts(peer.pods, deny.pods.eq)) return [peer];
  const out: CarvedPeer[] = [];
  for (const [k, v] of Object.entries(deny.ns.eq)) if (peer.ns.eq[k] !== v) out.push({ ...peer, ns: withNe(peer.ns, k, v), nsSame: false });
  for (const [k, v] of Object.entries(deny.pods.eq)) if (peer.pods.eq[k] !== v) out.push({ ...peer, pods: withNe(peer.pods, k, v) });
  return out;
}

/** A stable key of a peer list. */
export function peersKey(peers: readonly CarvedPeer[]): string {
  return JSON.stringify(peers.map((p) => (p.kind === "cidr" ? [p.cidr.text, p.except.map((e) => e.text)] : [p.ns, p.nsSame, p.pods])));
}

/** True when two peers may select a common endpoint. */
export function overlaps(a: CarvedPeer, b: CarvedPeer): boolean {
  if (a.kind === "cidr" || b.kind === "cidr")
    return a.kind === "cidr" && b.kind === "cidr" && a.cidr.family === b.cidr.family && (cidrContains(a.cidr, b.cidr) || cidrContains(b.cidr, a.cidr));
  return !conflicts(a.ns, b.ns.eq) && !conflicts(a.pods, b.pods.eq) && !conflicts(b.ns, a.ns.eq) && !conflicts(b.pods, a.pods.eq);
}

/** Peers beyond which subtraction stops being exact: overlapping pod peers are dropped instead. */
export const MAX_PEERS = 64;

/**
 * Peers minus every deny peer, deduplicated in first-seen order. Each pod deny multiplies the
 * overlapping peers by its number of labels; past `MAX_PEERS` the remaining pod denies drop the
 * peers they overlap instead (`lossy`: admits less).
 */
export function subtractPeers(peers: readonly CarvedPeer[], denies: readonly CarvedPeer[]): { peers: CarvedPeer[]; lossy: boolean } {
  let cur = [...peers];
  let lossy = false;
  for (const d of denies) {
    if (cur.length > MAX_PEERS && d.kind === "pods") {
      const kept = cur.filter((p) => !overlaps(p, d));
      if (kept.length !== cur.length) lossy = true;
      cur = kept;
    } else cur = dedupe(cur.flatMap((p) => minus(p, d)));
  }
  return { peers: cur, lossy };
}

function dedupe(peers: CarvedPeer[]): CarvedPeer[] {
  const seen = new Set<string>();
  return peers.filter((p) => {
    const key = peersKey([p]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A port atom: ports on which the same deny components apply. */
export interface Atom {
  ports: PortSpec;
  denies: Component[];
}

/**
 * Splits an allow component's ports into atoms by the deny components that apply on them.
 * `lossy` is set when a deny's named ports had to be widened to their whole protocol (or a named
 * allow port met a numeric deny port): the deny then applies on more ports than it names.
 */
export function atoms(allow: PortSpec, denies: readonly Component[]): { atoms: Atom[]; lossy: boolean } {
  let lossy = false;
  let numeric: { conns: ConnSet; denies: Component[] }[] = allow.conns.isEmpty() ? [] : [{ conns: allow.conns, denies: [] }];
  for (const d of denies) {
    let dn = d.ports.conns;
    for (const n of d.ports.named) {
      const whole = ConnSet.protocol(n.protocol);
      if (numeric.some((a) => !a.conns.intersect(whole).isEmpty())) lossy = true;
      dn = dn.union(whole);
    }
    numeric = numeric.flatMap((a) => {
      const hit = a.conns.intersect(dn);
      const rest = a.conns.subtract(dn);
      return [...(hit.isEmpty() ? [] : [{ conns: hit, denies: [...a.denies, d] }]), ...(rest.isEmpty() ? [] : [{ conns: rest, denies: a.denies }])];
    });
  }
  const out: Atom[] = numeric.map((a) => ({
    ports: { conns: a.conns, named: [], written: a.conns.equals(allow.conns) && allow.named.length === 0 ? allow.written : undefined },
    denies: a.denies,
  }));
  const namedGroups = new Map<string, Atom>();
  for (const n of allow.named) {
    const applying = denies.filter((d) => {
      if (d.ports.conns.isAll()) return true;
      if (d.ports.named.some((m) => m.protocol === n.protocol && m.name === n.name)) return true;
      const widened = d.ports.named.some((m) => m.protocol === n.protocol) || !d.ports.conns.intersect(ConnSet.protocol(n.protocol)).isEmpty();
      if (widened) lossy = true;
      return widened;
    });
    const key = applying.map((d) => denies.indexOf(d)).join(",");
    const g = namedGroups.get(key) ?? { ports: { conns: ConnSet.NONE, named: [], written: undefined }, denies: applying };
    g.ports.named.push(n);
    namedGroups.set(key, g);
  }
  out.push(...namedGroups.values());
  return { atoms: out, lossy };
}
