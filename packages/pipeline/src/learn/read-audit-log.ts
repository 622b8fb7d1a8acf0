import type { Readable } from "node:stream";
import { diagnostic, type Diagnostic } from "@rampart/core";
import { readAuditLine, type AuditRecord } from "./audit-event.js";
import { eachLine, openLog } from "./line-reader.js";
import { RequestTally } from "./request-tally.js";

/** Options of `readAuditLog`. */
export interface ReadAuditOptions {
  /** Directory relative paths are resolved against (default: the process's). */
  cwd?: string;
  /** What `-` reads (default: the process's standard input). */
  stdin?: Readable;
  /** Keep only requests received at or after this instant. */
  since?: Date;
  /** Keep only requests received before this instant. */
  until?: Date;
}

/** The requests of one or more audit logs, one record per request (stages merged). */
export interface AuditLog {
  /** Requests inside the window, identical ones tallied into one record. */
  readonly records: AuditRecord[];
  /** One warning per skipped line, `file:line`. */
  readonly warnings: Diagnostic[];
  /** Non-empty lines read. */
  readonly lines: number;
  /** Lines skipped as malformed or foreign. */
  readonly skipped: number;
  /** Events that were another stage of a request already read. */
  readonly duplicateStages: number;
  /** Requests outside `since`/`until`. */
  readonly outsideWindow: number;
}

/**
 * Streams audit logs (`.jsonl`, `.gz`, `-` for stdin) line by line in one pass. Stages of the
 * same `auditID` count once; the latest stage wins because only it knows the outcome. Identical
 * requests are tallied into one record (`RequestTally`).
 */
export async function readAuditLog(paths: readonly string[], options: ReadAuditOptions = {}): Promise<AuditLog> {
  // Per auditID: the rank of its final stage once tallied, else its latest early stage (kept
  // until a later stage replaces it; tallied at the end when none comes).
  const stages = new Map<string, number | AuditRecord>();
  const since = options.since?.getTime() ?? -Infinity;
  const until = options.until?.getTime() ?? Infinity;
  const tally = new RequestTally();
  let outsideWindow = 0;
  const keep = (r: AuditRecord) => {
    if (r.time >= since && r.time < until) tally.add(r);
    else outsideWindow++;
  };
  const warnings: (Diagnostic & { fileIndex: number })[] = [];
  let lines = 0;
  let duplicateStages = 0;
  const accept = (r: AuditRecord) => {
    const id = r.auditId;
    if (id === "") return keep(r);
    const seen = stages.get(id);
    if (seen !== undefined) {
      duplicateStages++;
      if (r.stageRank <= (typeof seen === "number" ? seen : seen.stageRank)) return;
    }
    // Records come from JSON.parse: their strings are copies, none keeps a read chunk alive.
    if (r.stageRank >= 2) {
      stages.set(id, r.stageRank);
      keep(r);
    } else stages.set(id, r);
  };
  for (const [fileIndex, path] of paths.entries()) {
    const file = path === "-" ? "<stdin>" : path;
    let lineNo = 0;
    try {
      const source = await openLog(path, options.cwd ?? process.cwd(), options.stdin ?? process.stdin);
      try {
        await eachLine(source.chunks, (line) => {
          lineNo++;
          if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) return;
          lines++;
          const parsed = readAuditLine(line);
          if (typeof parsed !== "string") return accept(parsed);
          warnings.push({ ...diagnostic("audit-line", "warning", parsed, { file, line: lineNo, column: 1 }), fileIndex });
        });
      } finally {
        await source.close();
      }
    } catch (error) {
      // A gzip stream that ends early (a rotated file cut mid-write) or an unreadable file.
      const message =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? `cannot read \`${path}\`: no such file` : `cannot read further: ${(error as Error).message}`;
      warnings.push({ ...diagnostic("audit-read", "warning", message, { file, line: lineNo + 1, column: 1 }), fileIndex });
    }
  }
  // Requests whose last logged stage is an early one.
  for (const s of stages.values()) if (typeof s !== "number") keep(s);
  warnings.sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
  return {
    records: tally.records(),
    warnings: warnings.map(({ fileIndex, ...d }) => d),
    lines,
    skipped: warnings.filter((w) => w.code === "audit-line").length,
    duplicateStages,
    outsideWindow,
  };
}
