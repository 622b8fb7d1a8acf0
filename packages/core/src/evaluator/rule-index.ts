import { globSetMatcher } from "../glob.js";
import type { Inventory } from "../inventory/inventory.js";
import type { AccessPolicyIR, AccessRuleIR } from "../ir/access.js";
import { serviceAccountUser } from "../compiler/service-accounts.js";
import { decisionReason } from "./describe-rule.js";
import { flattenGlobs, type FlatGlobs } from "./flat-globs.js";
import { Interner, Namespaced } from "./interner.js";
import type { Decision } from "./types.js";

export { Interner, Namespaced } from "./interner.js";

/**
 * A rule's conditions that need strings (globs) and its precomputed (frozen) decision. The
 * conditions a decision tests first (verbs, effect, expiry) live in the index's typed arrays.
 */
export interface IndexedRule {
  readonly ir: AccessRuleIR;
  /** Non-resource URL predicate; undefined for resource rules. */
  readonly urls: ((url: string) => boolean) | undefined;
  /** Namespace globs, flattened (`RuleFlag.Namespaces` tells whether the rule has them). */
  readonly nsKind: number;
  readonly nsA: string;
  readonly nsB: string;
  readonly nsOther: ((ns: string) => boolean) | undefined;
  /** Name globs, flattened (`RuleFlag.Names` tells whether the rule has them). */
  readonly nmKind: number;
  readonly nmA: string;
  readonly nmB: string;
  readonly nmOther: ((name: string) => boolean) | undefined;
  readonly result: Decision;
}

/** Bits of `SubjectIndex.flags`, one byte per rule. */
export const RuleFlag = { Deny: 1, AnyVerb: 2, Expires: 4, Urls: 8, Namespaces: 16, AnyNamespace: 32, Names: 64 } as const;

/**
 * The index of one cluster, flat so that a decision touches few cache lines however many teams
 * there are: subjects map to bucket offsets (numbers, no object per subject); subjects with the
 * same policies share one bucket; a bucket is a run of `buckets` — its length n, then n
 * (pattern id, from, to) triples whose [from, to) range of `ruleIds` lists the rules of that
 * resource pattern in policy order. Rule ids are positions in policy order, so the smallest id
 * is the first rule; a rule's verbs, effect and expiry are read from typed arrays by id, its
 * string conditions from `rules[id]` only when those pass.
 */
export interface SubjectIndex {
  readonly interner: Interner;
  readonly users: Map<string, number>;
  readonly groups: Map<string, number>;
  /** Buckets of groups `system:serviceaccounts:<ns>`, keyed by `<ns>` (implied for ServiceAccount users). */
  readonly saNamespaces: Map<string, number>;
  /** Bucket of group `system:serviceaccounts` (implied for every ServiceAccount user), or -1. */
  readonly allServiceAccounts: number;
  readonly buckets: Int32Array;
  readonly ruleIds: Int32Array;
  readonly rules: readonly IndexedRule[];
  /** Bit `id` set for each verb id 0–30 of the rule (-1 for `*`). */
  readonly verbMasks: Int32Array;
  /** Verb ids ≥ 31 of each rule (clusters with many custom verbs); undefined when none. */
  readonly extraVerbs: readonly (Set<number> | undefined)[];
  readonly flags: Uint8Array;
  /** Expiry instant in ms of rules with `RuleFlag.Expires`. */
  readonly expires: Float64Array;
}

const SA_GROUP_PREFIX = "system:serviceaccounts:";

const NONE: FlatGlobs = { kind: 0, a: "", b: "", other: undefined };

function indexRule(ir: AccessRuleIR): IndexedRule {
  // A rule with `*` among its namespaces matches every namespace: flagged, never tested.
  const ns = ir.namespaces === undefined || ir.anyNamespace ? NONE : flattenGlobs(ir.namespaces);
  const nm = ir.names === undefined ? NONE : flattenGlobs(ir.names);
  return {
    ir,
    urls: ir.nonResourceURLs && globSetMatcher(ir.nonResourceURLs),
    nsKind: ns.kind,
    nsA: ns.a,
    nsB: ns.b,
    nsOther: ns.other,
    nmKind: nm.kind,
    nmA: nm.a,
    nmB: nm.b,
    nmOther: nm.other,
    result: Object.freeze({
      decision: ir.effect,
      matched: Object.freeze([Object.freeze({ policy: ir.policy, rule: ir.index, effect: ir.effect })]),
      reason: decisionReason(ir),
    }),
  };
}

/** Builds the subject index of the given policies (already filtered to one cluster). */
export function buildSubjectIndex(policies: readonly AccessPolicyIR[], inventory: Inventory, keep: (rule: AccessRuleIR) => boolean): SubjectIndex {
  const interner = new Interner();
  for (const r of inventory.resources) interner.node(r.group, r.resource).namespaced = r.namespaced ? Namespaced.Yes : Namespaced.No;

  // Rules in policy order (their ids), and the policies of each subject key.
  const rules: IndexedRule[] = [];
  const policyRules: number[][] = [];
  const userPolicies = new Map<string, number[]>();
  const groupPolicies = new Map<string, number[]>();
  const saNsPolicies = new Map<string, number[]>();
  const allSaPolicies: number[] = [];
  const add = (map: Map<string, number[]>, key: string, p: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [p]);
    else if (list[list.length - 1] !== p) list.push(p);
  };
  policies.forEach((policy, p) => {
    const ids: number[] = [];
    for (const ir of policy.rules) if (keep(ir)) ids.push(rules.push(indexRule(ir)) - 1);
    policyRules.push(ids);
    for (const user of policy.users) add(userPolicies, user, p);
    for (const sa of policy.serviceAccounts) add(userPolicies, serviceAccountUser(sa.namespace, sa.name), p);
    for (const group of policy.groups) {
      add(groupPolicies, group, p);
      // ServiceAccount users imply these groups even when a request does not list them.
      if (group === "system:serviceaccounts") {
        if (allSaPolicies[allSaPolicies.length - 1] !== p) allSaPolicies.push(p);
      } else if (group.startsWith(SA_GROUP_PREFIX)) add(saNsPolicies, group.slice(SA_GROUP_PREFIX.length), p);
    }
  });

  const n = rules.length;
  const verbMasks = new Int32Array(n);
  const extraVerbs: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n).fill(undefined);
  const flags = new Uint8Array(n);
  const expires = new Float64Array(n);
  const patternsOf: number[][] = [];
  rules.forEach(({ ir }, id) => {
    let f = ir.effect === "deny" ? RuleFlag.Deny : 0;
    if (ir.anyVerb) {
      f |= RuleFlag.AnyVerb;
      verbMasks[id] = -1;
    } else {
      for (const verb of ir.verbs) {
        const v = interner.verb(verb, true);
        if (v < 31) verbMasks[id]! |= 1 << v;
        else (extraVerbs[id] ??= new Set()).add(v);
      }
    }
    if (ir.expires !== undefined) (f |= RuleFlag.Expires), (expires[id] = ir.expires);
    if (ir.nonResourceURLs) f |= RuleFlag.Urls;
    if (ir.namespaces) f |= RuleFlag.Namespaces;
    if (ir.anyNamespace) f |= RuleFlag.AnyNamespace;
    if (ir.names) f |= RuleFlag.Names;
    flags[id] = f;
    const pats = ir.nonResourceURLs
      ? [Interner.NON_RESOURCE]
      : ir.resources.map((ref) => (ref.everything ? ((interner.everythingUsed = true), Interner.EVERYTHING) : interner.pattern(ref.group, ref.resource, ref.subresource)));
    patternsOf.push([...new Set(pats)]);
  });

  // One bucket per distinct list of policies, shared by every subject key with that list.
  const header: number[] = [];
  const ruleIds: number[] = [];
  const shared = new Map<string, number>();
  const bucketOf = (list: readonly number[]): number => {
    const key = list.join(",");
    let at = shared.get(key);
    if (at !== undefined) return at;
    const byPattern = new Map<number, number[]>();
    for (const p of list) {
      for (const id of policyRules[p]!) {
        for (const pat of patternsOf[id]!) {
          let ids = byPattern.get(pat);
          if (ids === undefined) byPattern.set(pat, (ids = []));
          ids.push(id);
        }
      }
    }
    at = header.length;
    header.push(byPattern.size);
    for (const [pat, ids] of [...byPattern].sort((a, b) => a[0] - b[0])) {
      ids.sort((a, b) => a - b);
      header.push(pat, ruleIds.length, ruleIds.length + ids.length);
      ruleIds.push(...ids);
    }
    shared.set(key, at);
    return at;
  };
  const toBuckets = (map: Map<string, number[]>) => new Map([...map].map(([k, list]) => [k, bucketOf(list)]));
  return {
    interner,
    users: toBuckets(userPolicies),
    groups: toBuckets(groupPolicies),
    saNamespaces: toBuckets(saNsPolicies),
    allServiceAccounts: allSaPolicies.length > 0 ? bucketOf(allSaPolicies) : -1,
    buckets: Int32Array.from(header),
    ruleIds: Int32Array.from(ruleIds),
    rules,
    verbMasks,
    extraVerbs,
    flags,
    expires,
  };
}
