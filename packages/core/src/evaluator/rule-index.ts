import type { AccessPolicyIR, AccessRuleIR } from "../ir/access.js";
import { serviceAccountUser } from "../ir/access.js";
import { decisionReason } from "./describe-rule.js";
import type { Decision } from "./types.js";

/** A rule ready for matching, with its precomputed (frozen) decision. */
export interface IndexedRule {
  readonly ir: AccessRuleIR;
  readonly ordinal: number;
  readonly deny: boolean;
  readonly result: Decision;
}

/**
 * Interned ids of verbs and resource patterns, shared by all buckets so that a decision does
 * a few lookups in small hot maps and then one numeric-key lookup per pattern in each bucket.
 * Pattern = (group, resource or `*`, subresource or `*` or ""); two ids are reserved: every
 * resource (`*` alone) and non-resource URLs.
 */
export class Interner {
  private readonly verbIds = new Map<string, number>([["*", 0]]);
  private readonly patterns = new Map<string, Map<string, Map<string, number>>>();
  private nextPattern = 2;
  /** Pattern id of the lone `*` (everything). */
  static readonly EVERYTHING = 0;
  /** Pattern id of non-resource URL rules. */
  static readonly NON_RESOURCE = 1;
  /** Multiplier that packs (verb, pattern) into one number. */
  static readonly STRIDE = 1 << 20;

  /** The id of a verb, allocating one when `create` (index time). */
  verb(verb: string, create = false): number {
    let id = this.verbIds.get(verb);
    if (id === undefined && create) this.verbIds.set(verb, (id = this.verbIds.size));
    return id ?? -1;
  }

  /** The id of a resource pattern, allocating one when `create` (index time). */
  pattern(group: string, resource: string, sub: string, create = false): number {
    let byResource = this.patterns.get(group);
    if (byResource === undefined) {
      if (!create) return -1;
      this.patterns.set(group, (byResource = new Map()));
    }
    let bySub = byResource.get(resource);
    if (bySub === undefined) {
      if (!create) return -1;
      byResource.set(resource, (bySub = new Map()));
    }
    let id = bySub.get(sub);
    if (id === undefined) {
      if (!create) return -1;
      bySub.set(sub, (id = this.nextPattern++));
    }
    return id;
  }
}

/**
 * Writes into `out` the ids of the four patterns a request on (group, resource, sub) can match —
 * exact, `*` resource, `*` subresource, both — or -1; a handful of map lookups, no allocation.
 */
export function requestPatterns(interner: Interner, group: string, resource: string, sub: string, out: number[]): void {
  const byResource = (interner as unknown as { patterns: Map<string, Map<string, Map<string, number>>> }).patterns.get(group);
  const exact = byResource?.get(resource);
  const star = byResource?.get("*");
  out[0] = exact?.get(sub) ?? -1;
  out[1] = star?.get(sub) ?? -1;
  out[2] = sub !== "" ? (exact?.get("*") ?? -1) : -1;
  out[3] = sub !== "" ? (star?.get("*") ?? -1) : -1;
}

/** Rules of one subject key by packed (verb id, pattern id). */
export type Bucket = Map<number, IndexedRule[]>;

/** The whole index of one cluster: subject → bucket. */
export interface SubjectIndex {
  readonly interner: Interner;
  readonly users: Map<string, Bucket>;
  readonly groups: Map<string, Bucket>;
  /** Buckets of groups `system:serviceaccounts:<ns>`, keyed by `<ns>` (implied for ServiceAccount users). */
  readonly saNamespaces: Map<string, Bucket>;
  /** Bucket of group `system:serviceaccounts` (implied for every ServiceAccount user). */
  allServiceAccounts: Bucket | undefined;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function add(bucket: Bucket, key: number, rule: IndexedRule): void {
  const list = getOrCreate(bucket, key, () => []);
  if (list[list.length - 1] !== rule) list.push(rule);
}

function addToBucket(bucket: Bucket, interner: Interner, rule: IndexedRule): void {
  const verbs = rule.ir.anyVerb ? [0] : [...new Set(rule.ir.verbs)].map((v) => interner.verb(v, true));
  const patterns = rule.ir.nonResourceURLs
    ? [Interner.NON_RESOURCE]
    : rule.ir.resources.map((ref) => (ref.everything ? Interner.EVERYTHING : interner.pattern(ref.group, ref.resource, ref.subresource, true)));
  for (const v of verbs) for (const p of patterns) add(bucket, v * Interner.STRIDE + p, rule);
}

const SA_GROUP_PREFIX = "system:serviceaccounts:";

/** Builds the subject index of the given policies (already filtered to one cluster). */
export function buildSubjectIndex(policies: readonly AccessPolicyIR[], keep: (rule: AccessRuleIR) => boolean): SubjectIndex {
  const interner = new Interner();
  const index: SubjectIndex = { interner, users: new Map(), groups: new Map(), saNamespaces: new Map(), allServiceAccounts: undefined };
  const newBucket = (): Bucket => new Map();
  for (const policy of policies) {
    const rules = policy.rules.filter(keep).map(
      (ir): IndexedRule => ({
        ir,
        ordinal: ir.ordinal,
        deny: ir.effect === "deny",
        result: Object.freeze({
          decision: ir.effect,
          matched: Object.freeze([Object.freeze({ policy: ir.policy, rule: ir.index, effect: ir.effect })]),
          reason: decisionReason(ir),
        }),
      }),
    );
    const buckets = new Set<Bucket>();
    for (const user of policy.users) buckets.add(getOrCreate(index.users, user, newBucket));
    for (const sa of policy.serviceAccounts) buckets.add(getOrCreate(index.users, serviceAccountUser(sa.namespace, sa.name), newBucket));
    for (const group of policy.groups) {
      buckets.add(getOrCreate(index.groups, group, newBucket));
      // ServiceAccount users imply these groups even when a request does not list them.
      if (group === "system:serviceaccounts") buckets.add((index.allServiceAccounts ??= newBucket()));
      else if (group.startsWith(SA_GROUP_PREFIX)) buckets.add(getOrCreate(index.saNamespaces, group.slice(SA_GROUP_PREFIX.length), newBucket));
    }
    for (const bucket of buckets) for (const rule of rules) addToBucket(bucket, interner, rule);
  }
  return index;
}
