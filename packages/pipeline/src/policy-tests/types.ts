import type { Diagnostic, RampartDocument } from "@rampart/core";

/** The outcome of one PolicyTest case. */
export interface CaseResult {
  /** `<test>/access[0]` and the like. */
  id: string;
  suite: string;
  kind: "access" | "admission" | "traffic";
  /** A one-line description of the case (the request, the manifest, the flow). */
  title: string;
  expected: string;
  actual: string;
  passed: boolean;
  /** Not run (the case needs a backend this version lacks); neither passed nor failed. */
  skipped?: true;
  /** What decided it (rule, policy, violations). */
  detail: string;
  file: string;
  line: number;
  column: number;
}

/** Runs one kind of PolicyTest case; bad fixtures are diagnostics (exit 2). */
export type PolicyTestRunner = (
  documents: readonly RampartDocument[],
  options: { cluster?: string; now: Date; cwd: string },
) => Promise<{ results: CaseResult[] } | { diagnostics: Diagnostic[] }>;
