import { globMatch, type Glob } from "../glob.js";

/**
 * How one glob is tested, decided once at index time: most globs are a literal, a prefix
 * (`team-*`), a suffix, a prefix and a suffix (`a*b`) or a prefix of a fixed length (`worker-?`),
 * which compare characters; only the others run the general matcher.
 */
export const GlobItem = { Literal: 0, Prefix: 1, Suffix: 2, PrefixSuffix: 3, PrefixLength: 4, Any: 5, General: 6 } as const;

/** Ints taken by `len` characters, two UTF-16 code units to an int. */
const words = (len: number): number => (len + 1) >>> 1;

/**
 * Appends the length of `s`, then its UTF-16 code units two to an int (low half first): half the
 * ints of one code per int, so more buckets fit in the CPU caches.
 */
function pushChars(out: number[], s: string): void {
  out.push(s.length);
  for (let i = 0; i < s.length; i += 2) out.push(s.charCodeAt(i) | (i + 1 < s.length ? s.charCodeAt(i + 1) << 16 : 0));
}

/**
 * Appends a glob list (duplicates dropped) to `out`, the ints of an index, and returns its offset:
 * no closure, object or string per glob, so a decision compares the request's characters with the
 * codes in place, next to the rule's other data. A list is its end offset, then its items: a kind,
 * then the kind's lengths and characters (`pushChars`; literal, prefix, suffix: length, chars; prefix and
 * suffix: both; prefix of a fixed length: the total length, then the prefix; general: the index of
 * its pattern in `patterns`).
 */
export function writeGlobList(out: number[], patterns: string[], globs: readonly Glob[]): number {
  const at = out.length;
  out.push(0);
  for (const source of new Set(globs.map((g) => g.source))) writeItem(out, patterns, source);
  out[at] = out.length;
  return at;
}

/** Appends one glob as an item. */
function writeItem(out: number[], patterns: string[], source: string): void {
  const star = source.indexOf("*");
  const q = source.indexOf("?");
  if (star < 0 && q < 0) {
    out.push(GlobItem.Literal);
    pushChars(out, source);
  } else if (/^\*+$/.test(source)) {
    out.push(GlobItem.Any);
  } else if (q < 0 && source.indexOf("*", star + 1) < 0) {
    const a = source.slice(0, star);
    const b = source.slice(star + 1);
    if (b === "") (out.push(GlobItem.Prefix), pushChars(out, a));
    else if (a === "") (out.push(GlobItem.Suffix), pushChars(out, b));
    else (out.push(GlobItem.PrefixSuffix), pushChars(out, a), pushChars(out, b));
  } else if (star < 0 && /^\?+$/.test(source.slice(q))) {
    // `?` only as a trailing run: a prefix and an exact length.
    out.push(GlobItem.PrefixLength, source.length);
    pushChars(out, source.slice(0, q));
  } else {
    out.push(GlobItem.General, patterns.push(source) - 1);
  }
}

/** Lengths a length mask tells apart: bit `n` for a length n below it, the top bit for the others. */
export const MASKED_LENGTHS = 23;

/** Bit of a string of length `n` in a length mask (`lengthMask`). */
export const lengthBit = (n: number): number => 1 << Math.min(n, MASKED_LENGTHS);

/**
 * A 24-bit mask of the lengths of the strings a glob list can match (see `lengthBit`): a decision
 * tests it, in the rule's record, before it reads the list (another cache line) at all.
 */
export function lengthMask(globs: readonly Glob[]): number {
  const from = (min: number): number => ((1 << (MASKED_LENGTHS + 1)) - 1) & ~(lengthBit(min) - 1);
  let mask = 0;
  for (const { source } of globs) {
    const fixed = source.replace(/\*/g, "").length;
    mask |= source.includes("*") ? from(fixed) : lengthBit(fixed);
  }
  return mask;
}

/** True when `s` matches an item of the glob list at `at` of `code`. */
export function matchGlobList(code: Int32Array, patterns: readonly string[], at: number, s: string): boolean {
  const n = s.length;
  const end = code[at]!;
  for (let i = at + 1; i < end;) {
    const kind = code[i]!;
    const len = code[i + 1]!;
    if (kind === GlobItem.Literal || kind === GlobItem.Prefix) {
      if ((kind === GlobItem.Literal ? n === len : n >= len) && same(code, i + 2, s, 0, len)) return true;
      i += 2 + words(len);
    } else if (kind === GlobItem.Suffix) {
      if (n >= len && same(code, i + 2, s, n - len, len)) return true;
      i += 2 + words(len);
    } else if (kind === GlobItem.PrefixSuffix) {
      const b = i + 2 + words(len);
      const lenB = code[b]!;
      if (n >= len + lenB && same(code, i + 2, s, 0, len) && same(code, b + 1, s, n - lenB, lenB)) return true;
      i = b + 1 + words(lenB);
    } else if (kind === GlobItem.PrefixLength) {
      const lenA = code[i + 2]!;
      if (n === len && same(code, i + 3, s, 0, lenA)) return true;
      i += 3 + words(lenA);
    } else if (kind === GlobItem.Any) {
      return true;
    } else {
      if (globMatch(patterns[len]!, s)) return true;
      i += 2;
    }
  }
  return false;
}

/** True when `len` characters of `s` from `from` equal the code units packed at `at` (see `pushChars`). */
function same(code: Int32Array, at: number, s: string, from: number, len: number): boolean {
  for (let k = 0; k < len; k += 2) {
    const w = code[at + (k >>> 1)]!;
    if ((w & 0xffff) !== s.charCodeAt(from + k)) return false;
    if (k + 1 < len && w >>> 16 !== s.charCodeAt(from + k + 1)) return false;
  }
  return true;
}
