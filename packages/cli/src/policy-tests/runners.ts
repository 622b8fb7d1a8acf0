import type { Diagnostic, RampartDocument } from "@rampart/core";
import type { CaseResult } from "./types.js";

/** Runs one kind of PolicyTest case; bad fixtures are diagnostics (exit 2). */
export type PolicyTestRunner = (
  documents: readonly RampartDocument[],
  options: { cluster?: string; now: Date; cwd: string },
) => Promise<{ results: CaseResult[] } | { diagnostics: Diagnostic[] }>;

/** Runners beyond access (admission, traffic). */
export const POLICY_TEST_RUNNERS: PolicyTestRunner[] = [];

/** Registers a runner (kept separate to avoid an import cycle with the runners). */
export function registerRunner(runner: PolicyTestRunner): void {
  POLICY_TEST_RUNNERS.push(runner);
}
