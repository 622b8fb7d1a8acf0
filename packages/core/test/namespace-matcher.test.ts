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
  it("matching(globs) is the sorted list filtered by the globs; matches agrees", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 30 }), fc.array(glob, { minLength: 1, maxLength: 3 }), (namespaces, sources) => {
        const sorted = [...namespaces].sort(cmp);
        const globs = sources.map((s) => compileGlob(s));
        const m = createNamespaceMatcher(sorted);
        expect(m.matching(globs)).toEqual(sorted.filter((ns) => globs.some((g) => g.test(ns))));
        for (const g of globs) for (const ns of sorted) expect(m.matches(g, ns)).toBe(g.test(ns));
      }),
      { numRuns: 500 },
    );
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
