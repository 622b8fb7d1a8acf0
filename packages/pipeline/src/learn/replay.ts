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
  /** Disagreements, first 100 distinct requests. */
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
  return { user: r.user, groups: r.groups, verb: r.verb, apiGroup: r.apiGroup, resource: r.resource, subresource: r.subresource, namespace: r.namespace, name: r.name, nonResourceURL: r.nonResourceURL };
}

const SEP = "\u0000";
function rbacKey(r: AuditRecord): string {
  return [r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, nameScoped(r) ? r.name : "", r.nonResourceURL].join(SEP);
}

/** Replays every allowed and forbidden event of the log against the learned policies with `createEvaluator`. */
export function replayAudit(records: readonly AuditRecord[], documents: readonly RampartDocument[], policies: readonly LearnedPolicy[], options: ReplayOptions = {}): ReplayResult {
  const evaluator = createEvaluator(documents, { now: options.now ?? new Date(), ...(options.inventory ? { inventory: options.inventory } : {}) });
  const byGroup = options.byGroup ?? [];
  const keptBy = new Set<string>();
  for (const r of records) if (r.outcome === "allowed") keptBy.add(subjectKey(subjectOf(r.user, r.groups, byGroup)) + SEP + rbacKey(r));
  // Many events repeat one request: decide each distinct request once.
  const decided = new Map<string, { allowed: boolean; failure?: ReplayFailure }>();
  const failures: ReplayFailure[] = [];
  let kept = 0;
  let keptAllowed = 0;
  let forbidden = 0;
  let forbiddenDenied = 0;
  let forbiddenSuperseded = 0;
  for (const r of records) {
    if (r.outcome !== "allowed" && r.outcome !== "forbidden") continue;
    const key = [r.outcome, r.user, r.groups.join(","), r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, r.name, r.nonResourceURL].join(SEP);
    let d = decided.get(key);
    if (d === undefined) {
      d = { allowed: evaluator.decide(accessRequest(r)).decision === "allow" };
      decided.set(key, d);
      const superseded = r.outcome === "forbidden" && d.allowed && policies.some((p) => subjectMatches(p.subject, r.user, r.groups) && keptBy.has(subjectKey(p.subject) + SEP + rbacKey(r)));
      if (!superseded && d.allowed !== (r.outcome === "allowed")) {
        d.failure = { expected: r.outcome === "allowed" ? "allow" : "deny", request: accessRequest(r), count: 0 };
        if (failures.length < 100) failures.push(d.failure);
      }
    }
    if (d.failure) d.failure.count++;
    if (r.outcome === "allowed") {
      kept++;
      if (d.allowed) keptAllowed++;
    } else {
      forbidden++;
      if (!d.allowed) forbiddenDenied++;
      else if (!d.failure) forbiddenSuperseded++;
    }
  }
  return { kept, keptAllowed, forbidden, forbiddenDenied, forbiddenSuperseded, failures, exact: keptAllowed === kept && forbiddenDenied + forbiddenSuperseded === forbidden };
}
