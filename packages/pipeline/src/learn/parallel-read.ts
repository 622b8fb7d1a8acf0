import { existsSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AuditRecord } from "./audit-event.js";
import type { ChunkRequest } from "./learn-worker.js";
import { ChunkDecoder, type ParsedChunk } from "./parsed-chunk.js";

/** Plain files from this size on are parsed by workers: below it, starting them costs more than they save (measured). */
export const WORKER_THRESHOLD = 4 * 2 ** 20;
/** Bytes per read; each chunk (cut at its last newline) goes to one worker. */
const CHUNK = 2 ** 20;
/** Chunks read ahead per worker: enough that a worker rarely waits while this thread uses results. */
const AHEAD = 4;

/**
 * The worker script: `given`, else the built one beside this module (dist/learn-worker.js);
 * undefined when absent (as when vitest runs the sources): files are then parsed on the main thread.
 */
export function workerScript(given?: string): string | undefined {
  let path = given;
  if (path === undefined) {
    try {
      path = fileURLToPath(new URL("./learn-worker.js", import.meta.url));
    } catch {
      // The CommonJS build has no `import.meta.url`.
      path = typeof __filename === "string" ? join(dirname(__filename), "learn-worker.js") : undefined;
    }
  }
  return path !== undefined && existsSync(path) ? path : undefined;
}

/** How many workers parse a file of `size` bytes: `requested`, else 2 for a large file on a machine with 2 cores or more. */
export function parseWorkers(size: number, requested: number | undefined, script: string | undefined): number {
  if (script === undefined) return 0;
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  return size >= WORKER_THRESHOLD && availableParallelism() >= 2 ? 2 : 0;
}

/** Where the main thread is in a file: lines seen (blank ones included) and non-blank lines. */
export interface ReadPosition {
  lineNo: number;
  lines: number;
}

/** What the main thread does with a file's events and skipped lines, in file order. */
export interface ChunkSink {
  record(r: AuditRecord): void;
  warning(line: number, message: string): void;
  /** Stages a worker merged within a chunk (they count as repeated stages). */
  mergedStages(count: number): void;
}

/**
 * Workers parsing one file. A chunk goes to the worker with the fewest chunks pending; each
 * worker parses its chunks in the order sent, so using results in file order decodes each
 * worker's results in the order it encoded them (its string table grows in that order).
 */
class ParsePool {
  private readonly workers: Worker[];
  private readonly decoders: ChunkDecoder[];
  private readonly pending: number[];
  /** The worker of each chunk sent and not yet decoded. */
  private readonly workerOf = new Map<number, number>();
  failure: Error | undefined;

  constructor(script: string, size: number, onResult: (chunk: ParsedChunk) => void, onChange: () => void) {
    this.workers = Array.from({ length: size }, () => new Worker(script));
    this.decoders = this.workers.map(() => new ChunkDecoder());
    this.pending = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on("message", (chunk: ParsedChunk) => (this.pending[i]!--, onResult(chunk), onChange()));
      w.on("error", (error) => ((this.failure ??= error), onChange()));
    });
  }

  post(seq: number, buffer: Buffer, length: number): void {
    let i = 0;
    for (let j = 1; j < this.workers.length; j++) if (this.pending[j]! < this.pending[i]!) i = j;
    this.pending[i]!++;
    this.workerOf.set(seq, i);
    const request: ChunkRequest = { seq, buffer: buffer.buffer as ArrayBuffer, length };
    this.workers[i]!.postMessage(request, [request.buffer]);
  }

  /** Calls `onRecord` for each event of a chunk; chunks must come in the order they were sent. */
  decode(chunk: ParsedChunk, onRecord: (r: AuditRecord) => void): void {
    const i = this.workerOf.get(chunk.seq)!;
    this.workerOf.delete(chunk.seq);
    this.decoders[i]!.decode(chunk, onRecord);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Reads a plain file in large chunks cut at newlines and has `workers` threads parse them while
 * this thread uses the results in file order (records, warnings with their file line), at most
 * AHEAD chunks per worker ahead. Throws on a read or worker error, `position` then says how far it got.
 */
export async function parseInWorkers(handle: FileHandle, workers: number, script: string, sink: ChunkSink, position: ReadPosition): Promise<void> {
  const ready = new Map<number, ParsedChunk>();
  let wake: (() => void) | undefined;
  const pool = new ParsePool(
    script,
    workers,
    (chunk) => ready.set(chunk.seq, chunk),
    () => wake?.(),
  );
  let sent = 0;
  let used = 0;
  const useReady = () => {
    for (let chunk = ready.get(used); chunk !== undefined; chunk = ready.get(used)) {
      ready.delete(used);
      pool.decode(chunk, (r) => sink.record(r));
      for (const w of chunk.warnings) sink.warning(position.lineNo + w.line, w.message);
      sink.mergedStages(chunk.mergedStages);
      position.lineNo += chunk.lineCount;
      position.lines += chunk.lines;
      used++;
    }
  };
  const until = async (done: () => boolean) => {
    for (;;) {
      useReady();
      if (pool.failure) throw pool.failure;
      if (done()) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  };
  try {
    // The start of a line cut by the last read (copied: each chunk's buffer is transferred).
    let carry = Buffer.alloc(0);
    for (;;) {
      await until(() => sent - used < AHEAD * workers);
      const buffer = Buffer.allocUnsafeSlow(carry.length + CHUNK);
      carry.copy(buffer);
      const { bytesRead } = await handle.read(buffer, carry.length, CHUNK, null);
      const end = carry.length + bytesRead;
      if (bytesRead === 0) {
        if (end > 0) pool.post(sent++, buffer, end);
        break;
      }
      const last = buffer.lastIndexOf(10, end - 1);
      if (last < 0) {
        carry = buffer.subarray(0, end);
        continue;
      }
      carry = Buffer.from(buffer.subarray(last + 1, end));
      pool.post(sent++, buffer, last + 1);
    }
    await until(() => used === sent);
  } finally {
    await pool.close();
  }
}
