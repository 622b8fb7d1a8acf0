// The one resolveCluster lives in core; the pipeline re-exports it for its callers and users.
export { resolveCluster } from "@rampart/core";
export type { ClusterChoice, ResolveClusterOptions } from "@rampart/core";
