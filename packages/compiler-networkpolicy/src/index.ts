// Public API of @rampart/compiler-networkpolicy.
/** Compiles TrafficPolicies into NetworkPolicies (and Admin-tier ClusterNetworkPolicies with `networkBackend: "cnp"`). */
export { compileNetwork } from "./compile.js";
export type { CompileNetworkOptions, CompileNetworkResult, NetworkInventory, NetworkObject, NetworkRuleReport } from "./compile.js";
/** The allowed flows between pods (and given external addresses) under NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects. */
export { connectivity, ConnectivityEngine } from "./connectivity.js";
export type { ConnectivityInput, Endpoint, Flow } from "./endpoint.js";
/** A set of connections (protocol × port intervals), printed like netpol-analyzer. */
export { ConnSet } from "./conn-set.js";
export type { Protocol } from "./conn-set.js";
/** Reads Kubernetes network policy objects into the connectivity engine's model. */
export { parsePolicies } from "./parse-policies.js";
export type { AdminPolicyModel, Namespace, NetworkPolicyModel, Pod, PodPort, PolicyModel, RulePort } from "./model.js";
/** Parses a TrafficPolicy `ports` entry (`8080/TCP`, `9000-9100`, `http`). */
export { parsePort } from "./traffic-semantics.js";
export type { FlowPort, TrafficPort } from "./traffic-semantics.js";
/** Proves compiled objects admit no flow the TrafficPolicies deny, and every flow they allow unless reported. */
export { verifyNetwork } from "./verify.js";
export type { FlowMismatch, NetworkWorkloads, VerifyNetworkOptions, VerifyNetworkResult } from "./verify.js";
/** Namespaces and pods (one per workload) from Kubernetes manifests, and the inventory they make for a compile. */
export { workloadInventory, workloadsFromManifests } from "./workloads.js";
/** The cloud metadata endpoints, and the one-line deny rule that blocks them: `deny: [METADATA_DENY]`. */
export { METADATA_CIDRS, METADATA_DENY } from "./metadata.js";
/** The build report of `compileNetwork`. */
export type { NetworkReport } from "./compile.js";
