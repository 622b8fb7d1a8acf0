import type { AuditRecord } from "./audit-event.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Bucket = Mutable<AuditRecord>[];

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRequest(t: AuditRecord, r: AuditRecord): boolean {
  return (
    t.verb === r.verb &&
    t.outcome === r.outcome &&
    t.resource === r.resource &&
    t.name === r.name &&
    t.apiGroup === r.apiGroup &&
    t.subresource === r.subresource &&
    t.nonResourceURL === r.nonResourceURL &&
    sameGroups(t.groups, r.groups)
  );
}

/**
 * Identical requests (subject, request, outcome) tallied into one record each: first and last
 * time, count. Records are found through maps keyed by the fields that vary most (the object —
 * its name, else its resource or URL —, the namespace, the user) and compared field by field in
 * the small bucket left: no composite key string is built per event.
 */
export class RequestTally {
  private readonly index = new Map<string, Map<string, Map<string, Bucket>>>();
  private readonly order: Mutable<AuditRecord>[] = [];
  // Users and group lists repeat across requests: a tallied record shares one copy of each.
  private readonly users = new Map<string, string>();
  private readonly groupLists = new Map<string, readonly string[]>();

  /** Adds one record (or a tally of them); the first record of a request becomes its tally, so it must not be shared. */
  add(r: AuditRecord): void {
    const object = r.name !== "" ? r.name : r.resource !== "" ? r.resource : r.nonResourceURL;
    let byNamespace = this.index.get(object);
    if (byNamespace === undefined) this.index.set(object, (byNamespace = new Map()));
    let byUser = byNamespace.get(r.namespace);
    if (byUser === undefined) byNamespace.set(r.namespace, (byUser = new Map()));
    let bucket = byUser.get(r.user);
    if (bucket === undefined) byUser.set(this.user(r.user), (bucket = []));
    for (const t of bucket) {
      if (!sameRequest(t, r)) continue;
      t.count += r.count;
      if (r.time < t.time) t.time = r.time;
      if (r.lastTime > t.lastTime) t.lastTime = r.lastTime;
      return;
    }
    const t = r as Mutable<AuditRecord>;
    t.user = this.user(r.user);
    const groups = JSON.stringify(r.groups);
    t.groups = this.groupLists.get(groups) ?? (this.groupLists.set(groups, r.groups), r.groups);
    bucket.push(t);
    this.order.push(t);
  }

  private user(name: string): string {
    const shared = this.users.get(name);
    if (shared !== undefined) return shared;
    this.users.set(name, name);
    return name;
  }

  /** The tallied records, in first-seen order. */
  records(): AuditRecord[] {
    return [...this.order];
  }
}
