// Public API of @rampart/pipeline. Curated: add each export deliberately.

// --- learn: least-privilege AccessPolicies from audit logs ---
/** Reads audit logs, learns AccessPolicies, proves them by replay and measures the RBAC gap. */
export { learnFromAuditLogs, writeLearnedFiles } from "./learn/learn.js";
/** Options, counts and result of `learnFromAuditLogs`. */
export type { LearnOptions, LearnResult, LearnSummary } from "./learn/learn.js";
/** Streams audit logs (`.jsonl`, `.gz`, `-`) into de-duplicated request records. */
export { readAuditLog } from "./learn/read-audit-log.js";
/** Options and result of `readAuditLog`. */
export type { AuditLog, ReadAuditOptions } from "./learn/read-audit-log.js";
/** Parses one audit log line. */
export { parseAuditLine } from "./learn/audit-event.js";
/** One request of an audit log and its outcome. */
export type { AuditRecord, Outcome, ParsedLine } from "./learn/audit-event.js";
/** Learns one AccessPolicy per subject from audit records. */
export { learnPolicies } from "./learn/learn-rules.js";
/** A learned policy and rule, and the options of `learnPolicies`. */
export type { LearnedPolicy, LearnedRule, LearnPoliciesOptions } from "./learn/learn-rules.js";
/** Merges generated object names into globs when every name fits. */
export { inferNames } from "./learn/generated-names.js";
/** Emits learned policies as documents, YAML or TypeScript. */
export { policyDocument, policyTypeScript, policyYaml } from "./learn/emit-policies.js";
/** A file to write. */
export type { OutputFile } from "./learn/emit-policies.js";
/** Replays audit records against learned policies with the evaluator. */
export { accessRequest, replayAudit } from "./learn/replay.js";
/** Result and failures of `replayAudit`. */
export type { ReplayFailure, ReplayOptions, ReplayResult } from "./learn/replay.js";
/** The least-privilege gap: current RBAC grants the log never used. */
export { rbacGap } from "./learn/rbac-gap.js";
/** A subject's gap and its unused grants. */
export type { SubjectGap, UnusedGrant } from "./learn/rbac-gap.js";
/** The subject a request is learned for. */
export type { LearnedSubject } from "./learn/subjects.js";
/** The text summary `rampart learn` prints. */
export { formatLearnSummary } from "./learn/format-summary.js";
