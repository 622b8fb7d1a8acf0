import type { RampartDocument } from "../documents.js";
import { createInventory, type Inventory } from "../inventory/inventory.js";
import { normaliseAccess, normaliseClusters, selectorMatches, type AccessPolicyIR, type AccessRuleIR, type ClusterIR } from "../ir/access.js";
import { DEFAULT_DENY_REASON } from "./describe-rule.js";
import { buildSubjectIndex, Interner, requestPatterns, type Bucket, type IndexedRule, type SubjectIndex } from "./rule-index.js";
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
function ruleApplies(rule: AccessRuleIR, scope: Scope, namespace: string, name: string, nonResourceURL: string): boolean {
  if (rule.nonResourceURLs) {
    if (nonResourceURL === "") return false;
    for (const g of rule.nonResourceURLs) if (g.test(nonResourceURL)) return true;
    return false;
  }
  const deny = rule.effect === "deny";
  if (rule.namespaces) {
    if (scope === Scope.Cluster || (scope === Scope.Unknown && !deny)) return false;
    if (scope === Scope.Namespace) {
      let hit = false;
      for (const g of rule.namespaces) if (g.test(namespace)) { hit = true; break; }
      if (!hit) return false;
    } else if (!deny && !rule.anyNamespace) {
      return false;
    }
  }
  if (rule.names) {
    if (name === "") return deny;
    for (const g of rule.names) if (g.test(name)) return true;
    return false;
  }
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

  // Namespaced flag per group → resource, so that decisions do not build lookup keys.
  const namespaced = new Map<string, Map<string, boolean>>();
  for (const r of inventory.resources) {
    let m = namespaced.get(r.group);
    if (!m) namespaced.set(r.group, (m = new Map()));
    m.set(r.resource, r.namespaced);
  }

  const byName = new Map<string, ClusterIR>(clusters.map((c) => [c.name, c]));
  const indexes = new Map<string, SubjectIndex | Decision>();
  const keep = (rule: AccessRuleIR) => fixedNow === undefined || rule.expires === undefined || fixedNow < rule.expires;
  // The hot lookup captures nothing, so that V8 allocates no closure context per decision (a
  // 40-byte context per call once a process holds two evaluators); the index of a cluster is
  // built on first use by `buildIndex`, whose filter closure captures `c`.
  const indexFor = (cluster: string): SubjectIndex | Decision => indexes.get(cluster) ?? buildIndex(cluster);
  const buildIndex = (cluster: string): SubjectIndex | Decision => {
    const c = byName.get(cluster);
    const index = c
      ? buildSubjectIndex(policies.filter((p: AccessPolicyIR) => selectorMatches(p.clusters, c.tags)), keep)
      : Object.freeze({
          decision: "deny" as const,
          matched: Object.freeze([]),
          reason: `denied: unknown cluster \`${cluster}\`; known clusters are ${[...byName.keys()].map((n) => `\`${n}\``).join(", ")}`,
        });
    indexes.set(cluster, index);
    return index;
  };

  // Scan state, reset per decision (decisions are synchronous and allocate nothing here).
  let bestAllow: IndexedRule | undefined;
  let bestDeny: IndexedRule | undefined;
  let collect: IndexedRule[] | undefined;
  let scope: Scope = Scope.Namespace;
  let ns = "";
  let nm = "";
  let url = "";
  let time = 0;

  const scanList = (list: readonly IndexedRule[] | undefined): void => {
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (collect === undefined) {
        if (r.deny ? bestDeny !== undefined && bestDeny.ordinal <= r.ordinal : bestDeny !== undefined || (bestAllow !== undefined && bestAllow.ordinal <= r.ordinal)) continue;
      }
      const exp = r.ir.expires;
      if (exp !== undefined && (time === 0 ? (time = now()) : time) >= exp) continue;
      if (!ruleApplies(r.ir, scope, ns, nm, url)) continue;
      if (collect !== undefined) collect.push(r);
      if (r.deny) {
        if (bestDeny === undefined || r.ordinal < bestDeny.ordinal) bestDeny = r;
      } else if (bestAllow === undefined || r.ordinal < bestAllow.ordinal) {
        bestAllow = r;
      }
    }
  };

  // Packed (verb, pattern) keys of the current request: verb or `*` × up to five patterns.
  const keys: number[] = [];
  let keyCount = 0;
  const scanBucket = (bucket: Bucket | undefined): void => {
    if (bucket === undefined) return;
    for (let i = 0; i < keyCount; i++) scanList(bucket.get(keys[i]!));
  };
  let verbId = -1;
  const patternIds = [-1, -1, -1, -1];
  const push = (p: number): void => {
    if (p < 0) return;
    keys[keyCount++] = p; // rules with `*` verbs (verb id 0)
    if (verbId > 0) keys[keyCount++] = verbId * Interner.STRIDE + p;
  };
  const prepareKeys = (interner: Interner, verb: string, group: string, resource: string, sub: string): void => {
    keyCount = 0;
    verbId = interner.verb(verb);
    if (url !== "") {
      push(Interner.NON_RESOURCE);
      return;
    }
    push(Interner.EVERYTHING);
    requestPatterns(interner, group, resource, sub, patternIds);
    for (let i = 0; i < 4; i++) push(patternIds[i]!);
  };

  const run = (request: AccessRequest): SubjectIndex | Decision => {
    const index = indexFor(request.cluster || defaultCluster);
    if ("decision" in index) return index;
    const verb = request.verb;
    const user = request.user ?? "";
    const group = request.apiGroup ?? "";
    const resource = request.resource ?? "";
    const sub = request.subresource ?? "";
    ns = request.namespace ?? "";
    nm = request.name ?? "";
    url = request.nonResourceURL ?? "";
    time = 0;
    bestAllow = undefined;
    bestDeny = undefined;
    if (url === "") {
      const flag = namespaced.get(group)?.get(resource);
      scope = flag === false ? Scope.Cluster : ns !== "" ? Scope.Namespace : flag === true ? Scope.AllNamespaces : Scope.Unknown;
    }
    prepareKeys(index.interner, verb, group, resource, sub);
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
      const index = run(request);
      if ("decision" in index) return index;
      return bestDeny?.result ?? bestAllow?.result ?? DEFAULT_DENY;
    },
    explain(request) {
      collect = [];
      try {
        const index = run(request);
        const decision = "decision" in index ? index : (bestDeny?.result ?? bestAllow?.result ?? DEFAULT_DENY);
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
