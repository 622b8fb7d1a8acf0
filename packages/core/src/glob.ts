/**
 * Globs of rampart: `*` matches any run of characters, `?` exactly one, everything else itself.
 * Matching never backtracks exponentially: a single star backtrack point makes it linear in the
 * subject for a fixed pattern (O(|pattern| * |subject|) at worst).
 */
export interface Glob {
  readonly source: string;
  /** True when the pattern is a plain string (no `*` or `?`). */
  readonly literal: boolean;
  /** True when the pattern is exactly `*`. */
  readonly any: boolean;
  test(subject: string): boolean;
}

/** Characters allowed in a glob: no regular-expression syntax, no control characters. */
const GLOB_CHARS = /^[\x21-\x7e]*$/;

/** Returns why `pattern` is not a valid glob, or undefined when it is. */
export function globError(pattern: string): string | undefined {
  if (pattern.length === 0) return "a pattern must not be empty";
  if (!GLOB_CHARS.test(pattern)) return "a pattern may hold only printable ASCII characters without spaces";
  if (/[\[\]{}()^$|+\\]/.test(pattern)) {
    return "a pattern supports only `*` (any run of characters) and `?` (one character); regular expressions and brackets are not supported";
  }
  return undefined;
}

/** Matches `subject` against `pattern` without regular expressions or exponential backtracking. */
export function globMatch(pattern: string, subject: string): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  const pl = pattern.length;
  const sl = subject.length;
  while (s < sl) {
    const pc = p < pl ? pattern.charCodeAt(p) : -1;
    if (pc === 42 /* * */) {
      starP = p++;
      starS = s;
    } else if (pc === 63 /* ? */ || pc === subject.charCodeAt(s)) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < pl && pattern.charCodeAt(p) === 42) p++;
  return p === pl;
}

/** Compiles a glob into a matcher with fast paths for literals, `*` and `prefix*`. */
export function compileGlob(pattern: string): Glob {
  const star = pattern.indexOf("*");
  const hasQ = pattern.includes("?");
  if (star < 0 && !hasQ) {
    return { source: pattern, literal: true, any: false, test: (s) => s === pattern };
  }
  if (pattern === "*") return { source: pattern, literal: false, any: true, test: () => true };
  if (!hasQ && star === pattern.length - 1) {
    const prefix = pattern.slice(0, -1);
    return { source: pattern, literal: false, any: false, test: (s) => s.startsWith(prefix) };
  }
  return { source: pattern, literal: false, any: false, test: (s) => globMatch(pattern, s) };
}

/**
 * One predicate for "matches any of these globs", specialised for the common shapes (one literal,
 * a set of literals, one `prefix*`, `*`) so that a hot loop calls one function on one object.
 */
export function globSetMatcher(globs: readonly Glob[]): (subject: string) => boolean {
  if (globs.some((g) => g.any)) return () => true;
  if (globs.every((g) => g.literal)) {
    if (globs.length === 1) {
      const only = globs[0]!.source;
      return (s) => s === only;
    }
    const set = new Set(globs.map((g) => g.source));
    return (s) => set.has(s);
  }
  if (globs.length === 1) return globs[0]!.test;
  const literals = new Set(globs.filter((g) => g.literal).map((g) => g.source));
  const rest = globs.filter((g) => !g.literal).map((g) => g.test);
  // Plain loops: a callback here would allocate a closure per call on the evaluator's hot path.
  const anyRest = (s: string): boolean => {
    for (let i = 0; i < rest.length; i++) if (rest[i]!(s)) return true;
    return false;
  };
  if (literals.size === 0) return anyRest;
  return (s) => literals.has(s) || anyRest(s);
}
