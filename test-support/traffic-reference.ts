// A reference of SPEC.md's TrafficPolicy semantics ("TrafficPolicy" section), written from the spec text
// on the documents as written, with its own label, glob, port and CIDR matching: it shares no code with
// normaliseTraffic, the compiler or verifyNetwork. Where the spec leaves a reading open (which policies'
// allows count in a default-deny namespace; rule ports next to a DNS peer), it takes the reading that
// allows more, so that a property "compiled objects admit nothing the reference denies" fails only on
// a clear over-admission.
import { refGlob } from "./reference-evaluator.js";

/** A pod of the workload inventory. */
export interface RefPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: { name?: string; port: number; protocol: string }[];
}
/** A flow's end: a pod, or an address outside the pod network. */
export type RefEndpoint = { pod: RefPod } | { ip: string };
/** A flow's port. */
export interface RefPort {
  protocol: "TCP" | "UDP" | "SCTP";
  port: number;
}

type Peer = { namespace?: string; namespaceLabels?: Record<string, string>; pods?: Record<string, string>; cidr?: string; dns?: boolean };
type Rule = { direction: "ingress" | "egress"; to?: Peer | Peer[]; from?: Peer | Peer[]; ports?: (string | number)[] };
type Spec = { namespaces?: string[]; namespaceLabels?: Record<string, string>; defaultDeny?: ("ingress" | "egress")[]; allow?: Rule[]; deny?: Rule[] };

/** The metadata endpoints `blockMetadata` denies for egress in every governed namespace. */
const METADATA = ["169.254.169.254/32", "fd00:ec2::254/128"];

/** An IPv4 or IPv6 address as (family, 32- or 128-bit number); written out in full or with one `::`. */
export function refParseIp(text: string): { family: 4 | 6; value: bigint } {
  if (text.includes(".")) {
    const parts = text.split(".").map(Number);
    return { family: 4, value: parts.reduce((a, p) => (a << 8n) | BigInt(p), 0n) };
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return { family: 6, value: groups.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** Is `ip` inside `cidr` (same family, same leading `prefix` bits)? */
export function refCidrContains(cidr: string, ip: string): boolean {
  const [base, len] = cidr.split("/");
  const net = refParseIp(base!);
  const addr = refParseIp(ip);
  if (net.family !== addr.family) return false;
  const bits = net.family === 4 ? 32n : 128n;
  const shift = bits - BigInt(len!);
  return net.value >> shift === addr.value >> shift;
}

const within = (want: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(want ?? {}).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
const list = (p: Peer | Peer[] | undefined): Peer[] | undefined => (p === undefined ? undefined : Array.isArray(p) ? p : [p]);

/** What the build knew: the inventory's namespace names, and whether it compiled with `--network-backend cnp`. */
export interface RefBuild {
  /** The inventory's namespaces (default: every namespace of the world). Their labels are the world's. */
  inventory?: readonly string[];
  /** `--network-backend cnp`: label-governed policies also cover namespaces created later. */
  cnp?: boolean;
}

/** A world: namespaces with labels (`kubernetes.io/metadata.name` implied) and the policies' specs. */
export class TrafficReference {
  private readonly nsLabels: Map<string, Record<string, string>>;
  private readonly inventory: Set<string>;

  constructor(
    private readonly specs: readonly Spec[],
    namespaces: readonly { name: string; labels: Record<string, string> }[],
    private readonly blockMetadata = false,
    private readonly build: RefBuild = {},
  ) {
    this.nsLabels = new Map(namespaces.map((n) => [n.name, { ...n.labels, "kubernetes.io/metadata.name": n.name }]));
    this.inventory = new Set(build.inventory ?? namespaces.map((n) => n.name));
  }

  /** True when `ns` exists in the world but the build's inventory did not list it: created later. */
  isLater(ns: string): boolean {
    return this.nsLabels.has(ns) && !this.inventory.has(ns);
  }

  /**
   * "the namespaces this policy governs; globs match the inventory's namespaces [...] To also cover
   * namespaces created later, govern by label instead: `namespaceLabels: { tier: apps }` (a
   * ClusterNetworkPolicy with --network-backend cnp; else inventory-expanded)". With both, a governed
   * namespace is named (or matched by a glob) and carries the labels (docs/language.md).
   */
  private governs(s: Spec, ns: string): boolean {
    if (!this.nsLabels.has(ns)) return false;
    const named = s.namespaces === undefined || s.namespaces.some((g) => (/[*?]/.test(g) ? this.inventory.has(ns) && refGlob(g, ns) : g === ns));
    if (s.namespaceLabels === undefined) return named;
    const labelled = within(s.namespaceLabels, this.nsLabels.get(ns)!);
    // Label selectors reach past the inventory only alone and with cnp; otherwise they are expanded from it.
    const reachable = this.inventory.has(ns) || (s.namespaces === undefined && this.build.cnp === true);
    return named && labelled && reachable;
  }

  private governing(ns: string): Spec[] {
    return this.specs.filter((s) => this.governs(s, ns));
  }

  /** True when some policy governs `ns` and makes `direction` default-deny there. */
  isolates(ns: string, direction: "ingress" | "egress"): boolean {
    return this.governing(ns).some((s) => (s.defaultDeny ?? []).includes(direction));
  }

  /** "A peer is {namespace, pods}, {namespaceLabels, pods}, {pods} (same namespace), {cidr} or {dns: true}." */
  private peerMatches(peer: Peer, localNs: string, other: RefEndpoint, port: RefPort, effect: "allow" | "deny", rulePorts: boolean): boolean {
    if (peer.dns) {
      // "kube-dns in kube-system, UDP and TCP 53".
      const dns =
        "pod" in other && other.pod.namespace === "kube-system" && other.pod.labels["k8s-app"] === "kube-dns" && port.port === 53 && port.protocol !== "SCTP";
      return dns && (effect === "allow" || rulePorts);
    }
    // "CIDR peers denote addresses outside the cluster's pod network".
    if (peer.cidr !== undefined) return "ip" in other && refCidrContains(peer.cidr, other.ip) && rulePorts;
    if (!("pod" in other)) return false;
    const pod = other.pod;
    if (!within(peer.pods, pod.labels)) return false;
    if (peer.namespace !== undefined) return refGlob(peer.namespace, pod.namespace) && rulePorts;
    if (peer.namespaceLabels !== undefined) return within(peer.namespaceLabels, this.nsLabels.get(pod.namespace) ?? {}) && rulePorts;
    return pod.namespace === localNs && rulePorts;
  }

  /** `ports`: numbers and ranges (protocol TCP unless given), or a named port of the destination pod. */
  private portMatches(ports: (string | number)[] | undefined, port: RefPort, dst: RefEndpoint): boolean {
    if (ports === undefined) return true;
    return ports.some((entry) => {
      const [what, protocol = "TCP"] = String(entry).split("/");
      if (protocol !== port.protocol) return false;
      if (/^\d+(-\d+)?$/.test(what!)) {
        const [from, to = from] = what!.split("-").map(Number);
        return port.port >= from! && port.port <= to!;
      }
      return "pod" in dst && dst.pod.ports.some((p) => p.name === what && p.protocol === protocol && p.port === port.port);
    });
  }

  /** Does a rule of a policy governing `local`'s namespace apply to the flow at that end? */
  private applies(rule: Rule, effect: "allow" | "deny", local: RefPod, other: RefEndpoint, port: RefPort, dst: RefEndpoint): boolean {
    // "The local side of a rule is an object that selects pods in the governed namespaces (`to` for ingress,
    // `from` for egress; omitted: every pod there); the remote side is a list of peers (omitted: everything)."
    const localSide = (rule.direction === "ingress" ? rule.to : rule.from) as Peer | undefined;
    if (!within(localSide?.pods, local.labels)) return false;
    const remote = list(rule.direction === "ingress" ? rule.from : rule.to);
    const rulePorts = this.portMatches(rule.ports, port, dst);
    if (remote === undefined) return rulePorts;
    return remote.some((peer) => this.peerMatches(peer, local.namespace, other, port, effect, rulePorts));
  }

  /** The end's verdict in one direction: `denied` (a deny matches), `needs` (default-deny) and `allowed` (an allow admits). */
  private end(local: RefPod, other: RefEndpoint, direction: "ingress" | "egress", port: RefPort, dst: RefEndpoint) {
    const policies = this.governing(local.namespace);
    const denies = policies.flatMap((s) => [
      ...(s.deny ?? []),
      ...(this.blockMetadata ? [{ direction: "egress" as const, to: METADATA.map((cidr) => ({ cidr })) }] : []),
    ]);
    const denied = denies.some((r) => r.direction === direction && this.applies(r, "deny", local, other, port, dst));
    const needs = policies.some((s) => (s.defaultDeny ?? []).includes(direction));
    const allowed = policies.some((s) => (s.allow ?? []).some((r) => r.direction === direction && this.applies(r, "allow", local, other, port, dst)));
    return { denied, needs, allowed };
  }

  /** "A flow is allowed iff an allow admits it and no deny matches", at both ends; ends not default-deny need no allow. */
  allows(src: RefEndpoint, dst: RefEndpoint, port: RefPort): boolean {
    if ("pod" in src) {
      const e = this.end(src.pod, dst, "egress", port, dst);
      if (e.denied || (e.needs && !e.allowed)) return false;
    }
    if ("pod" in dst) {
      const i = this.end(dst.pod, src, "ingress", port, dst);
      if (i.denied || (i.needs && !i.allowed)) return false;
    }
    return true;
  }
}
