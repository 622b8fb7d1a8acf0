// SPEC.md's TrafficPolicy semantics, evaluated directly on the IR (independent of the compiler):
// the reference that verifyNetwork proves compiled objects against.
import {
  cidrContainsIp,
  parseTrafficPort,
  trafficGoverns,
  type TrafficDirection,
  type TrafficPeerIR,
  type TrafficPolicyIR,
  type TrafficPortIR,
  type TrafficRuleIR,
} from "@rampart/core";
import type { Protocol } from "./conn-set.js";
import type { Endpoint } from "./endpoint.js";

/** The port of a flow. */
export interface FlowPort {
  protocol: Protocol;
  port: number;
}

/** A parsed `ports` entry of a TrafficPolicy rule. */
export type TrafficPort = { protocol: Protocol; from: number; to: number } | { protocol: Protocol; name: string };

/** Parses `8080/TCP`, `9000-9100/UDP`, `http`, `8080` (protocol defaults to TCP). */
export function parsePort(entry: string | number): TrafficPort {
  const p = parseTrafficPort(entry);
  return p.kind === "range" ? { protocol: p.protocol, from: p.from, to: p.to } : { protocol: p.protocol, name: p.name };
}

const subset = (want: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>) => Object.entries(want).every(([k, v]) => labels[k] === v);

/** Does a peer match the other end of a flow, seen from a pod in `localNs`? DNS peers match kube-dns on 53/UDP and 53/TCP. */
export function peerMatches(peer: TrafficPeerIR, localNs: string, other: Endpoint, nsLabels: (ns: string) => Record<string, string>, port: FlowPort): boolean {
  if (peer.kind === "cidr") return !("pod" in other) && cidrContainsIp(peer.cidr, other.ip);
  if (!("pod" in other)) return false;
  const pod = other.pod;
  if (peer.kind === "dns")
    return pod.namespace === "kube-system" && pod.labels["k8s-app"] === "kube-dns" && port.port === 53 && (port.protocol === "UDP" || port.protocol === "TCP");
  const ns = peer.namespace;
  if (ns.kind === "same" && pod.namespace !== localNs) return false;
  if (ns.kind === "name" && pod.namespace !== ns.name) return false;
  if (ns.kind === "labels" && !subset(ns.labels, nsLabels(pod.namespace))) return false;
  return subset(peer.pods, pod.labels);
}

/** Do a rule's ports cover the flow's port? Named ports resolve on the destination pod. */
export function portMatches(ports: readonly TrafficPortIR[] | undefined, port: FlowPort, dst: Endpoint): boolean {
  if (!ports) return true;
  return ports.some((p) => {
    if (p.protocol !== port.protocol) return false;
    if (p.kind === "range") return port.port >= p.from && port.port <= p.to;
    return "pod" in dst && dst.pod.ports.some((cp) => cp.name === p.name && cp.protocol === port.protocol && cp.port === port.port);
  });
}

/** The decision on one flow, with the rules that made it. */
export interface TrafficDecision {
  allowed: boolean;
  /** Deny rules that matched (either end). */
  denies: TrafficRuleIR[];
  /** Allow rules that admitted an end that needed one. */
  allows: TrafficRuleIR[];
}

/** Options of `trafficDecider`. */
export interface TrafficDeciderOptions {
  /**
   * True for a namespace created after the build (not in its inventory) that label-only policies
   * govern by its labels (`nsLabels`), as ClusterNetworkPolicies do; default: none.
   */
  later?: (ns: string) => boolean;
}

/** Decides flows with SPEC.md's TrafficPolicy semantics: both ends apply; a deny on either end wins; an isolated end needs an allow. */
export function trafficDecider(
  policies: readonly TrafficPolicyIR[],
  nsLabels: (ns: string) => Record<string, string>,
  options: TrafficDeciderOptions = {},
): (src: Endpoint, dst: Endpoint, port: FlowPort) => TrafficDecision {
  const hits = (rule: TrafficRuleIR, local: Extract<Endpoint, { pod: unknown }>, remote: Endpoint, port: FlowPort, dst: Endpoint) =>
    subset(rule.local, local.pod.labels) &&
    (rule.remote?.some((peer) => peerMatches(peer, local.pod.namespace, remote, nsLabels, port)) ?? true) &&
    portMatches(rule.ports, port, dst);
  // What governs a namespace in a direction, worked out once per namespace (a pure cache: the
  // same filters as written in SPEC.md, not evaluated again for every flow).
  type Governing = { denies: TrafficRuleIR[]; allows: TrafficRuleIR[]; isolated: boolean };
  const governingCache = { ingress: new Map<string, Governing>(), egress: new Map<string, Governing>() };
  const governingOf = (ns: string, dir: TrafficDirection): Governing => {
    let g = governingCache[dir].get(ns);
    if (g === undefined) {
      const later = options.later?.(ns) ? nsLabels(ns) : undefined;
      const governing = policies.filter((p) => trafficGoverns(p, ns, later));
      g = {
        denies: governing.flatMap((p) => p.deny).filter((r) => r.direction === dir),
        allows: governing.flatMap((p) => p.allow).filter((r) => r.direction === dir),
        isolated: governing.some((p) => p.defaultDeny[dir]),
      };
      governingCache[dir].set(ns, g);
    }
    return g;
  };
  const side = (local: Endpoint, remote: Endpoint, dir: TrafficDirection, port: FlowPort, dst: Endpoint, out: TrafficDecision): boolean => {
    if (!("pod" in local)) return true;
    const governing = governingOf(local.pod.namespace, dir);
    const denies = governing.denies.filter((r) => hits(r, local, remote, port, dst));
    if (denies.length) {
      out.denies.push(...denies);
      return false;
    }
    if (!governing.isolated) return true;
    const allows = governing.allows.filter((r) => hits(r, local, remote, port, dst));
    out.allows.push(...allows);
    return allows.length > 0;
  };
  return (src, dst, port) => {
    const out: TrafficDecision = { allowed: false, denies: [], allows: [] };
    const egress = side(src, dst, "egress", port, dst, out);
    const ingress = side(dst, src, "ingress", port, dst, out);
    out.allowed = egress && ingress;
    return out;
  };
}
