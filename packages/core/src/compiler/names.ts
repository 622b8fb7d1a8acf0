/** The first `digits` hex digits of the SHA-256 of `text`: a stable suffix that tells names apart. */
export function shortHash(text: string, digits = 8): string {
  // node:crypto is taken on the first hash, not at start-up: it costs a cold CLI start ~10 ms to load.
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex").slice(0, digits);
}

/** How `boundedName` shortens a long name. */
export interface BoundedNameOptions {
  /** How many leading characters are kept before the hash. */
  keep: number;
  /** Hex digits of the hash suffix (default 8). */
  digits?: number;
  /** What the hash is taken of (default: the name itself). */
  hashOf?: string;
  /** Trailing characters dropped from the kept prefix (default: dashes). */
  trim?: RegExp;
}

/** `text` if at most 63 characters (a DNS label or label value), else a kept prefix, `-` and a stable hash. */
export function boundedName(text: string, options: BoundedNameOptions): string {
  if (text.length <= 63) return text;
  return hashedPrefix(text, options);
}

/** A kept prefix of `text`, `-` and a stable hash (for a name that must change when it collides or grows). */
export function hashedPrefix(text: string, options: BoundedNameOptions): string {
  return `${text.slice(0, options.keep).replace(options.trim ?? /-+$/, "")}-${shortHash(options.hashOf ?? text, options.digits)}`;
}
