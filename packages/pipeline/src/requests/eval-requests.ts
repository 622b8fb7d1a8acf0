import type { AccessRequest, Decision } from "@rampart/core";
import { EXIT } from "../exit-codes.js";
import { COMMAND_LINE, readRequestBatch, type RequestBatch } from "./request-batch.js";

/** The requests of one `rampart eval` run: the one its flags give (`single`), else the JSONL batch at `file` (`-` reads `stdin`). */
export async function evalBatch(single: AccessRequest | undefined, file: string, options: { cwd: string; stdin?: string | undefined }): Promise<RequestBatch> {
  return single ? { requests: [{ request: single, at: COMMAND_LINE }], diagnostics: [] } : readRequestBatch(file, options);
}

/** What `rampart eval` prints: one decision as `decision: reason` (exit 1 unless allowed), a batch as one JSON line per decision (exit 0). */
export function evalOutput(decisions: readonly Decision[], single: boolean): { data: unknown; lines: string[]; code: number } {
  const shown = decisions.map(({ decision, matched, reason }) => ({ decision, matched, reason }));
  if (!single) return { data: shown, lines: shown.map((d) => JSON.stringify(d)), code: EXIT.ok };
  const [{ decision, reason }] = shown as [(typeof shown)[0]];
  return { data: shown[0], lines: [`${decision}: ${reason}`], code: decision === "allow" ? EXIT.ok : EXIT.outcome };
}
