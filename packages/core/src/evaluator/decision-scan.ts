// The scan of one decision over a cluster's subject index: state reset per request, no allocation.
import { SERVICE_ACCOUNT_USER_PREFIX as SA_USER_PREFIX } from "../compiler/service-accounts.js";
import { Interner, Namespaced } from "./interner.js";
import type { SubjectIndex } from "./rule-index.js";
import { RuleFlag, type RuleTable } from "./rule-table.js";
import { Rec } from "./subject-buckets.js";
import { lengthBit, matchGlobList } from "./glob-code.js";
import type { AccessRequest } from "./types.js";

/** Groups of a request whose buckets are looked up before any is scanned (the rest: one by one). */
const BATCHED_GROUPS = 32;

/** Scope of a request's resource: decides how namespace restrictions apply. */
const Scope = {
  /** A namespaced resource in one namespace. */
  Namespace: 0,
  /** A namespaced resource across all namespaces (empty namespace). */
  AllNamespaces: 1,
  /** A cluster-scoped resource. */
  Cluster: 2,
  /** A resource the inventory does not know, with an empty namespace: allows treat it as cluster-scoped, denies as namespaced. */
  Unknown: 3,
} as const;
type Scope = (typeof Scope)[keyof typeof Scope];

/** Room for the bucket offsets of one request (see `DecisionScan.lookUp`). */
export const SUBJECT_ROOM = BATCHED_GROUPS + 3;

/** Appends bucket `at` (if any) to `out` at `n`; returns the new count. */
function push(out: Int32Array, n: number, at: number | undefined): number {
  if (at === undefined || at < 0) return n;
  out[n] = at;
  return n + 1;
}

/** True when rule `id` covers verb `verbId`, which is not in the bit mask (-1: a verb no rule names; ≥ 31). */
function hasOtherVerb(table: RuleTable, id: number, f: number, verbId: number): boolean {
  if ((f & RuleFlag.AnyVerb) !== 0) return true;
  if (verbId < 0) return false;
  const extra = table.extraVerbs[id];
  return extra !== undefined && extra.has(verbId);
}

/**
 * True when the rule of record `r` applies to the request. Allow rules restricted by names or
 * namespaces do not apply to collections or all-namespace requests; deny rules do (a deny must
 * not be bypassed by listing). Globs are tested only after the cheaper conditions pass.
 */
function ruleApplies(index: SubjectIndex, r: number, f: number, scope: Scope, namespace: string, name: string, nonResourceURL: string): boolean {
  const code = index.buckets;
  if ((f & RuleFlag.Urls) !== 0) return nonResourceURL !== "" && matchGlobList(code, index.globPatterns, code[r + Rec.GlobsA]!, nonResourceURL);
  const deny = (f & RuleFlag.Deny) !== 0;
  if ((f & RuleFlag.Namespaces) !== 0) {
    if (scope === Scope.Cluster || (scope === Scope.Unknown && !deny)) return false;
    if (scope === Scope.Namespace) {
      if ((f & RuleFlag.AnyNamespace) === 0) {
        // The lengths the namespace globs can match, in the record: most other namespaces stop here.
        if (((f >>> Rec.LengthShift) & lengthBit(namespace.length)) === 0) return false;
        if (!matchGlobList(code, index.globPatterns, code[r + Rec.GlobsA]!, namespace)) return false;
      }
    } else if (!deny && (f & RuleFlag.AnyNamespace) === 0) {
      return false;
    }
  }
  if ((f & RuleFlag.Names) === 0) return true;
  if (name === "") return deny;
  return matchGlobList(code, index.globPatterns, code[r + Rec.GlobsB]!, name);
}

/**
 * The scan state of a decision (decisions are synchronous; one scan per evaluator). Rule ids are in
 * policy order, so the first applicable deny/allow is the smallest id (-1: none). Fields instead of
 * closure variables: the hot path allocates nothing per decision.
 */
export class DecisionScan {
  bestAllow = -1;
  bestDeny = -1;
  /** With `explain`: every applicable rule id, and no rule is skipped. */
  collect: number[] | undefined;
  private scope: Scope = Scope.Namespace;
  private ns = "";
  private nm = "";
  private url = "";
  private time = 0;
  private verbId = -1;
  /** Pattern ids of the request: everything, exact, `*` resource, `*` subresource, both (-1: none). */
  private readonly patterns = [-1, -1, -1, -1, -1];
  /** Bucket offsets of the request's subjects: user, groups, implied ServiceAccount groups. */
  private readonly buckets = new Int32Array(SUBJECT_ROOM);
  /** The first ints of the last request's buckets, combined (read to fetch them early; never used). */
  touched = 0;

  constructor(private readonly now: () => number) {}

  /** Scans the request's buckets in `index`; the decision is then in `bestDeny`/`bestAllow`. */
  scan(index: SubjectIndex, request: AccessRequest): void {
    this.scanFound(index, request, this.buckets, 0, this.lookUp(index, request, this.buckets, 0));
  }

  /**
   * Writes the bucket offsets of the request's subjects (user, groups, implied ServiceAccount groups;
   * at most `SUBJECT_ROOM`) to `out` from `base` and returns their count. The first int of each is
   * read: the CPU fetches those cache lines while its caller goes on (`decideMany` looks up several
   * requests before it scans any, so that their cache misses overlap).
   */
  lookUp(index: SubjectIndex, request: AccessRequest, out: Int32Array, base: number): number {
    const user = request.user ?? "";
    let n = base;
    const named = index.named;
    if (user !== "" && named.mayHave(user)) n = push(out, n, index.users.get(user));
    const groups = request.groups;
    const firstGroups = groups === undefined ? 0 : Math.min(groups.length, BATCHED_GROUPS);
    for (let i = 0; i < firstGroups; i++) {
      const group = groups![i]!;
      if (named.mayHave(group)) n = push(out, n, index.groups.get(group));
    }
    // Only a well-formed `system:serviceaccount:<ns>:<name>` (both parts non-empty, no further `:`,
    // as Kubernetes' serviceaccount.SplitUsername) is a ServiceAccount with the implied groups.
    if (user.startsWith(SA_USER_PREFIX)) {
      const start = SA_USER_PREFIX.length;
      const end = user.indexOf(":", start);
      if (end > start && end < user.length - 1 && user.indexOf(":", end + 1) < 0) {
        n = push(out, n, index.allServiceAccounts);
        if (index.saNamespaces.size > 0) n = push(out, n, index.saNamespaces.get(user.slice(start, end)));
      }
    }
    const code = index.buckets;
    let touched = 0;
    for (let i = base; i < n; i++) touched ^= code[out[i]!]!;
    this.touched = touched;
    return n - base;
  }

  /** Scans the `n` buckets found by `lookUp` at `base` of `buckets`; the decision is then in `bestDeny`/`bestAllow`. */
  scanFound(index: SubjectIndex, request: AccessRequest, buckets: Int32Array, base: number, n: number): void {
    this.ns = request.namespace ?? "";
    this.nm = request.name ?? "";
    this.url = request.nonResourceURL ?? "";
    this.time = 0;
    this.bestAllow = -1;
    this.bestDeny = -1;
    this.prepare(index.interner, request.verb, request.apiGroup ?? "", request.resource ?? "", request.subresource ?? "");
    for (let i = base; i < base + n; i++) this.scanBucket(index, buckets[i]!);
    const groups = request.groups;
    if (groups !== undefined && groups.length > BATCHED_GROUPS) this.scanManyGroups(index, groups);
  }

  /** The groups beyond the room of `buckets` (a request with very many groups), scanned one by one. */
  private scanManyGroups(index: SubjectIndex, groups: readonly string[]): void {
    for (let i = BATCHED_GROUPS; i < groups.length; i++) {
      const at = index.named.mayHave(groups[i]!) ? index.groups.get(groups[i]!) : undefined;
      if (at !== undefined) this.scanBucket(index, at);
    }
  }

  /** Sets `scope`, `verbId` and `patterns` for the request: a handful of map lookups, no allocation. */
  private prepare(interner: Interner, verb: string, group: string, resource: string, sub: string): void {
    const patterns = this.patterns;
    this.verbId = interner.verb(verb);
    if (this.url !== "") {
      patterns[0] = Interner.NON_RESOURCE;
      patterns[1] = patterns[2] = patterns[3] = patterns[4] = -1;
      return;
    }
    const g = interner.groups.get(group);
    // A resource literally named `*` is not a resource: only the patterns with `*` cover it.
    const exact = g === undefined || resource === "*" ? undefined : g.resources.get(resource);
    const star = g?.star;
    const flag = exact === undefined ? Namespaced.Unknown : exact.namespaced;
    this.scope = flag === Namespaced.No ? Scope.Cluster : this.ns !== "" ? Scope.Namespace : flag === Namespaced.Yes ? Scope.AllNamespaces : Scope.Unknown;
    patterns[0] = interner.everythingUsed ? Interner.EVERYTHING : -1;
    if (sub === "") {
      patterns[1] = exact === undefined ? -1 : exact.main;
      patterns[2] = star === undefined ? -1 : star.main;
      patterns[3] = patterns[4] = -1;
    } else {
      patterns[1] = exact?.subs.get(sub) ?? -1;
      patterns[2] = star?.subs.get(sub) ?? -1;
      patterns[3] = exact === undefined ? -1 : exact.anySub;
      patterns[4] = star === undefined ? -1 : star.anySub;
    }
  }

  /** Scans bucket `at` under the request's patterns (its directory lists its patterns ascending). */
  private scanBucket(index: SubjectIndex, at: number): void {
    const code = index.buckets;
    const end = at + 1 + 2 * code[at]!;
    for (let k = 0; k < 5; k++) {
      const p = this.patterns[k]!;
      if (p < 0) continue;
      for (let j = at + 1; j < end; j += 2) {
        const q = code[j]!;
        if (q < p) continue;
        if (q === p) this.scanList(index, code[j + 1]!);
        break;
      }
    }
  }

  /** Scans the rule list at `at` (records in ascending id), keeping the first applicable deny and allow (fields read once into locals: hot loop). */
  private scanList(index: SubjectIndex, at: number): void {
    const code = index.buckets;
    const table = index.table;
    const { verbId, collect, scope, ns, nm, url } = this;
    const maskable = verbId >= 0 && verbId < 31;
    let bestDeny = this.bestDeny;
    let bestAllow = this.bestAllow;
    for (let r = at + 1, end = code[at]!; r < end; r += Rec.Size) {
      const id = code[r + Rec.Id]!;
      // Ids ascend: once a deny at or before `id` is found, no later rule changes the decision or its first rule.
      if (collect === undefined && bestDeny >= 0 && bestDeny <= id) break;
      const f = code[r + Rec.Flags]!;
      if (maskable ? ((code[r + Rec.Mask]! >>> verbId) & 1) === 0 : !hasOtherVerb(table, id, f, verbId)) continue;
      const deny = (f & RuleFlag.Deny) !== 0;
      // An allow cannot change the decision once a deny is found, nor its first rule after an earlier allow.
      if (collect === undefined && !deny && (bestDeny >= 0 || (bestAllow >= 0 && bestAllow <= id))) continue;
      if ((f & RuleFlag.Expires) !== 0 && (this.time === 0 ? (this.time = this.now()) : this.time) >= table.expires[id]!) continue;
      if (!ruleApplies(index, r, f, scope, ns, nm, url)) continue;
      if (collect !== undefined) collect.push(id);
      if (deny) {
        if (bestDeny < 0 || id < bestDeny) bestDeny = id;
      } else if (bestAllow < 0 || id < bestAllow) {
        bestAllow = id;
      }
    }
    this.bestDeny = bestDeny;
    this.bestAllow = bestAllow;
  }
}
