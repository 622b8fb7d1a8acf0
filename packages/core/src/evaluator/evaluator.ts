import type { RampartDocument } from "../documents.js";
import { createInventory, type Inventory } from "../inventory/inventory.js";
import { normaliseAccess, normaliseClusters, selectorMatches, type AccessPolicyIR, type AccessRuleIR, type ClusterIR } from "../ir/access.js";
import { DEFAULT_DENY_REASON } from "./describe-rule.js";
import { matchFlat } from "./flat-globs.js";
import { buildSubjectIndex, Interner, Namespaced, RuleFlag, type SubjectIndex } from "./rule-index.js";
import type { AccessRequest, Decision, MatchedRule } from "./types.js";

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /** Cluster whose policies apply when a request names none (default: `default`, or the only Cluster). */
  cluster?: string;
  /** The evaluation time; a function is called per decision. Default: the current time at each decision. */
  now?: Date | number | (() => Date | number);
  /** Inventory telling namespaced from cluster-scoped resources (default: the built-in one). */
  inventory?: Inventory;
}

/** Decides access requests locally, with SPEC.md's semantics. */
export interface Evaluator {
  /** Decides one request. The result object is shared and frozen. */
  decide(request: AccessRequest): Decision;
  /** Every rule that applies to the request (deny and allow), in policy order, plus the decision. */
  explain(request: AccessRequest): Decision & { applicable: readonly MatchedRule[] };
  /** Names of the clusters the evaluator knows. */
  readonly clusters: readonly string[];
}

const DEFAULT_DENY: Decision = Object.freeze({ decision: "deny", matched: Object.freeze([]), reason: DEFAULT_DENY_REASON });

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

const SA_USER_PREFIX = "system:serviceaccount:";

/** True when rule `id` covers a verb whose id is not in the bit mask (-1: a verb no rule names; ≥ 31). */
function hasOtherVerb(index: SubjectIndex, id: number, f: number, verbId: number): boolean {
  if ((f & RuleFlag.AnyVerb) !== 0) return true;
  if (verbId < 0) return false;
  const extra = index.extraVerbs[id];
  return extra !== undefined && extra.has(verbId);
}

function millis(v: Date | number): number {
  return typeof v === "number" ? v : v.getTime();
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

/** Creates an evaluator over the AccessPolicies (and Clusters) of a document set. */
export function createEvaluator(documents: readonly RampartDocument[], options: EvaluatorOptions = {}): Evaluator {
  const policies = normaliseAccess(documents);
  const clusters = normaliseClusters(documents);
  const inventory = options.inventory ?? createInventory();
  const defaultCluster = options.cluster ?? (clusters.length === 1 ? clusters[0]!.name : "default");
  const fixedNow = options.now === undefined || typeof options.now === "function" ? undefined : millis(options.now);
  const nowFn = typeof options.now === "function" ? options.now : undefined;
  const now = (): number => fixedNow ?? (nowFn ? millis(nowFn()) : Date.now());

  const byName = new Map<string, ClusterIR>(clusters.map((c) => [c.name, c]));
  const indexes = new Map<string, SubjectIndex>();
  const unknownDecisions = new Map<string, Decision>();
  const unknownCluster = (cluster: string): Decision => {
    let d = unknownDecisions.get(cluster);
    if (d === undefined) {
      const known = [...byName.keys()].map((n) => `\`${n}\``).join(", ");
      d = Object.freeze({ decision: "deny" as const, matched: Object.freeze([]), reason: `denied: unknown cluster \`${cluster}\`; known clusters are ${known}` });
      unknownDecisions.set(cluster, d);
    }
    return d;
  };
  const keep = (rule: AccessRuleIR) => fixedNow === undefined || rule.expires === undefined || fixedNow < rule.expires;
  // The index of a cluster is built on first use; the hot path captures nothing in closures (V8
  // would allocate a context per decision otherwise) and remembers the last cluster it saw.
  const buildIndex = (cluster: string): SubjectIndex | undefined => {
    const c = byName.get(cluster);
    if (c === undefined) return undefined;
    const index = buildSubjectIndex(policies.filter((p: AccessPolicyIR) => selectorMatches(p.clusters, c.tags)), inventory, keep);
    indexes.set(cluster, index);
    return index;
  };
  let lastCluster = "";
  let lastIndex: SubjectIndex | undefined;

  // Scan state, reset per decision (decisions are synchronous and allocate nothing here). Rule ids
  // are in policy order, so the first applicable deny/allow is the smallest id (-1: none).
  let bestAllow = -1;
  let bestDeny = -1;
  let collect: number[] | undefined;
  let scope: Scope = Scope.Namespace;
  let ns = "";
  let nm = "";
  let url = "";
  let time = 0;
  let verbId = -1;
  // Pattern ids of the request: everything, exact, `*` resource, `*` subresource, both (-1: none).
  const patterns = [-1, -1, -1, -1, -1];

  const scanRange = (index: SubjectIndex, from: number, to: number): void => {
    const ids = index.ruleIds;
    const flags = index.flags;
    const masks = index.verbMasks;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const f = flags[id]!;
      if (verbId >= 0 && verbId < 31 ? ((masks[id]! >>> verbId) & 1) === 0 : !hasOtherVerb(index, id, f, verbId)) continue;
      const deny = (f & RuleFlag.Deny) !== 0;
      if (collect === undefined) {
        // A rule that cannot change the decision or its first matched rule is skipped.
        if (deny ? bestDeny >= 0 && bestDeny <= id : bestDeny >= 0 || (bestAllow >= 0 && bestAllow <= id)) continue;
      }
      if ((f & RuleFlag.Expires) !== 0 && (time === 0 ? (time = now()) : time) >= index.expires[id]!) continue;
      if (!ruleApplies(index, id, f, scope, ns, nm, url)) continue;
      if (collect !== undefined) collect.push(id);
      if (deny) {
        if (bestDeny < 0 || id < bestDeny) bestDeny = id;
      } else if (bestAllow < 0 || id < bestAllow) {
        bestAllow = id;
      }
    }
  };

  /** Scans the rules of bucket `at` under the request's patterns (a bucket lists its patterns ascending). */
  const scanBucket = (index: SubjectIndex, at: number | undefined): void => {
    if (at === undefined || at < 0) return;
    const h = index.buckets;
    const end = at + 1 + 3 * h[at]!;
    for (let k = 0; k < 5; k++) {
      const p = patterns[k]!;
      if (p < 0) continue;
      for (let j = at + 1; j < end; j += 3) {
        const q = h[j]!;
        if (q < p) continue;
        if (q === p) scanRange(index, h[j + 1]!, h[j + 2]!);
        break;
      }
    }
  };

  /** Sets `scope`, `verbId` and `patterns` for the request: a handful of map lookups, no allocation. */
  const prepare = (interner: Interner, verb: string, group: string, resource: string, sub: string): void => {
    verbId = interner.verb(verb);
    if (url !== "") {
      patterns[0] = Interner.NON_RESOURCE;
      patterns[1] = patterns[2] = patterns[3] = patterns[4] = -1;
      return;
    }
    const g = interner.groups.get(group);
    // A resource literally named `*` is not a resource: only the patterns with `*` cover it.
    const exact = g === undefined || resource === "*" ? undefined : g.resources.get(resource);
    const star = g?.star;
    const flag = exact === undefined ? Namespaced.Unknown : exact.namespaced;
    scope = flag === Namespaced.No ? Scope.Cluster : ns !== "" ? Scope.Namespace : flag === Namespaced.Yes ? Scope.AllNamespaces : Scope.Unknown;
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
  };

  /** Scans the request's buckets; the decision is then in `bestDeny`/`bestAllow`. Undefined: unknown cluster. */
  const run = (request: AccessRequest): SubjectIndex | undefined => {
    const cluster = request.cluster || defaultCluster;
    let index: SubjectIndex | undefined;
    if (cluster === lastCluster && lastIndex !== undefined) index = lastIndex;
    else {
      index = indexes.get(cluster) ?? buildIndex(cluster);
      if (index === undefined) return undefined;
      lastCluster = cluster;
      lastIndex = index;
    }
    const user = request.user ?? "";
    ns = request.namespace ?? "";
    nm = request.name ?? "";
    url = request.nonResourceURL ?? "";
    time = 0;
    bestAllow = -1;
    bestDeny = -1;
    prepare(index.interner, request.verb, request.apiGroup ?? "", request.resource ?? "", request.subresource ?? "");
    if (user !== "") scanBucket(index, index.users.get(user));
    const groups = request.groups;
    if (groups !== undefined) for (let i = 0; i < groups.length; i++) scanBucket(index, index.groups.get(groups[i]!));
    // Only a well-formed `system:serviceaccount:<ns>:<name>` (both parts non-empty, no further `:`,
    // as Kubernetes' serviceaccount.SplitUsername) is a ServiceAccount with the implied groups.
    if (user.startsWith(SA_USER_PREFIX)) {
      const start = SA_USER_PREFIX.length;
      const end = user.indexOf(":", start);
      if (end > start && end < user.length - 1 && user.indexOf(":", end + 1) < 0) {
        scanBucket(index, index.allServiceAccounts);
        if (index.saNamespaces.size > 0) scanBucket(index, index.saNamespaces.get(user.slice(start, end)));
      }
    }
    return index;
  };

  const result = (index: SubjectIndex): Decision => (bestDeny >= 0 ? index.rules[bestDeny]!.result : bestAllow >= 0 ? index.rules[bestAllow]!.result : DEFAULT_DENY);

  return {
    clusters: clusters.map((c) => c.name),
    decide(request) {
      const index = run(request);
      return index === undefined ? unknownCluster(request.cluster || defaultCluster) : result(index);
    },
    explain(request) {
      collect = [];
      try {
        const index = run(request);
        const decision = index === undefined ? unknownCluster(request.cluster || defaultCluster) : result(index);
        const applicable = [...new Set(collect)].sort((a, b) => a - b).map((id) => index!.rules[id]!.result.matched[0]!);
        return { ...decision, applicable };
      } finally {
        collect = undefined;
      }
    },
  };
}
