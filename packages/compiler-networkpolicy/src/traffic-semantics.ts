import { cidrContainsIp, documentsOfKind, parseCidr, type Peer, type RampartDocument, type TrafficPolicy, type TrafficRule } from "@rampart/core";
import type { Protocol } from "./conn-set.js";
import type { Endpoint } from "./connectivity.js";

/** The port of a flow. */
export interface FlowPort {
  protocol: Protocol;
  port: number;
}

/** A parsed `ports` entry of a TrafficPolicy rule. */
export type TrafficPort = { protocol: Protocol; from: number; to: number } | { protocol: Protocol; name: string };

/** Parses `8080/TCP`, `9000-9100/UDP`, `http`, `8080`. */
export function parsePort(entry: string | number): TrafficPort {
  const [spec = "", proto = "TCP"] = String(entry).split("/");
  const protocol = proto as Protocol;
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (m) return { protocol, from: Number(m[1]), to: Number(m[2] ?? m[1]) };
  return { protocol, name: spec };
}

/** The local pods of a rule: `to` for ingress, `from` for egress. */
export function localOf(rule: TrafficRule): Record<string, string> {
  return ((rule.direction === "ingress" ? rule.to : rule.from) as { pods?: Record<string, string> } | undefined)?.pods ?? {};
}

/** The remote peers of a rule (undefined: everything). */
export function remoteOf(rule: TrafficRule): Peer[] | undefined {
  return (rule.direction === "ingress" ? rule.from : rule.to) as Peer[] | undefined;
}

const subset = (want: Record<string, string>, labels: Record<string, string>) => Object.entries(want).every(([k, v]) => labels[k] === v);

/** Does a TrafficPolicy peer match an endpoint (seen from a pod in `localNs`)? DNS peers match kube-dns on port 53. */
export function peerMatches(peer: Peer, localNs: string, other: Endpoint, nsLabels: (ns: string) => Record<string, string>, port: FlowPort): boolean {
  if (peer.cidr !== undefined) {
    const c = parseCidr(peer.cidr);
    return !("pod" in other) && !("error" in c) && cidrContainsIp(c, other.ip);
  }
  if (!("pod" in other)) return false;
  const pod = other.pod;
  if (peer.dns) return pod.namespace === "kube-system" && pod.labels["k8s-app"] === "kube-dns" && port.port === 53 && (port.protocol === "UDP" || port.protocol === "TCP");
  if (peer.namespace !== undefined && pod.namespace !== peer.namespace) return false;
  if (peer.namespaceLabels !== undefined && !subset(peer.namespaceLabels, nsLabels(pod.namespace))) return false;
  if (peer.namespace === undefined && peer.namespaceLabels === undefined && pod.namespace !== localNs) return false;
  return subset(peer.pods ?? {}, pod.labels);
}

/** Do a rule's ports cover the flow's port (named ports resolve on the destination pod)? */
export function portMatches(ports: readonly (string | number)[] | undefined, port: FlowPort, dst: Endpoint): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((entry) => {
    const p = parsePort(entry);
    if (p.protocol !== port.protocol) return false;
    if ("from" in p) return port.port >= p.from && port.port <= p.to;
    return "pod" in dst && dst.pod.ports.some((cp) => cp.name === p.name && cp.protocol === port.protocol && cp.port === port.port);
  });
}

/** Decides flows with SPEC.md's TrafficPolicy semantics (independent of the compiled objects). */
export function trafficDecider(documents: readonly RampartDocument[], nsLabels: (ns: string) => Record<string, string>) {
  const policies = documentsOfKind(documents, "TrafficPolicy");
  const governs = (p: TrafficPolicy, ns: string) => p.spec.namespaces.includes(ns);
  const ruleHits = (p: TrafficPolicy, rule: TrafficRule, local: Endpoint, remote: Endpoint, port: FlowPort, dst: Endpoint) =>
    "pod" in local &&
    governs(p, local.pod.namespace) &&
    subset(localOf(rule), local.pod.labels) &&
    (remoteOf(rule)?.some((peer) => peerMatches(peer, local.pod.namespace, remote, nsLabels, port)) ?? true) &&
    portMatches(rule.ports, port, dst);
  const side = (local: Endpoint, remote: Endpoint, dir: "ingress" | "egress", port: FlowPort, dst: Endpoint): boolean => {
    if (!("pod" in local)) return true;
    const ns = local.pod.namespace;
    for (const p of policies) for (const rule of p.spec.deny ?? []) if (rule.direction === dir && ruleHits(p, rule, local, remote, port, dst)) return false;
    const isolated = policies.some((p) => governs(p, ns) && (p.spec.defaultDeny ?? []).includes(dir));
    if (!isolated) return true;
    return policies.some((p) => (p.spec.allow ?? []).some((rule) => rule.direction === dir && ruleHits(p, rule, local, remote, port, dst)));
  };
  return (src: Endpoint, dst: Endpoint, port: FlowPort): boolean => side(src, dst, "egress", port, dst) && side(dst, src, "ingress", port, dst);
}
