import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob } from "@rampart/core";
import { createNamespaceMatcher } from "@rampart/core/compiler";

// The matcher tests a pattern only on the namespaces that start with its literal prefix (a range of
// the sorted list): it must agree with testing every namespace, for any list and any glob.
const segment = fc.constantFrom("a", "b", "ab", "team", "t1", "t10", "-", "dev", "prod", "x");
const name = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join(""));
const glob = fc.array(fc.oneof(segment, fc.constant("*"), fc.constant("?")), { minLength: 1, maxLength: 4 }).map((s) => s.join(""));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("namespace matcher", () => {
  it("matching(globs) is the sorted list filtered by the globs, for every list asked of one matcher; matches agrees", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 30 }),
        fc.array(fc.array(glob, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (namespaces, lists) => {
          const sorted = [...namespaces].sort(cmp);
          // Given in any order (here: reversed): the matcher sorts; one matcher answers every list (its memo must not mix them).
          const m = createNamespaceMatcher([...sorted].reverse());
          for (const sources of [...lists, ...lists]) {
            const globs = sources.map((s) => compileGlob(s));
            expect(m.matching(globs)).toEqual(sorted.filter((ns) => globs.some((g) => g.test(ns))));
            for (const g of globs) for (const ns of sorted) expect(m.matches(g, ns)).toBe(g.test(ns));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("lists of globs whose texts join alike are told apart", () => {
    const m = createNamespaceMatcher(["ab", "ab-x", "b-x", "c"]);
    expect(m.matching([compileGlob("a"), compileGlob("b-*")])).toEqual(["b-x"]);
    expect(m.matching([compileGlob("ab"), compileGlob("-*")])).toEqual(["ab"]);
    expect(m.matching([compileGlob("c"), compileGlob("ab")])).toEqual(["ab", "c"]);
    expect(m.matching([compileGlob("c"), compileGlob("b-x")])).toEqual(["b-x", "c"]);
  });

  it("a literal glob matches only a listed namespace; `*` matches all", () => {
    const m = createNamespaceMatcher(["t1", "t1-dev", "t10"]);
    expect(m.matching([compileGlob("t1")])).toEqual(["t1"]);
    expect(m.matching([compileGlob("t2")])).toEqual([]);
    expect(m.matching([compileGlob("t1*")])).toEqual(["t1", "t1-dev", "t10"]);
    expect(m.matching([compileGlob("t1-*"), compileGlob("t10")])).toEqual(["t1-dev", "t10"]);
    expect(m.matching([compileGlob("*")])).toEqual(["t1", "t1-dev", "t10"]);
  });
});
