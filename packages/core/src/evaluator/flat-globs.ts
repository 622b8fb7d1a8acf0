import { globSetMatcher, type Glob } from "../glob.js";

/**
 * A glob list as plain fields of a rule (no closure, context or Set per rule): the evaluator's hot
 * path then touches the rule object and the one or two strings it compares, which keeps a decision
 * to a few cache lines however many teams (and so glob lists) an index holds.
 */
export const GlobKind = { Literal: 1, Prefix: 2, LiteralOrPrefix: 3, TwoLiterals: 4, TwoPrefixes: 5, Any: 6, Other: 7 } as const;

/** The fields of one glob list: `kind`, strings `a` and `b`, and a matcher for `GlobKind.Other`. */
export interface FlatGlobs {
  readonly kind: number;
  readonly a: string;
  readonly b: string;
  readonly other: ((s: string) => boolean) | undefined;
}

const prefixOf = (g: Glob): string | undefined => {
  const s = g.source;
  const star = s.indexOf("*");
  return star === s.length - 1 && !s.includes("?") ? s.slice(0, -1) : undefined;
};

/** Flattens a glob list. */
export function flattenGlobs(globs: readonly Glob[]): FlatGlobs {
  if (globs.some((g) => g.any)) return { kind: GlobKind.Any, a: "", b: "", other: undefined };
  const unique = [...new Map(globs.map((g) => [g.source, g])).values()];
  const lits = unique.filter((g) => g.literal).map((g) => g.source);
  const prefixes = unique.filter((g) => !g.literal).map(prefixOf);
  const simple = prefixes.every((p) => p !== undefined);
  const flat = (kind: number, a = "", b = ""): FlatGlobs => ({ kind, a, b, other: undefined });
  if (simple && unique.length === 1) return lits.length === 1 ? flat(GlobKind.Literal, lits[0]) : flat(GlobKind.Prefix, prefixes[0]);
  if (simple && unique.length === 2) {
    if (lits.length === 2) return flat(GlobKind.TwoLiterals, lits[0], lits[1]);
    if (lits.length === 1) return flat(GlobKind.LiteralOrPrefix, lits[0], prefixes[0]);
    return flat(GlobKind.TwoPrefixes, prefixes[0], prefixes[1]);
  }
  return { kind: GlobKind.Other, a: "", b: "", other: globSetMatcher(globs) };
}

/** True when `s` matches the flattened glob list (kind, a, b, other) of a rule. */
export function matchFlat(kind: number, a: string, b: string, other: ((s: string) => boolean) | undefined, s: string): boolean {
  switch (kind) {
    case GlobKind.Literal:
      return s === a;
    case GlobKind.Prefix:
      return s.startsWith(a);
    case GlobKind.LiteralOrPrefix:
      return s === a || s.startsWith(b);
    case GlobKind.TwoLiterals:
      return s === a || s === b;
    case GlobKind.TwoPrefixes:
      return s.startsWith(a) || s.startsWith(b);
    case GlobKind.Any:
      return true;
    default:
      return other!(s);
  }
}
