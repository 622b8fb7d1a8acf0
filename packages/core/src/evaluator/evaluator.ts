import type { RampartDocument } from "../documents.js";
import { createInventory, type Inventory } from "../inventory/inventory.js";
import { normaliseAccess, normaliseClusters, selectorMatches, type AccessPolicyIR, type AccessRuleIR, type ClusterIR } from "../ir/access.js";
import { DEFAULT_DENY_REASON } from "./describe-rule.js";
import { buildSubjectIndex, Interner, Namespaced, ruleHasVerb, type Bucket, type IndexedRule, type SubjectIndex } from "./rule-index.js";
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

function millis(v: Date | number): number {
  return typeof v === "number" ? v : v.getTime();
}

/**
 * True when `rule` applies to the request. Allow rules restricted by names or namespaces do
 * not apply to collections or all-namespace requests; deny rules do (a deny must not be
 * bypassed by listing).
 */
function ruleApplies(rule: IndexedRule, scope: Scope, namespace: string, name: string, nonResourceURL: string): boolean {
  if (rule.urls !== undefined) return nonResourceURL !== "" && rule.urls(nonResourceURL);
  const deny = rule.deny;
  if (rule.namespaces !== undefined) {
    if (scope === Scope.Cluster || (scope === Scope.Unknown && !deny)) return false;
    if (scope === Scope.Namespace) {
      if (!rule.namespaces(namespace)) return false;
    } else if (!deny && !rule.anyNamespace) {
      return false;
    }
  }
  if (rule.names !== undefined) return name === "" ? deny : rule.names(name);
  return true;
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

  // Scan state, reset per decision (decisions are synchronous and allocate nothing here).
  let bestAllow: IndexedRule | undefined;
  let bestDeny: IndexedRule | undefined;
  let collect: IndexedRule[] | undefined;
  let scope: Scope = Scope.Namespace;
  let ns = "";
  let nm = "";
  let url = "";
  let time = 0;
  let verbId = -1;
  // Pattern ids of the request: everything, exact, `*` resource, `*` subresource, both (-1: none).
  const patterns = [-1, -1, -1, -1, -1];

  const scanList = (list: readonly IndexedRule[] | undefined): void => {
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (!ruleHasVerb(r, verbId)) continue;
      if (collect === undefined) {
        if (r.deny ? bestDeny !== undefined && bestDeny.ordinal <= r.ordinal : bestDeny !== undefined || (bestAllow !== undefined && bestAllow.ordinal <= r.ordinal)) continue;
      }
      const exp = r.expires;
      if (exp !== undefined && (time === 0 ? (time = now()) : time) >= exp) continue;
      if (!ruleApplies(r, scope, ns, nm, url)) continue;
      if (collect !== undefined) collect.push(r);
      if (r.deny) {
        if (bestDeny === undefined || r.ordinal < bestDeny.ordinal) bestDeny = r;
      } else if (bestAllow === undefined || r.ordinal < bestAllow.ordinal) {
        bestAllow = r;
      }
    }
  };

  const scanBucket = (bucket: Bucket | undefined): void => {
    if (bucket === undefined) return;
    for (let i = 0; i < 5; i++) {
      const p = patterns[i]!;
      if (p < 0) continue;
      scanList(bucket.get(p));
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
    bestAllow = undefined;
    bestDeny = undefined;
    prepare(index.interner, request.verb, request.apiGroup ?? "", request.resource ?? "", request.subresource ?? "");
    if (user !== "") scanBucket(index.users.get(user));
    const groups = request.groups;
    if (groups !== undefined) for (let i = 0; i < groups.length; i++) scanBucket(index.groups.get(groups[i]!));
    // Only a well-formed `system:serviceaccount:<ns>:<name>` (both parts non-empty, no further `:`,
    // as Kubernetes' serviceaccount.SplitUsername) is a ServiceAccount with the implied groups.
    if (user.startsWith(SA_USER_PREFIX)) {
      const start = SA_USER_PREFIX.length;
      const end = user.indexOf(":", start);
      if (end > start && end < user.length - 1 && user.indexOf(":", end + 1) < 0) {
        scanBucket(index.allServiceAccounts);
        if (index.saNamespaces.size > 0) scanBucket(index.saNamespaces.get(user.slice(start, end)));
      }
    }
    return index;
  };

  return {
    clusters: clusters.map((c) => c.name),
    decide(request) {
      if (run(request) === undefined) return unknownCluster(request.cluster || defaultCluster);
      return bestDeny?.result ?? bestAllow?.result ?? DEFAULT_DENY;
    },
    explain(request) {
      collect = [];
      try {
        const decision = run(request) === undefined ? unknownCluster(request.cluster || defaultCluster) : (bestDeny?.result ?? bestAllow?.result ?? DEFAULT_DENY);
        const seen = new Set<IndexedRule>();
        const applicable = collect
          .filter((r) => !seen.has(r) && seen.add(r))
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((r) => r.result.matched[0]!);
        return { ...decision, applicable };
      } finally {
        collect = undefined;
      }
    },
  };
}
