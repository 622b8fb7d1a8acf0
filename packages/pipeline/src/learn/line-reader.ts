import { isAscii } from "node:buffer";
import { open, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import type { Readable } from "node:stream";

/** An opened log: its chunks, and how to release it. */
export interface LogSource {
  readonly chunks: AsyncIterable<Buffer | string>;
  close(): Promise<void>;
  /** The open file of a plain (not gzipped) log, for reading it otherwise than through `chunks`. */
  readonly file?: FileHandle;
}

/**
 * Opens a log — a file, a `.gz` file (inflated; `node:zlib` is loaded only then), or `-`
 * (standard input, or `stdin`) — so that a missing file fails here rather than mid-read.
 */
export async function openLog(path: string, cwd: string, stdin: Readable): Promise<LogSource> {
  if (path === "-") return { chunks: stdin, close: async () => {} };
  const handle = await open(resolve(cwd, path), "r");
  // 64 KiB reads, as `fs.createReadStream` does: larger ones (1 MiB, read ahead) cost the same
  // CPU time but, on a loaded machine, twice the wall time (the process rarely waits on a read,
  // so the scheduler gives it a smaller share).
  const stream = () => handle.createReadStream({ autoClose: false });
  // The stream is made only when `chunks` is read: parsing workers read `file` themselves.
  if (!path.endsWith(".gz"))
    return {
      get chunks() {
        return stream();
      },
      close: () => handle.close(),
      file: handle,
    };
  const file = stream();
  const [{ createGunzip }, { pipeline }] = await Promise.all([import("node:zlib"), import("node:stream/promises")]);
  const gunzip = createGunzip();
  // pipeline() hands a read error of the file to the inflater, so iterating it rejects.
  pipeline(file, gunzip).catch(() => {});
  return { chunks: gunzip, close: () => handle.close() };
}

/** UTF-8 text of whole lines; ASCII (the usual audit log) is copied as is, without UTF-8 decoding. */
export function decodeLines(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/**
 * Calls `onLine` for each line of `text` (`\n` or `\r\n` ends a line). `text` ends where a newline
 * was (so its last line may be empty, and is emitted unless `atEnd`), or at the end of the input.
 */
export function eachLineOf(text: string, atEnd: boolean, onLine: (line: string) => void): void {
  let from = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
    const line = text.slice(from, nl);
    onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
    from = nl + 1;
  }
  if (!atEnd || from < text.length) {
    const line = text.slice(from);
    onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
  }
}

/**
 * Calls `onLine` for each line of `chunks` (`\n` or `\r\n` ends a line). Splits the bytes at the
 * last newline of each chunk and decodes only whole lines (a newline byte never falls inside a
 * UTF-8 character): no per-line event, promise or string concatenation.
 */
export async function eachLine(chunks: AsyncIterable<Buffer | string>, onLine: (line: string) => void): Promise<void> {
  const emitAll = (text: string, atEnd: boolean) => eachLineOf(text, atEnd, onLine);
  // The start of a line cut by the chunk boundary (only that line is ever concatenated).
  let rest: Buffer[] = [];
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    const first = bytes.indexOf(10);
    if (first < 0) {
      rest.push(bytes);
      continue;
    }
    let start = 0;
    if (rest.length > 0) {
      rest.push(bytes.subarray(0, first));
      emitAll(decodeLines(Buffer.concat(rest)), false);
      start = first + 1;
    }
    const last = bytes.lastIndexOf(10);
    if (start <= last) emitAll(decodeLines(bytes.subarray(start, last)), false);
    rest = last + 1 < bytes.length ? [bytes.subarray(last + 1)] : [];
  }
  if (rest.length > 0) emitAll(decodeLines(Buffer.concat(rest)), true);
}
