import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, globMatch } from "@rampart/core";
import { propertyRuns } from "../../../test-support/property.js";
import { refGlob } from "../../../test-support/reference-evaluator.js";
import { globChar } from "./evaluator-arbitraries.js";

// The globs of namespaces, names and non-resource URLs against the reference's DP matcher.

describe("globs (fast-check)", () => {
  it("globs: `*` any run, `?` one character, everything else itself — same as a DP matcher", () => {
    const pattern = fc.array(globChar, { maxLength: 8 }).map((cs) => cs.join(""));
    const subject = fc.array(fc.constantFrom("a", "b", "-"), { maxLength: 10 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        const want = refGlob(p, s);
        expect(globMatch(p, s)).toBe(want);
        if (p !== "") expect(compileGlob(p).test(s)).toBe(want);
      }),
      { numRuns: propertyRuns(20_000) },
    );
  });
});
