import { parseCidr, type Cidr } from "@rampart/core";
import type { Protocol } from "./conn-set.js";
import type { LabelSelector } from "./selectors.js";

/** A namespace and its labels (`kubernetes.io/metadata.name` is implied). */
export interface Namespace {
  name: string;
  labels: Record<string, string>;
}

/** A container port a pod declares (named ports resolve against these). */
export interface PodPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

/** A pod (or one representative pod of a workload). */
export interface Pod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: PodPort[];
  /** Display name, e.g. `ns/name[Deployment]`. */
  display?: string;
}

/** A port of a rule: a number, a range (`endPort`), a named port, or every port of a protocol. */
export interface RulePort {
  protocol: Protocol;
  port?: number | string;
  endPort?: number;
  /** A named port of an admin-tier policy: matches the container port of that name whatever its protocol. */
  anyProtocol?: boolean;
}

/** A NetworkPolicy peer. */
export interface NpPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: Cidr; except: Cidr[] };
}

/** A NetworkPolicy rule: peers (undefined: everyone) and ports (undefined: all). */
export interface NpRule {
  peers: NpPeer[] | undefined;
  ports: RulePort[] | undefined;
}

/** A `networking.k8s.io/v1` NetworkPolicy. */
export interface NetworkPolicyModel {
  kind: "NetworkPolicy";
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  ingressIsolated: boolean;
  egressIsolated: boolean;
  ingress: NpRule[];
  egress: NpRule[];
}

/** A peer of an admin-tier rule. */
export type AdminPeer =
  { namespaces: LabelSelector } | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } } | { networks: Cidr[] } | { nodes: LabelSelector };

/** An admin-tier rule (AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy). */
export interface AdminRule {
  name: string;
  action: "allow" | "deny" | "pass";
  peers: AdminPeer[];
  ports: RulePort[] | undefined;
}

/** AdminNetworkPolicy / ClusterNetworkPolicy (tier Admin) or their Baseline counterparts. */
export interface AdminPolicyModel {
  kind: "AdminNetworkPolicy" | "BaselineAdminNetworkPolicy" | "ClusterNetworkPolicy";
  tier: "admin" | "baseline";
  name: string;
  priority: number;
  subject: { namespaces: LabelSelector } | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } };
  ingress: AdminRule[];
  egress: AdminRule[];
}

/** Any policy the connectivity engine understands. */
export type PolicyModel = NetworkPolicyModel | AdminPolicyModel;

/** Parses a CIDR that an object carries (already validated by the API server or by rampart). */
export function cidrOf(text: string): Cidr {
  const c = parseCidr(text);
  if ("error" in c) throw new Error(c.error);
  return c;
}
