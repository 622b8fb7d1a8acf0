// Public API of @rampart/pipeline. Curated: add each export deliberately.

// --- semantic diff (issue 15) ---
/** The semantic diff of two policy versions: access, traffic and workload decisions that change. */
export { hasNewAccess, semanticDiff } from "./diff/semantic-diff.js";
export type { SemanticDiffOptions } from "./diff/semantic-diff.js";
/** The access part alone, for one cluster. */
export { diffAccess } from "./diff/access-diff.js";
export type { AccessSide } from "./diff/access-diff.js";
/** The traffic part alone. */
export { diffTraffic } from "./diff/traffic-diff.js";
export type { ExternalEndpoint, TrafficDiffOptions } from "./diff/traffic-diff.js";
/** The workload part alone. */
export { diffWorkloads } from "./diff/workload-diff.js";
export type { ManifestInput } from "./diff/workload-diff.js";
/** The base version from a git ref or a directory, loaded as `build` loads. */
export { loadBase } from "./diff/base-source.js";
export type { BaseOptions, LoadedBase } from "./diff/base-source.js";
/** Text, JSON and pull-request markdown renderings. */
export { formatDiffJson, formatDiffMarkdown, formatDiffText } from "./diff/format.js";
/** SPEC's coverage rule of a listed class (with its `except` lists). */
export { accessChangeCovers } from "./diff/coverage.js";
export type { AccessChange, ClusterDiff, DiffSummary, ExampleRequest, RuleRef, SemanticDiff, TrafficChange, WorkloadChange } from "./diff/types.js";
