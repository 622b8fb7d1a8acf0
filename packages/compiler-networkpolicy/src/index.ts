// Public API of @rampart/compiler-networkpolicy.
export { ConnSet, PROTOCOLS } from "./conn-set.js";
export type { Protocol } from "./conn-set.js";
export { connectivity, ConnectivityEngine } from "./connectivity.js";
export type { ConnectivityInput, Endpoint, Flow } from "./connectivity.js";
export { parsePolicies } from "./parse-policies.js";
export type { AdminPolicyModel, Namespace, NetworkPolicyModel, Pod, PodPort, PolicyModel, RulePort } from "./model.js";
export { selects } from "./selectors.js";
export type { LabelSelector } from "./selectors.js";
export { compileNetwork, METADATA_CIDRS } from "./compile.js";
export type { CompileNetworkOptions, NetworkObject, NetworkRuleReport } from "./compile.js";
export { trafficDecider, parsePort } from "./traffic-semantics.js";
export type { FlowPort } from "./traffic-semantics.js";
export { verifyNetwork } from "./verify.js";
export type { NetworkWorkloads, VerifyNetworkResult } from "./verify.js";
export { workloadsFromManifests } from "./workloads.js";
