import { ALL_SERVICE_ACCOUNTS_GROUP, SERVICE_ACCOUNTS_GROUP_PREFIX, serviceAccountUser } from "../compiler/service-accounts.js";
import type { AccessPolicyIR, AccessRuleIR } from "../ir/access.js";
import type { Glob } from "../glob.js";
import { lengthMask, writeGlobList } from "./glob-code.js";
import type { RuleTable } from "./rule-table.js";

/** The rules of a cluster in policy order, and which policies (by position) each subject key holds. */
export interface SubjectPolicies {
  readonly rules: AccessRuleIR[];
  /** Rule ids of each policy. */
  readonly policyRules: number[][];
  readonly users: Map<string, number[]>;
  readonly groups: Map<string, number[]>;
  /** Policies of groups `system:serviceaccounts:<ns>`, keyed by `<ns>`. */
  readonly saNamespaces: Map<string, number[]>;
  /** Policies of group `system:serviceaccounts`. */
  readonly allServiceAccounts: number[];
}

function add(map: Map<string, number[]>, key: string, p: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [p]);
  else if (list[list.length - 1] !== p) list.push(p);
}

/** Numbers the kept rules in policy order and lists each subject key's policies. */
export function collectSubjects(policies: readonly AccessPolicyIR[], keep: (rule: AccessRuleIR) => boolean): SubjectPolicies {
  const out: SubjectPolicies = { rules: [], policyRules: [], users: new Map(), groups: new Map(), saNamespaces: new Map(), allServiceAccounts: [] };
  policies.forEach((policy, p) => {
    const ids: number[] = [];
    for (const ir of policy.rules) if (keep(ir)) ids.push(out.rules.push(ir) - 1);
    out.policyRules.push(ids);
    for (const user of policy.users) add(out.users, user, p);
    for (const sa of policy.serviceAccounts) add(out.users, serviceAccountUser(sa.namespace, sa.name), p);
    for (const group of policy.groups) {
      add(out.groups, group, p);
      // ServiceAccount users imply these groups even when a request does not list them.
      if (group === ALL_SERVICE_ACCOUNTS_GROUP) {
        if (out.allServiceAccounts[out.allServiceAccounts.length - 1] !== p) out.allServiceAccounts.push(p);
      } else if (group.startsWith(SERVICE_ACCOUNTS_GROUP_PREFIX)) {
        add(out.saNamespaces, group.slice(SERVICE_ACCOUNTS_GROUP_PREFIX.length), p);
      }
    }
  });
  return out;
}

/**
 * Fields of a rule record in a bucket: rule id, verb mask, flags (from bit `LengthShift` on: the
 * `lengthMask` of its namespace globs), and the offsets of its glob lists (-1: none): list a holds
 * the non-resource URLs (rules with `RuleFlag.Urls`) or the namespaces, list b the names. Records
 * have this fixed size.
 */
export const Rec = { Id: 0, Mask: 1, Flags: 2, GlobsA: 3, GlobsB: 4, Size: 5, LengthShift: 8 } as const;

/**
 * Writes buckets into one Int32Array, one per distinct list of policies (subjects with the same
 * policies share it). A bucket is a directory — its length n, then n (pattern id, offset) pairs in
 * ascending pattern order — followed by each pattern's rule list at its offset: its end offset,
 * then the records (`Rec`) of its rules in ascending id order; then the bucket's distinct glob
 * lists, each written once however many records use it (a rule with five resources is listed five
 * times). A decision thus reads a subject's candidate rules and their namespace and name globs
 * from a few adjacent cache lines: once the index outgrows the CPU caches, each line read is a miss
 * that costs hundreds of nanoseconds, so the smaller a bucket, the faster the decision.
 */
export class BucketWriter {
  private readonly code: number[] = [];
  private readonly shared = new Map<string, number>();
  /** Patterns of general globs (see `writeGlobList`). */
  readonly globPatterns: string[] = [];

  constructor(
    private readonly table: RuleTable,
    private readonly policyRules: readonly (readonly number[])[],
  ) {}

  /** The offset of the bucket of a list of policies (written on first use). */
  bucketOf(list: readonly number[]): number {
    const key = list.join(",");
    let at = this.shared.get(key);
    if (at === undefined) this.shared.set(key, (at = this.write(this.byPattern(list))));
    return at;
  }

  /**
   * Bucket offsets of every key of a subject map. Its keys are internalized copies: a map lookup
   * reads the key string it compares, and the policies' strings (often ropes built by concatenation,
   * scattered over the heap) cost one or two cache misses each at thousands of subjects, where the
   * copies, flat and allocated one after the other, are dense (1.6–1.8× faster lookups at 2,000 teams).
   */
  bucketsOf(map: ReadonlyMap<string, readonly number[]>): Map<string, number> {
    return new Map([...map].map(([k, list]) => [internalized(k), this.bucketOf(list)]));
  }

  /** The written buckets. */
  finish(): Int32Array {
    return Int32Array.from(this.code);
  }

  /** The rule ids of the policies, per pattern id, in ascending pattern and rule order. */
  private byPattern(list: readonly number[]): [number, number[]][] {
    const byPattern = new Map<number, number[]>();
    for (const p of list) {
      for (const id of this.policyRules[p]!) {
        for (const pat of this.table.patterns[id]!) {
          let ids = byPattern.get(pat);
          if (ids === undefined) byPattern.set(pat, (ids = []));
          ids.push(id);
        }
      }
    }
    const entries = [...byPattern].sort((a, b) => a[0] - b[0]);
    for (const [, ids] of entries) ids.sort((a, b) => a - b);
    return entries;
  }

  private write(entries: readonly [number, number[]][]): number {
    const { code } = this;
    const at = code.length;
    code.push(entries.length);
    const offsets = at + 1;
    for (const [pat] of entries) code.push(pat, 0);
    /** Glob list fields to fill once the lists are written: (field offset, globs). */
    const pending: [number, readonly Glob[]][] = [];
    entries.forEach(([, ids], k) => {
      code[offsets + 2 * k + 1] = code.length;
      const list = code.length;
      code.push(0);
      for (const id of ids) this.writeRecord(id, pending);
      code[list] = code.length;
    });
    const lists = new Map<readonly Glob[] | string, number>();
    for (const [field, globs] of pending) {
      // The same rule's lists are the same arrays; equal lists of different rules share by content.
      let list = lists.get(globs) ?? lists.get(globKey(globs));
      if (list === undefined) {
        list = writeGlobList(code, this.globPatterns, globs);
        lists.set(globs, list).set(globKey(globs), list);
      }
      code[field] = list;
    }
    return at;
  }

  /** Appends the record of rule `id`; its glob lists are written after the bucket's rule lists. */
  private writeRecord(id: number, pending: [number, readonly Glob[]][]): void {
    const { code, table } = this;
    const ir = table.rules[id]!;
    const r = code.length;
    // A rule with `*` among its namespaces matches every namespace: flagged, never tested.
    const a = ir.nonResourceURLs ?? (ir.anyNamespace ? undefined : ir.namespaces);
    const lengths = a !== undefined && ir.nonResourceURLs === undefined ? lengthMask(a) : 0;
    code.push(id, table.verbMasks[id]!, table.flags[id]! | (lengths << Rec.LengthShift), -1, -1);
    if (a) pending.push([r + Rec.GlobsA, a]);
    if (ir.names) pending.push([r + Rec.GlobsB, ir.names]);
  }
}

/** The internalized (flat, unique) string equal to `s`: V8 internalizes property names. */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/** A content key of a glob list. */
function globKey(globs: readonly Glob[]): string {
  return JSON.stringify(globs.map((g) => g.source));
}
