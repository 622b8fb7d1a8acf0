import type { Diagnostic, RampartDocument } from "@rampart/core";
import type { CaseResult } from "./types.js";

/** Runs one kind of PolicyTest case; bad fixtures are diagnostics (exit 2). */
export type PolicyTestRunner = (
  documents: readonly RampartDocument[],
  options: { cluster?: string; now: Date; cwd: string },
) => Promise<{ results: CaseResult[] } | { diagnostics: Diagnostic[] }>;

/** Runners beyond access (admission, traffic), added as their compilers land. */
export const POLICY_TEST_RUNNERS: PolicyTestRunner[] = [];
