import type { Readable } from "node:stream";
import { diagnostic, type Diagnostic } from "@rampart/core";
import { readAuditLine, type AuditRecord } from "./audit-event.js";
import { eachLine, openLog, type LogSource } from "./line-reader.js";
import { parseInWorkers, parseWorkers, type ChunkSink, type ReadPosition, workerScript } from "./parallel-read.js";
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
  /**
   * Worker threads parsing each plain file (0: this thread). Default: 2 for a file of 4 MiB or
   * more on a machine with 2 cores or more, else 0; always 0 when the worker script is missing.
   */
  workers?: number;
  /** The worker script (default: `learn-worker.js` beside this module, as built); when missing, files are parsed on this thread. */
  workerScript?: string;
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
  /** The most worker threads that parsed one file (0: all were parsed on this thread). */
  readonly workers: number;
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
  const script = workerScript(options.workerScript);
  let maxWorkers = 0;
  for (const [fileIndex, path] of paths.entries()) {
    const file = path === "-" ? "<stdin>" : path;
    const position: ReadPosition = { lineNo: 0, lines: 0 };
    const sink: ChunkSink = {
      record: accept,
      mergedStages: (count) => (duplicateStages += count),
      warning: (line, message) => warnings.push({ ...diagnostic("audit-line", "warning", message, { file, line, column: 1 }), fileIndex }),
    };
    try {
      const source = await openLog(path, options.cwd ?? process.cwd(), options.stdin ?? process.stdin);
      try {
        const workers = source.file ? parseWorkers((await source.file.stat()).size, options.workers, script) : 0;
        maxWorkers = Math.max(maxWorkers, workers);
        if (workers > 0) await parseInWorkers(source.file!, workers, script!, sink, position);
        else await parseOnThisThread(source, sink, position);
      } finally {
        await source.close();
      }
    } catch (error) {
      // A gzip stream that ends early (a rotated file cut mid-write) or an unreadable file.
      const message =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? `cannot read \`${path}\`: no such file` : `cannot read further: ${(error as Error).message}`;
      warnings.push({ ...diagnostic("audit-read", "warning", message, { file, line: position.lineNo + 1, column: 1 }), fileIndex });
    } finally {
      lines += position.lines;
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
    workers: maxWorkers,
  };
}

/** Parses a log's lines here, as they are read: stdin, `.gz` files and small files. */
async function parseOnThisThread(source: LogSource, sink: ChunkSink, position: ReadPosition): Promise<void> {
  await eachLine(source.chunks, (line) => {
    const lineNo = ++position.lineNo;
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) return;
    position.lines++;
    const parsed = readAuditLine(line);
    if (typeof parsed !== "string") sink.record(parsed);
    else sink.warning(lineNo, parsed);
  });
}
