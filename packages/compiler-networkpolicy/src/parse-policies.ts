import type { Protocol } from "./conn-set.js";
import { cidrOf, type AdminPeer, type AdminPolicyModel, type AdminRule, type NpPeer, type NpRule, type PolicyModel, type RulePort } from "./model.js";
import type { LabelSelector } from "./selectors.js";

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const proto = (v: unknown): Protocol => (v === "UDP" || v === "SCTP" ? v : "TCP");

function npPorts(v: unknown): RulePort[] | undefined {
  const ports = arr(v);
  if (ports.length === 0) return undefined;
  return ports.map((p) => {
    const out: RulePort = { protocol: proto(p.protocol) };
    if (p.port !== undefined) out.port = p.port as number | string;
    if (typeof p.endPort === "number") out.endPort = p.endPort;
    return out;
  });
}

function npRules(v: unknown, key: "from" | "to"): NpRule[] {
  return arr(v).map((r) => ({
    // An omitted or empty peer list matches every peer.
    peers:
      arr(r[key]).length === 0
        ? undefined
        : arr(r[key]).map((p): NpPeer => {
            const peer: NpPeer = {};
            if (p.podSelector) peer.podSelector = p.podSelector as LabelSelector;
            if (p.namespaceSelector) peer.namespaceSelector = p.namespaceSelector as LabelSelector;
            if (p.ipBlock) {
              const b = p.ipBlock as { cidr: string; except?: string[] };
              peer.ipBlock = { cidr: cidrOf(b.cidr), except: (b.except ?? []).map(cidrOf) };
            }
            return peer;
          }),
    ports: npPorts(r.ports),
  }));
}

function adminPorts(rule: Obj): RulePort[] | undefined {
  if (Array.isArray(rule.ports)) {
    return arr(rule.ports).map((p) => {
      if (p.portNumber) {
        const n = p.portNumber as { protocol?: string; port: number };
        return { protocol: proto(n.protocol), port: n.port };
      }
      if (p.portRange) {
        const r = p.portRange as { protocol?: string; start: number; end: number };
        return { protocol: proto(r.protocol), port: r.start, endPort: r.end };
      }
      return { protocol: "TCP", port: String(p.namedPort), anyProtocol: true };
    });
  }
  if (Array.isArray(rule.protocols)) {
    return arr(rule.protocols).flatMap((p): RulePort[] => {
      if (typeof p.destinationNamedPort === "string") return [{ protocol: "TCP", port: p.destinationNamedPort, anyProtocol: true }];
      for (const key of ["tcp", "udp", "sctp"] as const) {
        const spec = p[key] as { destinationPort?: { number?: number; range?: { start: number; end: number } } } | undefined;
        if (!spec) continue;
        const protocol = key.toUpperCase() as Protocol;
        const d = spec.destinationPort;
        if (!d) return [{ protocol }];
        if (d.range) return [{ protocol, port: d.range.start, endPort: d.range.end }];
        return [{ protocol, port: d.number! }];
      }
      return [];
    });
  }
  return undefined;
}

function adminPeers(v: unknown): AdminPeer[] {
  return arr(v).flatMap((p): AdminPeer[] => {
    if (p.namespaces) return [{ namespaces: p.namespaces as LabelSelector }];
    if (p.pods) return [{ pods: p.pods as { namespaceSelector: LabelSelector; podSelector: LabelSelector } }];
    if (p.networks) return [{ networks: (p.networks as string[]).map(cidrOf) }];
    if (p.nodes) return [{ nodes: p.nodes as LabelSelector }];
    return [];
  });
}

function adminRules(v: unknown, key: "from" | "to"): AdminRule[] {
  return arr(v).map((r, i) => ({
    name: String(r.name ?? `rule-${i}`),
    action: String(r.action).toLowerCase() === "deny" ? "deny" : String(r.action).toLowerCase() === "pass" ? "pass" : "allow",
    peers: adminPeers(r[key]),
    ports: adminPorts(r),
  }));
}

/**
 * Reads NetworkPolicies (networking.k8s.io/v1), AdminNetworkPolicies and
 * BaselineAdminNetworkPolicies (policy.networking.k8s.io/v1alpha1) and ClusterNetworkPolicies
 * (v1alpha2) into the engine's model; other objects are ignored.
 */
export function parsePolicies(objects: readonly Obj[]): PolicyModel[] {
  const out: PolicyModel[] = [];
  for (const o of objects) {
    const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
    const spec = (o.spec ?? {}) as Obj;
    if (o.kind === "NetworkPolicy") {
      const types = Array.isArray(spec.policyTypes) ? (spec.policyTypes as string[]) : ["Ingress", ...(arr(spec.egress).length > 0 ? ["Egress"] : [])];
      out.push({
        kind: "NetworkPolicy",
        name: meta.name ?? "",
        namespace: meta.namespace ?? "default",
        podSelector: (spec.podSelector ?? {}) as LabelSelector,
        ingressIsolated: types.includes("Ingress"),
        egressIsolated: types.includes("Egress"),
        ingress: npRules(spec.ingress, "from"),
        egress: npRules(spec.egress, "to"),
      });
    } else if (o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy") {
      const tier = o.kind === "BaselineAdminNetworkPolicy" || spec.tier === "Baseline" ? "baseline" : "admin";
      const model: AdminPolicyModel = {
        kind: o.kind,
        tier,
        name: meta.name ?? "",
        priority: typeof spec.priority === "number" ? spec.priority : 0,
        subject: (spec.subject ?? { namespaces: {} }) as AdminPolicyModel["subject"],
        ingress: adminRules(spec.ingress, "from"),
        egress: adminRules(spec.egress, "to"),
      };
      out.push(model);
    }
  }
  return out;
}
