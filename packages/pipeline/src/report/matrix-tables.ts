import { describeRule, type AccessRuleIR } from "@rampart/core";
import type { CellState, ReportRule } from "./types.js";

/** The value interned under `key`, added by `add` (which returns its index) the first time. */
function intern(index: Map<string, number>, key: string, add: () => number): number {
  let id = index.get(key);
  if (id === undefined) index.set(key, (id = add()));
  return id;
}

/**
 * The string tables of an access matrix, each entry stored once: rules, rule sets, namespace
 * sets, cell kinds (state, rule set, namespace set), patterns (a kind per verb) and profiles
 * (resource, pattern pairs).
 */
export class MatrixTables {
  readonly rules: ReportRule[] = [];
  readonly ruleSets: number[][] = [];
  readonly namespaceSets: number[][] = [];
  readonly kinds: number[] = [];
  readonly patterns: number[][] = [];
  readonly profiles: number[][] = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly ruleSetIndex = new Map<string, number>();
  private readonly namespaceSetIndex = new Map<string, number>();
  private readonly kindIndex = new Map<string, number>();
  private readonly patternIndex = new Map<string, number>();
  private readonly profileIndex = new Map<string, number>();

  /** `ruleOf`: each rule by its key `policy#index`. */
  constructor(private readonly ruleOf: ReadonlyMap<string, AccessRuleIR>) {}

  /** The index of a set of rules, given by their keys in order. */
  ruleSet(keys: readonly string[]): number {
    const ids = keys.map((k) =>
      intern(this.ruleIndex, k, () => {
        const r = this.ruleOf.get(k)!;
        return this.rules.push({ policy: r.policy, rule: r.index, effect: r.effect, text: describeRule(r), file: r.source.file, line: r.source.line }) - 1;
      }),
    );
    return intern(this.ruleSetIndex, ids.join(","), () => this.ruleSets.push(ids) - 1);
  }

  /** The index of a set of namespace classes. */
  namespaceSet(ids: number[]): number {
    return intern(this.namespaceSetIndex, ids.join(","), () => this.namespaceSets.push(ids) - 1);
  }

  /** The index of a cell kind. */
  kind(state: CellState, ruleSet: number, namespaceSet: number): number {
    return intern(this.kindIndex, `${state},${ruleSet},${namespaceSet}`, () => this.kinds.push(state, ruleSet, namespaceSet) / 3 - 1);
  }

  /** The index of a profile: its rows (resource → a kind per verb) as (resource, pattern) pairs; -1 when it has none. */
  profile(rows: ReadonlyMap<number, number[]>): number {
    if (rows.size === 0) return -1;
    const flat: number[] = [];
    for (const ri of [...rows.keys()].sort((a, b) => a - b)) {
      const pattern = rows.get(ri)!;
      flat.push(
        ri,
        intern(this.patternIndex, pattern.join(","), () => this.patterns.push(pattern) - 1),
      );
    }
    return intern(this.profileIndex, flat.join(","), () => this.profiles.push(flat) - 1);
  }
}
