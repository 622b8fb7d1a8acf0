import type { Diagnostic } from "@rampart/core";
import { EXIT } from "../exit-codes.js";
import { learnJson } from "../learn-flags.js";
import { formatLearnSummary } from "./format-summary.js";
import type { LearnResult } from "./learn.js";

/** How many diagnostics `rampart learn` prints before it only counts the rest. */
const SHOWN_DIAGNOSTICS = 50;

/**
 * What `rampart learn` prints: with `json`, the JSON summary on stdout only; else the first diagnostics and the summary
 * on stderr, and, without an output directory, the policies themselves on stdout.
 */
export function learnOutput(
  result: LearnResult,
  options: { json: boolean; dir: string | undefined; format: "yaml" | "ts" },
): { diagnostics: Diagnostic[]; lines: string[]; notes: string[] } {
  const { json, dir, format } = options;
  if (json) return { diagnostics: [], lines: [learnJson(result, dir)], notes: [] };
  const more = result.diagnostics.length - SHOWN_DIAGNOSTICS;
  const notes = [...(more > 0 ? [`… and ${more} more warnings`] : []), ...formatLearnSummary(result.summary, dir)];
  // Without -o the policies go to standard output and the summary to standard error.
  const policies = dir === undefined && result.status !== EXIT.invalid ? [result.files.map((f) => f.content).join(format === "yaml" ? "---\n" : "\n")] : [];
  return { diagnostics: result.diagnostics.slice(0, SHOWN_DIAGNOSTICS), lines: policies, notes };
}
