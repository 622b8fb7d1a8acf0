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

/** Rules by API group → resource (or `*`) → subresource ("" for none, or `*`). */
export interface ResourceIndex {
  readonly everything: IndexedRule[];
  readonly nonResource: IndexedRule[];
  readonly groups: Map<string, Map<string, Map<string, IndexedRule[]>>>;
}

/** Rules of one subject key, by verb. */
export interface VerbIndex {
  readonly verbs: Map<string, ResourceIndex>;
  readonly anyVerb: ResourceIndex;
}

/** The whole index of one cluster: subject → verb → resource → rules. */
export interface SubjectIndex {
  readonly users: Map<string, VerbIndex>;
  readonly groups: Map<string, VerbIndex>;
  /** Buckets of groups `system:serviceaccounts:<ns>`, keyed by `<ns>` (implied for ServiceAccount users). */
  readonly saNamespaces: Map<string, VerbIndex>;
  /** Bucket of group `system:serviceaccounts` (implied for every ServiceAccount user). */
  allServiceAccounts: VerbIndex | undefined;
}

const newResourceIndex = (): ResourceIndex => ({ everything: [], nonResource: [], groups: new Map() });
const newVerbIndex = (): VerbIndex => ({ verbs: new Map(), anyVerb: newResourceIndex() });

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function addToResourceIndex(index: ResourceIndex, rule: IndexedRule): void {
  if (rule.ir.nonResourceURLs) {
    index.nonResource.push(rule);
    return;
  }
  for (const ref of rule.ir.resources) {
    if (ref.everything) {
      index.everything.push(rule);
      continue;
    }
    const byResource = getOrCreate(index.groups, ref.group, () => new Map<string, Map<string, IndexedRule[]>>());
    const bySub = getOrCreate(byResource, ref.resource, () => new Map<string, IndexedRule[]>());
    const list = getOrCreate(bySub, ref.subresource, () => []);
    if (list[list.length - 1] !== rule) list.push(rule);
  }
}

function addToVerbIndex(bucket: VerbIndex, rule: IndexedRule): void {
  if (rule.ir.anyVerb) {
    addToResourceIndex(bucket.anyVerb, rule);
    return;
  }
  for (const verb of new Set(rule.ir.verbs)) addToResourceIndex(getOrCreate(bucket.verbs, verb, newResourceIndex), rule);
}

const SA_GROUP_PREFIX = "system:serviceaccounts:";

/** Builds the subject index of the given policies (already filtered to one cluster and time). */
export function buildSubjectIndex(policies: readonly AccessPolicyIR[], keep: (rule: AccessRuleIR) => boolean): SubjectIndex {
  const index: SubjectIndex = { users: new Map(), groups: new Map(), saNamespaces: new Map(), allServiceAccounts: undefined };
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
    const buckets = new Set<VerbIndex>();
    for (const user of policy.users) buckets.add(getOrCreate(index.users, user, newVerbIndex));
    for (const sa of policy.serviceAccounts) buckets.add(getOrCreate(index.users, serviceAccountUser(sa.namespace, sa.name), newVerbIndex));
    for (const group of policy.groups) {
      buckets.add(getOrCreate(index.groups, group, newVerbIndex));
      // ServiceAccount users imply these groups even when a request does not list them.
      if (group === "system:serviceaccounts") buckets.add((index.allServiceAccounts ??= newVerbIndex()));
      else if (group.startsWith(SA_GROUP_PREFIX)) buckets.add(getOrCreate(index.saNamespaces, group.slice(SA_GROUP_PREFIX.length), newVerbIndex));
    }
    for (const bucket of buckets) for (const rule of rules) addToVerbIndex(bucket, rule);
  }
  return index;
}
