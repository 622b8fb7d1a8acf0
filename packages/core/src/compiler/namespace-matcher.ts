import type { Glob } from "../glob.js";

/** Globs matched against a fixed, sorted list of namespaces, once per distinct pattern. */
export interface NamespaceMatcher {
  /** The namespaces (in the list's order) that any of the globs matches. */
  matching(globs: readonly Glob[]): readonly string[];
  /** Does the glob match this namespace of the list? (O(1) after the first call per glob.) */
  matches(glob: Glob, namespace: string): boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First index in sorted `list` whose element is ≥ `key`. */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A matcher over `namespaces` (sorted by code unit, as `knownNamespaces` returns them). A literal
 * glob is a set lookup; a pattern is tested only on the namespaces that start with its literal
 * prefix (a contiguous range of the sorted list, found by binary search). Results are memoised
 * per pattern, so policies that share a glob share its expansion.
 */
export function createNamespaceMatcher(namespaces: readonly string[]): NamespaceMatcher {
  const sorted = [...namespaces].sort(cmp);
  const listed = new Set(sorted);
  const byPattern = new Map<string, readonly string[]>();
  const sets = new Map<string, ReadonlySet<string>>();
  const one = (g: Glob): readonly string[] => {
    let out = byPattern.get(g.source);
    if (out) return out;
    if (g.any) out = sorted;
    else if (g.literal) out = listed.has(g.source) ? [g.source] : [];
    else {
      const prefix = g.source.slice(0, g.source.search(/[*?]/));
      const found: string[] = [];
      for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) if (g.test(sorted[i]!)) found.push(sorted[i]!);
      out = found;
    }
    byPattern.set(g.source, out);
    return out;
  };
  const memo = new Map<string, readonly string[]>();
  return {
    matching(globs) {
      if (globs.length === 1) return one(globs[0]!);
      const key = globs.map((g) => g.source).join("\u0000");
      let out = memo.get(key);
      if (!out) memo.set(key, (out = [...new Set(globs.flatMap((g) => one(g)))].sort(cmp)));
      return out;
    },
    matches(glob, namespace) {
      let set = sets.get(glob.source);
      if (!set) sets.set(glob.source, (set = new Set(one(glob))));
      return set.has(namespace);
    },
  };
}
