import type { Inventory } from "../inventory/inventory.js";
import type { AccessPolicyIR, AccessRuleIR } from "../ir/access.js";
import { Interner, Namespaced } from "./interner.js";
import { KeyFilter } from "./key-filter.js";
import { buildRuleTable, type RuleTable } from "./rule-table.js";
import { BucketWriter, collectSubjects } from "./subject-buckets.js";

/**
 * The index of one cluster. Subject keys map to bucket offsets in `buckets` (see `BucketWriter`):
 * a decision looks up the request's user and each of its groups once, then reads the candidate
 * rules of the request's resource patterns from each bucket, so its work depends on the request
 * and the few rules that can match it, not on the number of rules or subjects.
 */
export interface SubjectIndex {
  readonly interner: Interner;
  readonly users: Map<string, number>;
  readonly groups: Map<string, number>;
  /** The keys of `users` and `groups`: a request's user or group it rejects is not looked up. */
  readonly named: KeyFilter;
  /** Buckets of groups `system:serviceaccounts:<ns>`, keyed by `<ns>` (implied for ServiceAccount users). */
  readonly saNamespaces: Map<string, number>;
  /** Bucket of group `system:serviceaccounts` (implied for every ServiceAccount user), or -1. */
  readonly allServiceAccounts: number;
  readonly buckets: Int32Array;
  /** Patterns of the general globs in `buckets`. */
  readonly globPatterns: readonly string[];
  readonly table: RuleTable;
}

/** An interner that knows the inventory's resources and their scope. */
function inventoryInterner(inventory: Inventory): Interner {
  const interner = new Interner();
  for (const r of inventory.resources) interner.node(r.group, r.resource).namespaced = r.namespaced ? Namespaced.Yes : Namespaced.No;
  return interner;
}

/** Builds the subject index of the given policies (already filtered to one cluster), keeping the rules `keep` accepts. */
export function buildSubjectIndex(policies: readonly AccessPolicyIR[], inventory: Inventory, keep: (rule: AccessRuleIR) => boolean): SubjectIndex {
  const interner = inventoryInterner(inventory);
  const subjects = collectSubjects(policies, keep);
  const table = buildRuleTable(subjects.rules, interner);
  const writer = new BucketWriter(table, subjects.policyRules);
  return {
    interner,
    named: new KeyFilter([...subjects.users.keys(), ...subjects.groups.keys()]),
    users: writer.bucketsOf(subjects.users),
    groups: writer.bucketsOf(subjects.groups),
    saNamespaces: writer.bucketsOf(subjects.saNamespaces),
    allServiceAccounts: subjects.allServiceAccounts.length > 0 ? writer.bucketOf(subjects.allServiceAccounts) : -1,
    buckets: writer.finish(),
    globPatterns: writer.globPatterns,
    table,
  };
}
