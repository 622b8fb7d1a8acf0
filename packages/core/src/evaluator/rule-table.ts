import type { AccessRuleIR } from "../ir/access.js";
import { decisionReason } from "./describe-rule.js";
import { Interner } from "./interner.js";
import type { Decision } from "./types.js";

/** Bits of a rule's flags. */
export const RuleFlag = { Deny: 1, AnyVerb: 2, Expires: 4, Urls: 8, Namespaces: 16, AnyNamespace: 32, Names: 64 } as const;

/**
 * The rules of one cluster's index by id (their position in policy order, so the smallest id is
 * the first rule): what a decision tests, in typed arrays, and the frozen decision each rule takes.
 */
export interface RuleTable {
  readonly count: number;
  /** Bit `v` set for each verb id 0–30 of the rule (-1 for `*`). */
  readonly verbMasks: Int32Array;
  /** Verb ids ≥ 31 of each rule (clusters with many custom verbs); undefined when none. */
  readonly extraVerbs: readonly (Set<number> | undefined)[];
  readonly flags: Int32Array;
  /** Expiry instant in ms of rules with `RuleFlag.Expires`. */
  readonly expires: Float64Array;
  /** The rules themselves (their globs are compiled into the buckets that list them). */
  readonly rules: readonly AccessRuleIR[];
  /** The resource pattern ids of each rule (distinct), from the interner. */
  readonly patterns: readonly (readonly number[])[];
  readonly results: readonly Decision[];
}

/** The frozen decision a rule takes, with its one matched rule and reason. */
function resultOf(ir: AccessRuleIR): Decision {
  return Object.freeze({
    decision: ir.effect,
    matched: Object.freeze([Object.freeze({ policy: ir.policy, rule: ir.index, effect: ir.effect })]),
    reason: decisionReason(ir),
  });
}

/** The flags of a rule; its verbs go into `verbMasks` / `extraVerbs` at `id`. */
function flagsOf(ir: AccessRuleIR, id: number, interner: Interner, table: { verbMasks: Int32Array; extraVerbs: (Set<number> | undefined)[] }): number {
  let f = ir.effect === "deny" ? RuleFlag.Deny : 0;
  if (ir.anyVerb) {
    f |= RuleFlag.AnyVerb;
    table.verbMasks[id] = -1;
  } else {
    for (const verb of ir.verbs) {
      const v = interner.verb(verb, true);
      if (v < 31) table.verbMasks[id]! |= 1 << v;
      else (table.extraVerbs[id] ??= new Set()).add(v);
    }
  }
  if (ir.expires !== undefined) f |= RuleFlag.Expires;
  if (ir.nonResourceURLs) f |= RuleFlag.Urls;
  if (ir.namespaces) f |= RuleFlag.Namespaces;
  if (ir.anyNamespace) f |= RuleFlag.AnyNamespace;
  if (ir.names) f |= RuleFlag.Names;
  return f;
}

/** The distinct resource pattern ids a rule covers (the lone `*`, non-resource URLs, or interned refs). */
function patternsOf(ir: AccessRuleIR, interner: Interner): number[] {
  if (ir.nonResourceURLs) return [Interner.NON_RESOURCE];
  const ids = ir.resources.map((ref) => {
    if (!ref.everything) return interner.pattern(ref.group, ref.resource, ref.subresource);
    interner.everythingUsed = true;
    return Interner.EVERYTHING;
  });
  return [...new Set(ids)];
}

/** Builds the rule table of the given rules (ids are their positions), interning verbs and resource patterns. */
export function buildRuleTable(rules: readonly AccessRuleIR[], interner: Interner): RuleTable {
  const n = rules.length;
  const table = {
    count: n,
    verbMasks: new Int32Array(n),
    extraVerbs: new Array<Set<number> | undefined>(n).fill(undefined),
    flags: new Int32Array(n),
    expires: new Float64Array(n),
    rules,
    patterns: [] as number[][],
    results: [] as Decision[],
  };
  rules.forEach((ir, id) => {
    table.flags[id] = flagsOf(ir, id, interner, table);
    if (ir.expires !== undefined) table.expires[id] = ir.expires;
    table.patterns.push(patternsOf(ir, interner));
    table.results.push(resultOf(ir));
  });
  return table;
}
