import { KUBECTL_YAML_TAGS } from "@rampart/core";

// A writer for the JSON-like objects the compilers emit that produces, byte for byte, what the
// `yaml` library's `stringify` produces with the options of `toYaml` (block style, no line folding,
// no aliases, kubectl-ambiguous strings quoted), at a fraction of its cost: a cold build writes
// ~100 files and `stringify` (building a document tree per object) was its largest single stage.
// It covers one-line strings, finite numbers, booleans, null and plain maps and lists; anything
// else (multi-line strings, control characters, document markers, long keys, other objects) makes
// it give up, and `toYaml` falls back to the library. A property test holds it to the library.

/** Thrown (and caught by `writeBlockYaml`) when a value is outside what this writer covers. */
const UNSUPPORTED: unique symbol = Symbol("unsupported");

/** The plain scalars of the YAML 1.2 core schema that are not strings (the `yaml` library's core tags' tests). */
const CORE_NON_STRINGS = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** What a plain scalar may not look like (the `yaml` library's plainString rule). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/**
 * Characters the library escapes in double quotes, line breaks (block scalars), and document
 * markers at a line start (special indentation; as in the library, `m` also starts lines after U+2028 and U+2029).
 */
const NOT_COVERED = /[\x00-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]|^(?:%|---|\.\.\.)/mu;
const INDENT = "  ";
/** Longer keys are written as explicit keys (`? key`) by the library. */
const MAX_KEY = 1000;

/** Every null, boolean and number of both readings starts with one of these (or is empty). */
const MAYBE_NON_STRING = /^(?:$|[~nNtTfFyYoO0-9+.-])/;

/** True when a plain scalar would be read back as something other than this string (YAML 1.2 core, or kubectl's YAML 1.1). */
function readsAsNonString(text: string): boolean {
  return MAYBE_NON_STRING.test(text) && (CORE_NON_STRINGS.some((r) => r.test(text)) || KUBECTL_YAML_TAGS.some((tag) => tag.test?.test(text) === true));
}

function writeString(text: string): string {
  // Tabs are allowed (the library keeps them plain or as `\t` in double quotes, as JSON does).
  if (NOT_COVERED.test(text.replaceAll("\t", " "))) throw UNSUPPORTED;
  if (!NOT_PLAIN.test(text) && !readsAsNonString(text)) return text;
  // Quoted: single quotes when that avoids escaping a double quote, else double quotes (JSON's escapes).
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

function writeScalar(value: unknown): string {
  if (typeof value === "string") return writeString(value);
  if (typeof value === "number" && Number.isFinite(value)) return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  throw UNSUPPORTED;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** The entries of a collection (undefined map values are left out, as the library does), or undefined for a scalar. */
function entriesOf(value: unknown): [string | undefined, unknown][] | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    if (value.some((v) => v === undefined) || value.length !== Object.keys(value).length) throw UNSUPPORTED;
    return value.map((v) => [undefined, v]);
  }
  if (!isPlainObject(value)) throw UNSUPPORTED;
  return Object.keys(value).flatMap((k) => (value[k] === undefined ? [] : [[k, value[k]] as [string, unknown]]));
}

/**
 * A collection in block style at `indent` (its first line unindented, for the caller to place),
 * or `{}`/`[]` when empty.
 */
function writeCollection(value: object, entries: readonly [string | undefined, unknown][], indent: string): string {
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const inner = indent + INDENT;
  const lines = entries.map(([key, item]) => {
    const nested = entriesOf(item);
    if (key === undefined) return `- ${nested ? writeCollection(item as object, nested, inner) : writeScalar(item)}`;
    if (key.length > MAX_KEY) throw UNSUPPORTED;
    const head = `${writeString(key)}:`;
    if (!nested) return `${head} ${writeScalar(item)}`;
    return nested.length === 0
      ? `${head} ${writeCollection(item as object, nested, inner)}`
      : `${head}\n${inner}${writeCollection(item as object, nested, inner)}`;
  });
  return lines.join(`\n${indent}`);
}

/** The YAML document of a map or list, as `stringify` writes it with `toYaml`'s options, or undefined when the value is outside what this writer covers. */
export function writeBlockYaml(value: unknown): string | undefined {
  try {
    const entries = entriesOf(value);
    return entries === undefined ? undefined : `${writeCollection(value as object, entries, "")}\n`;
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
