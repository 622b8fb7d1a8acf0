import { globSetMatcher } from "../glob.js";
import type { Inventory } from "../inventory/inventory.js";
import type { AccessPolicyIR, AccessRuleIR } from "../ir/access.js";
import { serviceAccountUser } from "../ir/access.js";
import { decisionReason } from "./describe-rule.js";
import type { Decision } from "./types.js";

/**
 * A rule ready for matching, with its precomputed (frozen) decision and its conditions flattened
 * into one object (one predicate per glob list), so that a check touches little memory.
 */
export interface IndexedRule {
  readonly ir: AccessRuleIR;
  readonly ordinal: number;
  readonly deny: boolean;
  /** True when the rule names `*` among its verbs. */
  readonly anyVerb: boolean;
  /** Bit `id` set for each verb id 1–30 of the rule (ids from the cluster's Interner). */
  verbMask: number;
  /** Verb ids ≥ 31 of the rule (clusters with many custom verbs). */
  extraVerbs: Set<number> | undefined;
  readonly expires: number | undefined;
  /** Non-resource URL predicate; undefined for resource rules. */
  readonly urls: ((url: string) => boolean) | undefined;
  /** Namespace predicate; undefined means cluster-wide. */
  readonly namespaces: ((ns: string) => boolean) | undefined;
  readonly anyNamespace: boolean;
  /** Name predicate; undefined means every name. */
  readonly names: ((name: string) => boolean) | undefined;
  readonly result: Decision;
}

/** What the inventory says of a resource's scope. */
export const Namespaced = { No: 0, Yes: 1, Unknown: 2 } as const;
type Namespaced = (typeof Namespaced)[keyof typeof Namespaced];

/**
 * One (group, resource) of the index — from a rule's resource pattern (`*` included) or from the
 * inventory — with its scope and the pattern ids of its subresource forms. The two common forms
 * (the resource itself, `<resource>/*`) are fields, so that most decisions look nothing up here.
 */
export interface ResourceNode {
  namespaced: Namespaced;
  /** Pattern id of the resource itself (subresource ""), or -1. */
  main: number;
  /** Pattern id of `<resource>/*`, or -1. */
  anySub: number;
  /** Pattern ids of named subresources. */
  readonly subs: Map<string, number>;
}

/** The resources of one API group, and its `*` (every resource of the group) node if a rule has one. */
export interface GroupNode {
  readonly resources: Map<string, ResourceNode>;
  star: ResourceNode | undefined;
}

/**
 * Interned ids of verbs and resource patterns, shared by all buckets of one cluster's index, so
 * that a decision finds its resource with two lookups (which also give the resource's scope)
 * and then looks up at most five pattern ids per subject bucket. Two ids are reserved: every
 * resource (`*` alone) and non-resource URLs.
 */
export class Interner {
  private readonly verbIds = new Map<string, number>([["*", 0]]);
  /** group → its resources. */
  readonly groups = new Map<string, GroupNode>();
  private nextPattern = 2;
  /** True once a rule uses the lone `*` resource (else decisions skip looking it up). */
  everythingUsed = false;
  /** Pattern id of the lone `*` (everything). */
  static readonly EVERYTHING = 0;
  /** Pattern id of non-resource URL rules. */
  static readonly NON_RESOURCE = 1;

  /** The id of a verb, allocating one when `create` (index time); -1 when unknown. */
  verb(verb: string, create = false): number {
    let id = this.verbIds.get(verb);
    if (id === undefined && create) this.verbIds.set(verb, (id = this.verbIds.size));
    return id ?? -1;
  }

  /** The node of (group, resource or `*`), created on demand (index time). */
  node(group: string, resource: string): ResourceNode {
    let g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, (g = { resources: new Map(), star: undefined }));
    const fresh = (): ResourceNode => ({ namespaced: Namespaced.Unknown, main: -1, anySub: -1, subs: new Map() });
    if (resource === "*") return (g.star ??= fresh());
    let node = g.resources.get(resource);
    if (node === undefined) g.resources.set(resource, (node = fresh()));
    return node;
  }

  /** The id of a resource pattern, allocated on first use (index time). */
  pattern(group: string, resource: string, sub: string): number {
    const node = this.node(group, resource);
    if (sub === "") return node.main >= 0 ? node.main : (node.main = this.nextPattern++);
    if (sub === "*") return node.anySub >= 0 ? node.anySub : (node.anySub = this.nextPattern++);
    let id = node.subs.get(sub);
    if (id === undefined) node.subs.set(sub, (id = this.nextPattern++));
    return id;
  }
}

/**
 * Rules of one subject key by pattern id, in policy order; a decision checks each rule's verbs
 * (`ruleHasVerb`) while it scans, which keeps a lookup to one hop.
 */
export type Bucket = Map<number, IndexedRule[]>;

/** True when the rule covers the verb with interned id `verbId` (-1: a verb no rule names). */
export function ruleHasVerb(rule: IndexedRule, verbId: number): boolean {
  if (rule.anyVerb) return true;
  if (verbId < 0) return false;
  return verbId < 31 ? ((rule.verbMask >>> verbId) & 1) === 1 : rule.extraVerbs !== undefined && rule.extraVerbs.has(verbId);
}

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

function addToBucket(bucket: Bucket, interner: Interner, rule: IndexedRule): void {
  const patterns = rule.ir.nonResourceURLs
    ? [Interner.NON_RESOURCE]
    : rule.ir.resources.map((ref) => (ref.everything ? ((interner.everythingUsed = true), Interner.EVERYTHING) : interner.pattern(ref.group, ref.resource, ref.subresource)));
  for (const p of patterns) {
    const list = getOrCreate(bucket, p, () => []);
    if (list[list.length - 1] !== rule) list.push(rule);
  }
}

function internVerbs(rule: IndexedRule, interner: Interner): void {
  if (rule.anyVerb) return;
  for (const verb of rule.ir.verbs) {
    const id = interner.verb(verb, true);
    if (id < 31) rule.verbMask |= 1 << id;
    else (rule.extraVerbs ??= new Set()).add(id);
  }
}

const SA_GROUP_PREFIX = "system:serviceaccounts:";

/** Builds the subject index of the given policies (already filtered to one cluster). */
export function buildSubjectIndex(policies: readonly AccessPolicyIR[], inventory: Inventory, keep: (rule: AccessRuleIR) => boolean): SubjectIndex {
  const interner = new Interner();
  for (const r of inventory.resources) interner.node(r.group, r.resource).namespaced = r.namespaced ? Namespaced.Yes : Namespaced.No;
  const index: SubjectIndex = { interner, users: new Map(), groups: new Map(), saNamespaces: new Map(), allServiceAccounts: undefined };
  const newBucket = (): Bucket => new Map();
  for (const policy of policies) {
    const rules = policy.rules.filter(keep).map(
      (ir): IndexedRule => ({
        ir,
        ordinal: ir.ordinal,
        deny: ir.effect === "deny",
        anyVerb: ir.anyVerb,
        verbMask: 0,
        extraVerbs: undefined,
        expires: ir.expires,
        urls: ir.nonResourceURLs && globSetMatcher(ir.nonResourceURLs),
        namespaces: ir.namespaces && globSetMatcher(ir.namespaces),
        anyNamespace: ir.anyNamespace,
        names: ir.names && globSetMatcher(ir.names),
        result: Object.freeze({
          decision: ir.effect,
          matched: Object.freeze([Object.freeze({ policy: ir.policy, rule: ir.index, effect: ir.effect })]),
          reason: decisionReason(ir),
        }),
      }),
    );
    for (const rule of rules) internVerbs(rule, interner);
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
