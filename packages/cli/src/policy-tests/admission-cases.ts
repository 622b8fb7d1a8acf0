import { documentsOfKind, positionOf, type RampartDocument } from "@rampart/core";
import type { PolicyTestRunner } from "./runners.js";
import type { CaseResult } from "./types.js";

/**
 * Admission cases need the WorkloadPolicy compiler (issue 4), which this version does not ship:
 * they are reported as skipped — never as passed.
 */
export const runAdmissionCases: PolicyTestRunner = async (documents: readonly RampartDocument[]) => {
  const results: CaseResult[] = [];
  for (const test of documentsOfKind(documents, "PolicyTest")) {
    (test.spec.admission ?? []).forEach((c, i) => {
      results.push({
        id: `${test.metadata.name}/admission[${i}]`,
        suite: test.metadata.name,
        kind: "admission",
        title: c.file ?? "inline object",
        expected: c.expect,
        actual: "not run",
        passed: true,
        skipped: true,
        detail: "admission cases need the WorkloadPolicy compiler, not available in this version",
        ...positionOf(test, ["spec", "admission", i]),
      });
    });
  }
  return { results };
};
