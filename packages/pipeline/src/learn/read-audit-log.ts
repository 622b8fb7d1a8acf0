import { open as openFile } from "node:fs/promises";
import { resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { diagnostic, type Diagnostic } from "@rampart/core";
import { parseAuditLine, peekStage, RequestTally, type AuditRecord } from "./audit-event.js";

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

/** The streams of a log: opened first, so a missing file fails here rather than mid-stream. */
async function open(path: string, options: ReadAuditOptions): Promise<Readable[]> {
  if (path === "-") return [options.stdin ?? process.stdin];
  const handle = await openFile(resolve(options.cwd ?? process.cwd(), path), "r");
  const stream = handle.createReadStream();
  return path.endsWith(".gz") ? [stream.pipe(createGunzip()), stream] : [stream];
}

/**
 * Calls `onLine` for each line of the streams' first (the others feed it; `\n` or `\r\n` ends a
 * line); rejects on an error of any. Splits chunks itself: no per-line event or promise.
 */
function eachLine(streams: Readable[], onLine: (line: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const input = streams[0]!;
    const decoder = new StringDecoder("utf8");
    let rest = "";
    const emit = (line: string) => onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
    const stop = (error: Error) => {
      input.removeAllListeners("data");
      fail(error);
    };
    for (const s of streams) s.on("error", stop);
    input.on("data", (chunk: Buffer | string) => {
      const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
      let from = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
        emit(text.slice(from, nl));
        from = nl + 1;
      }
      rest = text.slice(from);
    });
    input.once("end", () => {
      rest += decoder.end();
      if (rest !== "") emit(rest);
      done();
    });
  });
}

/**
 * Streams audit logs (`.jsonl`, `.gz`, `-` for stdin) line by line in one pass. Stages of the
 * same `auditID` count once; the latest stage wins because only it knows the outcome. Identical
 * requests are tallied into one record (`RequestTally`).
 */
export async function readAuditLog(paths: readonly string[], options: ReadAuditOptions = {}): Promise<AuditLog> {
  // Final stages are tallied at once; only the stage rank of their auditID is remembered.
  const rankOf = new Map<string, number>();
  const pending = new Map<string, AuditRecord>();
  const since = options.since?.getTime() ?? -Infinity;
  const until = options.until?.getTime() ?? Infinity;
  const tally = new RequestTally();
  let outsideWindow = 0;
  const keep = (r: AuditRecord) => {
    if (r.time >= since && r.time < until) tally.add(r);
    else outsideWindow++;
  };
  // Earlier stages are kept as text until a later stage of the same request makes them moot:
  // most are never parsed (JSON.parse dominates the cost of reading).
  const deferred = new Map<string, { line: string; file: string; fileIndex: number; lineNo: number; rank: number }>();
  const warnings: (Diagnostic & { fileIndex: number })[] = [];
  let lines = 0;
  let duplicateStages = 0;
  const accept = (line: string, file: string, fileIndex: number, lineNo: number): boolean => {
    const parsed = parseAuditLine(line);
    if ("warning" in parsed) {
      warnings.push({ ...diagnostic("audit-line", "warning", parsed.warning, { file, line: lineNo, column: 1 }), fileIndex });
      return false;
    }
    const r = parsed.record;
    if (r.auditId === "") {
      keep(r);
      return true;
    }
    const seen = rankOf.get(r.auditId);
    if (seen !== undefined) duplicateStages++;
    if (seen !== undefined && r.stageRank <= seen) return true;
    rankOf.set(r.auditId, r.stageRank);
    if (r.stageRank >= 2) {
      pending.delete(r.auditId);
      keep(r);
    } else pending.set(r.auditId, r);
    return true;
  };
  for (const [fileIndex, path] of paths.entries()) {
    const file = path === "-" ? "<stdin>" : path;
    let lineNo = 0;
    try {
      await eachLine(await open(path, options), (line) => {
        lineNo++;
        if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) return;
        lines++;
        const peek = peekStage(line);
        if (peek !== undefined) {
          const waiting = deferred.get(peek.auditId);
          const parsedRank = rankOf.get(peek.auditId);
          if (peek.stageRank < 2 && parsedRank === undefined) {
            if (waiting === undefined || waiting.rank < peek.stageRank) deferred.set(peek.auditId, { line, file, fileIndex, lineNo, rank: peek.stageRank });
            if (waiting !== undefined) duplicateStages++;
            return;
          }
          if (parsedRank !== undefined && parsedRank >= peek.stageRank) {
            duplicateStages++;
            return;
          }
          // The earlier stage is dropped only once this one proved readable.
          if (accept(line, file, fileIndex, lineNo) && waiting !== undefined && waiting.rank <= peek.stageRank) {
            deferred.delete(peek.auditId);
            duplicateStages++;
          }
          return;
        }
        accept(line, file, fileIndex, lineNo);
      });
    } catch (error) {
      // A gzip stream that ends early (a rotated file cut mid-write) or an unreadable file.
      const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? `cannot read \`${path}\`: no such file` : `cannot read further: ${(error as Error).message}`;
      warnings.push({ ...diagnostic("audit-read", "warning", message, { file, line: lineNo + 1, column: 1 }), fileIndex });
    }
  }
  // Requests whose last logged stage is an early one: parse them now.
  for (const d of deferred.values()) accept(d.line, d.file, d.fileIndex, d.lineNo);
  for (const r of pending.values()) keep(r);
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
