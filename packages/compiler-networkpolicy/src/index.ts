// Public API of @rampart/compiler-networkpolicy.
export { ConnSet, PROTOCOLS } from "./conn-set.js";
export type { Protocol } from "./conn-set.js";
export { connectivity, ConnectivityEngine } from "./connectivity.js";
export type { ConnectivityInput, Endpoint, Flow } from "./connectivity.js";
export { parsePolicies } from "./parse-policies.js";
export type { AdminPolicyModel, Namespace, NetworkPolicyModel, Pod, PodPort, PolicyModel, RulePort } from "./model.js";
export { selects } from "./selectors.js";
export type { LabelSelector } from "./selectors.js";
