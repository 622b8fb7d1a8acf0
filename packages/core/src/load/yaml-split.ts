/**
 * Splits a multi-document YAML stream on its document boundaries with a line scanner, so that
 * each document is parsed on its own (no CST of the whole stream). A line that starts with `---`
 * or `...` at column 0 followed by a space, a tab or the line end is a boundary wherever it is:
 * YAML forbids such lines inside any node, block scalars included (`c-forbidden`), so indented
 * `---` lines of a block scalar stay inside their document.
 */
export interface YamlChunk {
  /** Offset of the document's first character in the text (after `---` on a marker line). */
  readonly start: number;
  /** Offset just past the document's last character. */
  readonly end: number;
}

/** The documents' text ranges, or undefined when the stream has directives (`%YAML`): parse it whole. */
export function splitDocuments(text: string): YamlChunk[] | undefined {
  const chunks: YamlChunk[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = start;
  const n = text.length;
  while (line < n) {
    let eol = text.indexOf("\n", line);
    if (eol < 0) eol = n;
    const c = text.charCodeAt(line);
    if (c === 37 /* % */) return undefined;
    if ((c === 45 /* - */ || c === 46) /* . */ && text.charCodeAt(line + 1) === c && text.charCodeAt(line + 2) === c) {
      const after = line + 3 < n ? text.charCodeAt(line + 3) : 10;
      if (after === 32 || after === 9 || after === 10 || after === 13) {
        chunks.push({ start, end: line });
        // `--- content` starts the next document on the marker line; after `...` only comments may follow.
        start = c === 45 ? line + 3 : eol;
      }
    }
    line = eol + 1;
  }
  chunks.push({ start, end: n });
  return chunks;
}

/** Offsets of line starts, for offset → line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }
}

/** Offset of the first character of a chunk that is neither white space nor in a comment; -1 if none. */
export function firstContent(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const eol = text.indexOf("\n", i);
      if (eol < 0 || eol >= end) return -1;
      i = eol + 1;
    } else return i;
  }
  return -1;
}
