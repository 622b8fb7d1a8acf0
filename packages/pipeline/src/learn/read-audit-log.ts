import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { diagnostic, type Diagnostic } from "@rampart/core";
import { parseAuditLine, type AuditRecord } from "./audit-event.js";

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

function open(path: string, options: ReadAuditOptions): Readable {
  if (path === "-") return options.stdin ?? process.stdin;
  const stream = createReadStream(resolve(options.cwd ?? process.cwd(), path));
  return path.endsWith(".gz") ? stream.pipe(createGunzip()) : stream;
}

/**
 * Streams audit logs (`.jsonl`, `.gz`, `-` for stdin) line by line in one pass. Stages of the
 * same `auditID` count once; the latest stage wins because only it knows the outcome.
 */
export async function readAuditLog(paths: readonly string[], options: ReadAuditOptions = {}): Promise<AuditLog> {
  const byId = new Map<string, AuditRecord>();
  const anonymous: AuditRecord[] = [];
  const warnings: Diagnostic[] = [];
  let lines = 0;
  let duplicateStages = 0;
  for (const path of paths) {
    const file = path === "-" ? "<stdin>" : path;
    const input = open(path, options);
    const reader = createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    try {
      for await (const line of reader) {
        lineNo++;
        if (line.trim() === "") continue;
        lines++;
        const parsed = parseAuditLine(line);
        if ("warning" in parsed) {
          warnings.push(diagnostic("audit-line", "warning", parsed.warning, { file, line: lineNo, column: 1 }));
          continue;
        }
        const r = parsed.record;
        if (r.auditId === "") {
          anonymous.push(r);
          continue;
        }
        const seen = byId.get(r.auditId);
        if (seen === undefined) byId.set(r.auditId, r);
        else {
          duplicateStages++;
          if (r.stageRank > seen.stageRank) byId.set(r.auditId, r);
        }
      }
    } catch (error) {
      // A gzip stream that ends early (a rotated file cut mid-write) or an unreadable file.
      const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? `cannot read \`${path}\`: no such file` : `cannot read further: ${(error as Error).message}`;
      warnings.push(diagnostic("audit-read", "warning", message, { file, line: lineNo + 1, column: 1 }));
    }
  }
  const since = options.since?.getTime() ?? -Infinity;
  const until = options.until?.getTime() ?? Infinity;
  const records: AuditRecord[] = [];
  let outsideWindow = 0;
  for (const source of [byId.values(), anonymous]) {
    for (const r of source) {
      if (r.time >= since && r.time < until) records.push(r);
      else outsideWindow++;
    }
  }
  return { records, warnings, lines, skipped: warnings.filter((w) => w.code === "audit-line").length, duplicateStages, outsideWindow };
}
