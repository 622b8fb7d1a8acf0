import { createEvaluator, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";
import type { AuditRecord } from "./audit-event.js";
import { nameScoped, type LearnedPolicy } from "./learn-rules.js";
import { subjectKey, subjectMatches, subjectOf } from "./subjects.js";

/** A replayed request whose decision disagrees with the log. */
export interface ReplayFailure {
  expected: "allow" | "deny";
  request: AccessRequest;
  /** Events of the log with this request. */
  count: number;
}

/** The replay proof: the learned policies decide every request of the log as the cluster did. */
export interface ReplayResult {
  /** Kept (allowed) events, and how many of them the learned policies allow. */
  kept: number;
  keptAllowed: number;
  /** Forbidden events, and how many stay denied. */
  forbidden: number;
  forbiddenDenied: number;
  /**
   * Forbidden events identical (as RBAC sees them: name only where RBAC can restrict it) to a
   * kept request of the same subject — the grant changed during the log. Allowing the kept one
   * must allow this one, so it is counted apart, not as a failure.
   */
  forbiddenSuperseded: number;
  /** Disagreements, the first 100 distinct requests. */
  failures: ReplayFailure[];
  /** True when every kept event is allowed and every forbidden one denied or superseded. */
  exact: boolean;
}

/** Options of `replayAudit`. */
export interface ReplayOptions {
  inventory?: Inventory;
  byGroup?: readonly string[];
  /** The evaluator's clock (default: now). */
  now?: Date;
}

/** The request of an audit record as the evaluator takes it. */
export function accessRequest(r: AuditRecord): AccessRequest {
  return {
    user: r.user,
    groups: r.groups,
    verb: r.verb,
    apiGroup: r.apiGroup,
    resource: r.resource,
    subresource: r.subresource,
    namespace: r.namespace,
    name: r.name,
    nonResourceURL: r.nonResourceURL,
  };
}

const SEP = "\u0000";
function rbacKey(r: AuditRecord): string {
  return [r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, nameScoped(r) ? r.name : "", r.nonResourceURL].join(SEP);
}

/** Replays every allowed and forbidden event of the log against the learned policies with `createEvaluator`. */
export function replayAudit(
  records: readonly AuditRecord[],
  documents: readonly RampartDocument[],
  policies: readonly LearnedPolicy[],
  options: ReplayOptions = {},
): ReplayResult {
  const evaluator = createEvaluator(documents, { now: options.now ?? new Date(), ...(options.inventory ? { inventory: options.inventory } : {}) });
  const byGroup = options.byGroup ?? [];
  // Built only when a forbidden request is allowed (rare): which subject was allowed which request.
  let keptBy: Set<string> | undefined;
  const wasKept = (key: string) => {
    if (keptBy === undefined) {
      keptBy = new Set();
      for (const r of records) if (r.outcome === "allowed") keptBy.add(subjectKey(subjectOf(r.user, r.groups, byGroup)) + SEP + rbacKey(r));
    }
    return keptBy.has(key);
  };
  const failures: ReplayFailure[] = [];
  let kept = 0;
  let keptAllowed = 0;
  let forbidden = 0;
  let forbiddenDenied = 0;
  let forbiddenSuperseded = 0;
  // Records are tallied (one per distinct request and outcome): each is decided once.
  for (const r of records) {
    if (r.outcome !== "allowed" && r.outcome !== "forbidden") continue;
    const allowed = evaluator.decide(accessRequest(r)).decision === "allow";
    let failed = false;
    if (r.outcome === "allowed") {
      kept += r.count;
      if (allowed) keptAllowed += r.count;
      else failed = true;
    } else {
      forbidden += r.count;
      if (!allowed) forbiddenDenied += r.count;
      else if (policies.some((p) => subjectMatches(p.subject, r.user, r.groups) && wasKept(subjectKey(p.subject) + SEP + rbacKey(r))))
        forbiddenSuperseded += r.count;
      else failed = true;
    }
    if (failed && failures.length < 100) failures.push({ expected: r.outcome === "allowed" ? "allow" : "deny", request: accessRequest(r), count: r.count });
  }
  return {
    kept,
    keptAllowed,
    forbidden,
    forbiddenDenied,
    forbiddenSuperseded,
    failures,
    exact: keptAllowed === kept && forbiddenDenied + forbiddenSuperseded === forbidden,
  };
}
