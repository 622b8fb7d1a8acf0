// Rendering carved peers, selectors and ports as NetworkPolicy / ClusterNetworkPolicy fields.
import { boundedName } from "@rampart/core/compiler";
import { ConnSet } from "./conn-set.js";
import type { CarvedPeer, Conj, PortSpec } from "./carve.js";

/** A generated object. */
export type NetworkObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: Record<string, unknown>;
};

/** A DNS-1123 name of at most 63 characters (long names keep a prefix and a hash). */
export function k8sName(text: string): string {
  const clean = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return boundedName(clean, { keep: 52, digits: 10 });
}

/** A label value of at most 63 characters (long values keep a prefix and a hash). */
export function labelValue(text: string): string {
  return boundedName(text, { keep: 52, digits: 10, trim: /[^a-z0-9]+$/ });
}

/** A label selector for a conjunction (`{}` selects everything). */
export function selector(c: Conj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(c.eq).sort();
  if (keys.length) out.matchLabels = Object.fromEntries(keys.map((k) => [k, c.eq[k]]));
  if (c.ne.length) {
    const byKey = new Map<string, string[]>();
    for (const [k, v] of c.ne) byKey.set(k, [...(byKey.get(k) ?? []), v]);
    out.matchExpressions = [...byKey.keys()].sort().map((key) => ({ key, operator: "NotIn", values: [...new Set(byKey.get(key))].sort() }));
  }
  return out;
}

/** A NetworkPolicy peer. */
export function npPeer(p: CarvedPeer): Record<string, unknown> {
  if (p.kind === "cidr") return { ipBlock: p.except.length ? { cidr: p.cidr.text, except: p.except.map((e) => e.text) } : { cidr: p.cidr.text } };
  const out: Record<string, unknown> = {};
  if (!p.nsSame) out.namespaceSelector = selector(p.ns);
  out.podSelector = selector(p.pods);
  return out;
}

const DNS_CONNS = ConnSet.range("UDP", 53).union(ConnSet.range("TCP", 53));

/** NetworkPolicy `ports` (undefined: every port). */
export function npPorts(ports: PortSpec, dns: boolean): Record<string, unknown>[] | undefined {
  if (dns && ports.named.length === 0 && ports.conns.equals(DNS_CONNS))
    return [
      { protocol: "UDP", port: 53 },
      { protocol: "TCP", port: 53 },
    ];
  if (ports.written) {
    return ports.written.map((p) =>
      p.kind === "named"
        ? { protocol: p.protocol, port: p.name }
        : p.to > p.from
          ? { protocol: p.protocol, port: p.from, endPort: p.to }
          : { protocol: p.protocol, port: p.from },
    );
  }
  if (ports.conns.isAll() && ports.named.length === 0) return undefined;
  return [
    ...ports.conns
      .intervals()
      .map((i) =>
        i.from === 1 && i.to === 65535
          ? { protocol: i.protocol }
          : i.to > i.from
            ? { protocol: i.protocol, port: i.from, endPort: i.to }
            : { protocol: i.protocol, port: i.from },
      ),
    ...ports.named.map((n) => ({ protocol: n.protocol, port: n.name })),
  ];
}

/** A ClusterNetworkPolicy peer (pods only: CIDR denies stay in NetworkPolicy). */
export function cnpPeer(p: Extract<CarvedPeer, { kind: "pods" }>): Record<string, unknown> {
  if (Object.keys(p.pods.eq).length === 0 && p.pods.ne.length === 0) return { namespaces: selector(p.ns) };
  return { pods: { namespaceSelector: selector(p.ns), podSelector: selector(p.pods) } };
}

/** ClusterNetworkPolicy `protocols` (undefined: every port); named ports match any protocol, so a deny on them denies more, never less. */
export function cnpProtocols(ports: PortSpec): Record<string, unknown>[] | undefined {
  if (ports.conns.isAll() && ports.named.length === 0) return undefined;
  return [
    ...ports.conns
      .intervals()
      .map((i) => ({ [i.protocol.toLowerCase()]: { destinationPort: i.to > i.from ? { range: { start: i.from, end: i.to } } : { number: i.from } } })),
    ...[...new Set(ports.named.map((n) => n.name))].map((name) => ({ destinationNamedPort: name })),
  ];
}
