import { existsSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AuditRecord } from "./audit-event.js";
import { ChunkDecoder, USED, type ParsedChunk, type WorkerJob } from "./parsed-chunk.js";

/**
 * Plain files from this size on are parsed by workers. Below it, starting two workers (tens of
 * ms each on an idle machine) costs about what they save on ~6,000 lines; an estimate from those
 * costs: on the loaded machine the workers were measured, they lost at every size.
 */
export const WORKER_THRESHOLD = 4 * 2 ** 20;
/** Bytes per chunk (a chunk holds the lines that start in its range). */
const CHUNK = 2 ** 20;
/** Chunks parsed ahead of their use per worker: bounds memory when this thread falls behind. */
const AHEAD = 8;

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
 * Workers parsing one file: they claim its chunks in turn (a shared counter), read and parse them,
 * so none waits for another or for this thread. Each worker parses its chunks in increasing order,
 * so using results in file order decodes each worker's in the order it encoded them.
 */
class ParsePool {
  private readonly workers: Worker[];
  private readonly decoders: ChunkDecoder[];
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  failure: Error | undefined;

  constructor(script: string, file: { fd: number; size: number }, size: number, onResult: (chunk: ParsedChunk) => void, onChange: () => void) {
    this.workers = Array.from({ length: size }, (_, index) => {
      const job: WorkerJob = {
        index,
        fd: file.fd,
        size: file.size,
        chunkBytes: CHUNK,
        window: AHEAD * size,
        control: this.control.buffer as SharedArrayBuffer,
      };
      return new Worker(script, { workerData: job });
    });
    this.decoders = this.workers.map(() => new ChunkDecoder());
    for (const w of this.workers) {
      w.on("message", (chunk: ParsedChunk) => (onResult(chunk), onChange()));
      w.on("error", (error) => ((this.failure ??= error), onChange()));
    }
  }

  /** Decodes a chunk and lets the workers claim one more; chunks must come in file order. */
  use(chunk: ParsedChunk, onRecord: (r: AuditRecord) => void): void {
    this.decoders[chunk.worker]!.decode(chunk, onRecord);
    Atomics.store(this.control, USED, chunk.seq + 1);
    Atomics.notify(this.control, USED);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Has `workers` threads read and parse a plain file in chunks of whole lines while this thread
 * uses the results in file order (records, warnings with their file line). Reads the file's size
 * at the start (a log growing meanwhile is read that far). Throws on a read or worker error,
 * `position` then says how far it got.
 */
export async function parseInWorkers(handle: FileHandle, workers: number, script: string, sink: ChunkSink, position: ReadPosition): Promise<void> {
  const { size } = await handle.stat();
  const chunks = Math.ceil(size / CHUNK);
  const ready = new Map<number, ParsedChunk>();
  let wake: (() => void) | undefined;
  const pool = new ParsePool(
    script,
    { fd: handle.fd, size },
    workers,
    (chunk) => ready.set(chunk.seq, chunk),
    () => wake?.(),
  );
  try {
    for (let used = 0; used < chunks;) {
      const chunk = ready.get(used);
      if (chunk === undefined) {
        if (pool.failure) throw pool.failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      ready.delete(used++);
      pool.use(chunk, (r) => sink.record(r));
      for (const w of chunk.warnings) sink.warning(position.lineNo + w.line, w.message);
      sink.mergedStages(chunk.mergedStages);
      position.lineNo += chunk.lineCount;
      position.lines += chunk.lines;
    }
  } finally {
    await pool.close();
  }
}
