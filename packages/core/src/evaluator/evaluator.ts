import { clusterFor } from "../cluster/resolve-cluster.js";
import type { RampartDocument } from "../documents.js";
import { createInventory, type Inventory } from "../inventory/inventory.js";
import { normaliseAccess, normaliseClusters, selectorMatches, type AccessPolicyIR, type AccessRuleIR, type ClusterIR } from "../ir/access.js";
import { DEFAULT_DENY_REASON } from "./describe-rule.js";
import { DecisionScan, SUBJECT_ROOM } from "./decision-scan.js";
import { buildSubjectIndex, type SubjectIndex } from "./rule-index.js";
import type { AccessRequest, Decision, MatchedRule } from "./types.js";

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /**
   * The cluster whose policies apply when a request names none, as compilers take it: the
   * resolved cluster (`resolveCluster`, `clusterFor`) or its name. Default: the only Cluster, else
   * a declared `default`; an unknown name denies every request that names no cluster.
   */
  cluster?: ClusterIR | string;
  /** The evaluation time; a function is called per decision. Default: the current time at each decision. */
  now?: Date | number | (() => Date | number);
  /** Inventory telling namespaced from cluster-scoped resources (default: the built-in one). */
  inventory?: Inventory;
}

/** Decides access requests locally, with SPEC.md's semantics. */
export interface Evaluator {
  /** Decides one request. The result object is shared and frozen. */
  decide(request: AccessRequest): Decision;
  /** Decides each request, as `decide` would, in order; faster than one by one for batches (CPU cache misses overlap). */
  decideMany(requests: readonly AccessRequest[]): Decision[];
  /** Every rule that applies to the request (deny and allow), in policy order, plus the decision. */
  explain(request: AccessRequest): Decision & { applicable: readonly MatchedRule[] };
  /** Names of the clusters the evaluator knows. */
  readonly clusters: readonly string[];
}

/** Requests of `decideMany` whose subjects are looked up before any of them is scanned. */
const CHUNK = 8;

const DEFAULT_DENY: Decision = Object.freeze({ decision: "deny", matched: Object.freeze([]), reason: DEFAULT_DENY_REASON });

function millis(v: Date | number): number {
  return typeof v === "number" ? v : v.getTime();
}

/** Creates an evaluator over the AccessPolicies (and Clusters) of a document set. */
export function createEvaluator(documents: readonly RampartDocument[], options: EvaluatorOptions = {}): Evaluator {
  const policies = normaliseAccess(documents);
  const clusters = normaliseClusters(documents);
  const inventory = options.inventory ?? createInventory();
  const chosen = clusterFor(documents, options.cluster);
  // A resolved cluster is used as given (its tags select the policies); a name no Cluster has stays unknown.
  const defaultCluster = "severity" in chosen ? (typeof options.cluster === "string" ? options.cluster : "default") : chosen.name;
  const fixedNow = options.now === undefined || typeof options.now === "function" ? undefined : millis(options.now);
  const nowFn = typeof options.now === "function" ? options.now : undefined;
  const now = (): number => fixedNow ?? (nowFn ? millis(nowFn()) : Date.now());

  const byName = new Map<string, ClusterIR>(clusters.map((c) => [c.name, c]));
  if (!("severity" in chosen)) byName.set(chosen.name, chosen);
  const indexes = new Map<string, SubjectIndex>();
  const unknownDecisions = new Map<string, Decision>();
  const unknownCluster = (cluster: string): Decision => {
    let d = unknownDecisions.get(cluster);
    if (d === undefined) {
      const known = [...byName.keys()].map((n) => `\`${n}\``).join(", ");
      d = Object.freeze({
        decision: "deny" as const,
        matched: Object.freeze([]),
        reason: `denied: unknown cluster \`${cluster}\`; known clusters are ${known}`,
      });
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
    const index = buildSubjectIndex(
      policies.filter((p: AccessPolicyIR) => selectorMatches(p.clusters, c.tags)),
      inventory,
      keep,
    );
    indexes.set(cluster, index);
    return index;
  };
  let lastCluster = "";
  let lastIndex: SubjectIndex | undefined;

  const scanner = new DecisionScan(now);

  /** The index of the request's cluster; undefined when unknown. */
  const indexOf = (request: AccessRequest): SubjectIndex | undefined => {
    const cluster = request.cluster || defaultCluster;
    if (cluster === lastCluster && lastIndex !== undefined) return lastIndex;
    const index = indexes.get(cluster) ?? buildIndex(cluster);
    if (index !== undefined) {
      lastCluster = cluster;
      lastIndex = index;
    }
    return index;
  };
  /** Scans the request's buckets; the decision is then in the scanner. Undefined: unknown cluster. */
  const run = (request: AccessRequest): SubjectIndex | undefined => {
    const index = indexOf(request);
    if (index !== undefined) scanner.scan(index, request);
    return index;
  };

  const result = (index: SubjectIndex): Decision =>
    scanner.bestDeny >= 0 ? index.table.results[scanner.bestDeny]! : scanner.bestAllow >= 0 ? index.table.results[scanner.bestAllow]! : DEFAULT_DENY;

  const chunkIndexes: (SubjectIndex | undefined)[] = new Array(CHUNK).fill(undefined);
  const chunkBuckets = new Int32Array(CHUNK * SUBJECT_ROOM);
  const chunkCounts = new Int32Array(CHUNK);

  return {
    clusters: [...byName.keys()],
    decide(request) {
      const index = run(request);
      return index === undefined ? unknownCluster(request.cluster || defaultCluster) : result(index);
    },
    decideMany(requests) {
      const out = new Array<Decision>(requests.length);
      for (let from = 0; from < requests.length; from += CHUNK) {
        const to = Math.min(from + CHUNK, requests.length);
        // Subject lookups of the whole chunk first: their cache misses overlap instead of queueing.
        for (let i = from; i < to; i++) {
          const index = indexOf(requests[i]!);
          chunkIndexes[i - from] = index;
          if (index !== undefined) chunkCounts[i - from] = scanner.lookUp(index, requests[i]!, chunkBuckets, (i - from) * SUBJECT_ROOM);
        }
        for (let i = from; i < to; i++) {
          const index = chunkIndexes[i - from];
          if (index === undefined) out[i] = unknownCluster(requests[i]!.cluster || defaultCluster);
          else {
            scanner.scanFound(index, requests[i]!, chunkBuckets, (i - from) * SUBJECT_ROOM, chunkCounts[i - from]!);
            out[i] = result(index);
          }
        }
      }
      chunkIndexes.fill(undefined); // no index kept alive by a finished batch
      return out;
    },
    explain(request) {
      const collect: number[] = [];
      scanner.collect = collect;
      try {
        const index = run(request);
        const decision = index === undefined ? unknownCluster(request.cluster || defaultCluster) : result(index);
        const applicable = [...new Set(collect)].sort((a, b) => a - b).map((id) => index!.table.results[id]!.matched[0]!);
        return { ...decision, applicable };
      } finally {
        scanner.collect = undefined;
      }
    },
  };
}
