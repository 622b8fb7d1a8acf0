import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob } from "@rampart/core";
import { GlobItem, matchGlobList, writeGlobList } from "../src/evaluator/glob-code.js";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { refGlob } from "../../../test-support/reference-evaluator.js";

// The glob lists compiled into the evaluator's index (an internal unit: characters packed two UTF-16
// code units to an int) against the reference's DP matcher, with code units of every width: ASCII,
// Latin-1, CJK, both halves of a surrogate pair and the largest (0xffff, whose int is negative).

const CHARS = ["a", "b", "-", "ü", "日", "\ud83d", "\ude00", "\uffff"] as const;
const glob = fc.array(fc.constantFrom(...CHARS, "*", "?"), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(""));
const subject = fc.array(fc.constantFrom(...CHARS), { maxLength: 9 }).map((cs) => cs.join(""));

describe("compiled glob lists (fast-check)", () => {
  it("a list matches a string iff one of its globs does, at any offset of the index", () => {
    const runs = propertyRuns(3000);
    const kinds = new Set<number>();
    let matched = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: 5 }),
        fc.array(glob, { minLength: 1, maxLength: 4 }),
        fc.array(subject, { minLength: 1, maxLength: 8 }),
        (pad, globs, subjects) => {
          const out: number[] = new Array<number>(pad).fill(-7);
          const patterns: string[] = [];
          const at = writeGlobList(out, patterns, globs.map(compileGlob));
          out.push(-7); // nothing read past the list's end
          const code = Int32Array.from(out);
          kinds.add(code[at + 1]!); // the kind of the first item
          for (const s of subjects) {
            const want = globs.some((g) => refGlob(g, s));
            expect(matchGlobList(code, patterns, at, s), `${JSON.stringify(globs)} on ${JSON.stringify(s)}`).toBe(want);
            if (want) matched++;
          }
        },
      ),
      { numRuns: runs },
    );
    // The first item's kind covers literals, prefixes, suffixes, both, fixed-length prefixes, `*` and general globs.
    expect([...kinds].sort()).toEqual(Object.values(GlobItem).sort());
    expect(matched).toBeGreaterThanOrEqual(propertyFloor(0.25, runs));
  });
});
