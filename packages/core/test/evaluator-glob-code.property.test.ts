import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob } from "@rampart/core";
import { GlobItem, lengthBit, lengthMask, MASKED_LENGTHS, matchGlobList, writeGlobList } from "../src/evaluator/glob-code.js";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { refGlob } from "../../../test-support/reference-evaluator.js";

// The glob lists compiled into the evaluator's index (an internal unit: characters packed two UTF-16
// code units to an int) against the reference's DP matcher, with code units of every width: ASCII,
// Latin-1, CJK, a lone low surrogate and the largest (0xffff, whose int is negative). No surrogate
// pairs: the reference reads a pattern by code points and a subject by code units.

const CHARS = ["a", "b", "-", "ü", "日", "\udfff", "\uffff", "0123456789"] as const; // the last one: lengths past `MASKED_LENGTHS`
const glob = fc.array(fc.constantFrom(...CHARS, "*", "?"), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(""));
const subject = fc.array(fc.constantFrom(...CHARS), { maxLength: 9 }).map((cs) => cs.join(""));

describe("compiled glob lists (fast-check)", () => {
  it("a list matches a string iff one of its globs does, at any offset of the index", () => {
    const runs = propertyRuns(3000);
    const kinds = new Set<number>();
    let matched = 0;
    let long = 0;
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
          // Strings each glob matches, one with a long run for `*` (lengths past `MASKED_LENGTHS`).
          const instances = globs.map((g) => g.replace(/\*/g, "0123456789ab").replace(/\?/g, "ü"));
          for (const s of [...subjects, ...instances]) {
            const want = globs.some((g) => refGlob(g, s));
            expect(matchGlobList(code, patterns, at, s), `${JSON.stringify(globs)} on ${JSON.stringify(s)}`).toBe(want);
            if (!want) continue;
            matched++;
            if (s.length > MASKED_LENGTHS) long++;
            // The length mask a decision tests before the list never rejects a string the list matches.
            expect(lengthMask(globs.map(compileGlob)) & lengthBit(s.length), `${JSON.stringify(globs)} on ${JSON.stringify(s)}`).not.toBe(0);
          }
        },
      ),
      { numRuns: runs },
    );
    // The first item's kind covers literals, prefixes, suffixes, both, fixed-length prefixes, `*` and general globs.
    expect([...kinds].sort()).toEqual(Object.values(GlobItem).sort());
    expect(matched).toBeGreaterThanOrEqual(propertyFloor(0.25, runs));
    expect(long).toBeGreaterThanOrEqual(propertyFloor(0.01, runs));
  });
});

describe("length masks of glob lists", () => {
  it("exact lengths, lower bounds and the top bit for long strings", () => {
    const mask = (...globs: string[]) => lengthMask(globs.map(compileGlob));
    expect(mask("team")).toBe(1 << 4);
    expect(mask("worker-?")).toBe(1 << 8);
    expect(mask("team-*")).toBe(0xffffff & ~0x1f);
    expect(mask("*")).toBe(0xffffff);
    expect(mask("a*b", "x")).toBe((0xffffff & ~0x3) | (1 << 1));
    expect(mask("a".repeat(30))).toBe(1 << MASKED_LENGTHS);
    expect(mask("a".repeat(30) + "*")).toBe(1 << MASKED_LENGTHS);
    expect(lengthBit(0)).toBe(1);
    expect(lengthBit(99)).toBe(1 << MASKED_LENGTHS);
  });
});
