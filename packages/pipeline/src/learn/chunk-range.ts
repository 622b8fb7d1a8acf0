import { readSync } from "node:fs";

/** Bytes read past a chunk's end to find the end of its last line (longer lines read more). */
const TAIL = 64 * 1024;

function read(fd: number, buffer: Buffer, at: number, position: number): number {
  let done = 0;
  while (at + done < buffer.length) {
    const n = readSync(fd, buffer, at + done, buffer.length - at - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * The bytes of the lines that start in `[from, to)` of the open file `fd` of `size` bytes: a
 * line belongs to the chunk it starts in, so chunks read independently (positioned reads, safe
 * from several threads) cut the file into whole lines, each exactly once. Empty when no line
 * starts in the range (a line longer than a chunk).
 */
export function linesStartingIn(fd: number, size: number, from: number, to: number): Buffer {
  // From the byte before `from`: a line starts at `from` when that byte is a newline.
  const origin = Math.max(0, from - 1);
  let buffer = Buffer.allocUnsafe(Math.min(size, to + TAIL) - origin);
  let length = read(fd, buffer, 0, origin);
  /** The first newline at or after `at` (file offset), reading further as needed; -1 at the end of the file. */
  const newline = (at: number): number => {
    for (let i = at - origin; ;) {
      const nl = buffer.subarray(0, length).indexOf(10, i);
      if (nl >= 0) return origin + nl;
      if (origin + length >= size || length < buffer.length) return -1;
      i = length;
      const grown = Buffer.allocUnsafe(Math.min(size - origin, Math.max(length + TAIL, 2 * length)));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
      length += read(fd, buffer, length, origin + length);
    }
  };
  let start = from;
  if (from > 0) {
    const nl = newline(from - 1);
    start = nl < 0 ? size : nl + 1;
    if (start >= to) return Buffer.alloc(0);
  }
  // The last line starting before `to` ends at the first newline from `to - 1` on.
  const nl = newline(to - 1);
  const end = nl < 0 ? origin + length : nl + 1;
  return buffer.subarray(start - origin, end - origin);
}
