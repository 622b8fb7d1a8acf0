// Pod Security Standards conformance: every upstream PSA fixture of v1.36 (both levels) through
// `admit` with `podSecurity: <level>`; pass/ must be admitted, fail/ denied naming the check that
// the fixture's file name gives (or the restricted check that overrides it).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { parse } from "yaml";
import { loadDocuments, workloadPolicy } from "@rampart/core";
import { admit, POD_SECURITY_CHECKS } from "@rampart/compiler-vap";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";

const VERSION = "v1.36";
const OVERRIDES: Record<string, string> = {
  hostpathvolumes: "restrictedvolumes",
  capabilities_baseline: "capabilities_restricted",
  seccompprofile_baseline: "seccompprofile_restricted",
  procmount: "procmount_restricted",
};
const tally: Record<string, { agreed: number; total: number; exact: number }> = {};

describeConformance("pod-security", `Pod Security Standards ${VERSION} fixtures`, () => {
  for (const level of ["baseline", "restricted"] as const) {
    const { documents, diagnostics } = loadDocuments([workloadPolicy("pss", { rules: [{ podSecurity: level }] })]);
    expect(diagnostics).toEqual([]);
    for (const expected of ["pass", "fail"] as const) {
      const dir = conformancePath("pod-security", "testdata", level, VERSION, expected);
      for (const file of readdirSync(dir).sort()) {
        it(`${level} ${expected}/${file}`, () => {
          const pod = parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
          const [result] = admit(documents, [pod], { now: new Date("2026-11-24T00:00:00Z") });
          const t = (tally[level] ??= { agreed: 0, total: 0, exact: 0 });
          t.total++;
          const ids = result!.violations.map((v) => v.rule.toLowerCase());
          if (expected === "pass") {
            expect(result!.violations.map((v) => v.message)).toEqual([]);
            t.agreed++;
            t.exact++;
            return;
          }
          const check = file.replace(/\d*\.yaml$/, "");
          const want = level === "restricted" && OVERRIDES[check] ? OVERRIDES[check] : check;
          expect(result!.decision).toBe("deny");
          expect(ids).toContain(want);
          t.agreed++;
          if (ids.every((id) => id === want)) t.exact++;
        });
      }
    }
  }
  it("every check id is a known Pod Security check", () => {
    expect(POD_SECURITY_CHECKS.map((c) => c.id.toLowerCase())).toEqual(
      expect.arrayContaining(["hostprobesandhostlifecycle", "procmount_restricted", "apparmorprofile"]),
    );
  });
  afterAll(() => {
    for (const [level, t] of Object.entries(tally))
      console.log(`[pss ${VERSION}] ${level}: ${t.agreed}/${t.total} agreed (${t.exact} with no other check violated)`);
  });
});
