// The scan of one decision over a cluster's subject index: state reset per request, no allocation.
import { SERVICE_ACCOUNT_USER_PREFIX as SA_USER_PREFIX } from "../compiler/service-accounts.js";
import { matchFlat } from "./flat-globs.js";
import { Interner, Namespaced, RuleFlag, type SubjectIndex } from "./rule-index.js";
import type { AccessRequest } from "./types.js";

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

/** True when rule `id` covers a verb whose id is not in the bit mask (-1: a verb no rule names; ≥ 31). */
function hasOtherVerb(index: SubjectIndex, id: number, f: number, verbId: number): boolean {
  if ((f & RuleFlag.AnyVerb) !== 0) return true;
  if (verbId < 0) return false;
  const extra = index.extraVerbs[id];
  return extra !== undefined && extra.has(verbId);
}

/**
 * True when rule `id` applies to the request. Allow rules restricted by names or namespaces do
 * not apply to collections or all-namespace requests; deny rules do (a deny must not be
 * bypassed by listing). Flags come from a typed array; the rule object is read only for globs.
 */
function ruleApplies(index: SubjectIndex, id: number, f: number, scope: Scope, namespace: string, name: string, nonResourceURL: string): boolean {
  if ((f & RuleFlag.Urls) !== 0) return nonResourceURL !== "" && index.rules[id]!.urls!(nonResourceURL);
  const deny = (f & RuleFlag.Deny) !== 0;
  if ((f & RuleFlag.Namespaces) !== 0) {
    if (scope === Scope.Cluster || (scope === Scope.Unknown && !deny)) return false;
    if (scope === Scope.Namespace) {
      if ((f & RuleFlag.AnyNamespace) === 0) {
        const r = index.rules[id]!;
        if (!matchFlat(r.nsKind, r.nsA, r.nsB, r.nsOther, namespace)) return false;
      }
    } else if (!deny && (f & RuleFlag.AnyNamespace) === 0) {
      return false;
    }
  }
  if ((f & RuleFlag.Names) === 0) return true;
  if (name === "") return deny;
  const r = index.rules[id]!;
  return matchFlat(r.nmKind, r.nmA, r.nmB, r.nmOther, name);
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

  constructor(private readonly now: () => number) {}

  /** Scans the request's buckets in `index`; the decision is then in `bestDeny`/`bestAllow`. */
  scan(index: SubjectIndex, request: AccessRequest): void {
    const user = request.user ?? "";
    this.ns = request.namespace ?? "";
    this.nm = request.name ?? "";
    this.url = request.nonResourceURL ?? "";
    this.time = 0;
    this.bestAllow = -1;
    this.bestDeny = -1;
    this.prepare(index.interner, request.verb, request.apiGroup ?? "", request.resource ?? "", request.subresource ?? "");
    if (user !== "") this.scanBucket(index, index.users.get(user));
    const groups = request.groups;
    if (groups !== undefined) for (let i = 0; i < groups.length; i++) this.scanBucket(index, index.groups.get(groups[i]!));
    // Only a well-formed `system:serviceaccount:<ns>:<name>` (both parts non-empty, no further `:`,
    // as Kubernetes' serviceaccount.SplitUsername) is a ServiceAccount with the implied groups.
    if (user.startsWith(SA_USER_PREFIX)) {
      const start = SA_USER_PREFIX.length;
      const end = user.indexOf(":", start);
      if (end > start && end < user.length - 1 && user.indexOf(":", end + 1) < 0) {
        this.scanBucket(index, index.allServiceAccounts);
        if (index.saNamespaces.size > 0) this.scanBucket(index, index.saNamespaces.get(user.slice(start, end)));
      }
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

  /** Scans the rules of bucket `at` under the request's patterns (a bucket lists its patterns ascending). */
  private scanBucket(index: SubjectIndex, at: number | undefined): void {
    if (at === undefined || at < 0) return;
    const h = index.buckets;
    const end = at + 1 + 3 * h[at]!;
    for (let k = 0; k < 5; k++) {
      const p = this.patterns[k]!;
      if (p < 0) continue;
      for (let j = at + 1; j < end; j += 3) {
        const q = h[j]!;
        if (q < p) continue;
        if (q === p) this.scanRange(index, h[j + 1]!, h[j + 2]!);
        break;
      }
    }
  }

  /** Scans rule ids `from`..`to` of the index, keeping the first applicable deny and allow (fields read once into locals: hot loop). */
  private scanRange(index: SubjectIndex, from: number, to: number): void {
    const ids = index.ruleIds;
    const flags = index.flags;
    const masks = index.verbMasks;
    const { verbId, collect, scope, ns, nm, url } = this;
    let bestDeny = this.bestDeny;
    let bestAllow = this.bestAllow;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const f = flags[id]!;
      if (verbId >= 0 && verbId < 31 ? ((masks[id]! >>> verbId) & 1) === 0 : !hasOtherVerb(index, id, f, verbId)) continue;
      const deny = (f & RuleFlag.Deny) !== 0;
      if (collect === undefined) {
        // A rule that cannot change the decision or its first matched rule is skipped.
        if (deny ? bestDeny >= 0 && bestDeny <= id : bestDeny >= 0 || (bestAllow >= 0 && bestAllow <= id)) continue;
      }
      if ((f & RuleFlag.Expires) !== 0 && (this.time === 0 ? (this.time = this.now()) : this.time) >= index.expires[id]!) continue;
      if (!ruleApplies(index, id, f, scope, ns, nm, url)) continue;
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
