// Value helpers for the Kubernetes CEL libraries: CEL equality across numeric types, ordering,
// the strings extension's `format`, and RE2 patterns in JavaScript.

/** A CEL number as bigint or double (uint values are objects whose valueOf is a bigint). */
function numeric(v: unknown): bigint | number | undefined {
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (v !== null && typeof v === "object" && v.constructor?.name === "UnsignedInt") return (v as { valueOf(): bigint }).valueOf();
  return undefined;
}

/** CEL equality (heterogeneous numbers compare by value, lists and maps deeply). */
export function celEquals(a: unknown, b: unknown): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x == y; // eslint-disable-line eqeqeq
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => celEquals(v, b[i]));
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !celEquals(v, b.get(k))) return false;
    return true;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((v, i) => v === b[i]);
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
    const eq = (a as { equals?: (o: unknown) => boolean }).equals;
    if (eq) return eq.call(a, b);
    if (a.constructor !== b.constructor) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && celEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** CEL ordering of two values of one comparable type (numbers, strings, bools, bytes, timestamps, durations). */
export function celCompare(a: unknown, b: unknown): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  const cmp = (a as { compareTo?: (o: unknown) => number } | null)?.compareTo;
  if (cmp) return cmp.call(a, b);
  throw new Error(`no such overload: comparing ${typeof a} and ${typeof b}`);
}

/**
 * A Go/RE2 pattern as a JavaScript RegExp: a leading `(?flags)` group (i, s, m) becomes flags;
 * `\z` becomes `$` without the multi-line flag.
 */
export function re2(pattern: string): RegExp {
  const m = /^\(\?([ism]+)\)/.exec(pattern);
  const flags = m ? [...new Set(m[1])].join("") : "";
  const body = (m ? pattern.slice(m[0].length) : pattern).replace(/\\z/g, "$(?![\\s\\S])");
  try {
    return new RegExp(body, flags);
  } catch {
    throw new Error(`invalid regular expression: ${pattern}`);
  }
}

/** A value in `%s` inside a list (strings quoted, as cel-go's formatter does). */
function nested(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  return asString(v);
}

/** The `%s` rendering of a value (cel-go strings extension). */
function asString(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v);
  const n = numeric(v);
  if (n !== undefined) return String(n);
  if (Array.isArray(v)) return `[${v.map(nested).join(", ")}]`;
  if (v instanceof Map)
    return `{${[...v]
      .map(([k, x]) => `${nested(k)}: ${nested(x)}`)
      .sort()
      .join(", ")}}`;
  if (v instanceof Uint8Array) return Buffer.from(v).toString("utf8");
  if (v instanceof Date) return v.toISOString().replace(".000Z", "Z");
  if (typeof v === "object" && v.constructor === Object)
    return `{${Object.entries(v)
      .map(([k, x]) => `${nested(k)}: ${nested(x)}`)
      .sort()
      .join(", ")}}`;
  return String(v);
}

function fixed(v: unknown, precision: number, verb: "f" | "e"): string {
  const n = numeric(v);
  if (n === undefined) throw new Error(`error during formatting: fixed-point clause can only be used on doubles, was given ${typeof v}`);
  const d = Number(n);
  if (Number.isNaN(d)) return "NaN";
  if (!Number.isFinite(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (verb === "f") return d.toFixed(precision);
  // Go writes at least two exponent digits.
  return d.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2");
}

function integer(v: unknown, radix: number, what: string): string {
  const n = numeric(v);
  if (typeof n === "bigint") return n.toString(radix);
  if (typeof v === "boolean" && radix === 2) return v ? "1" : "0";
  if (typeof v === "string" && radix === 16) return Buffer.from(v, "utf8").toString("hex");
  if (v instanceof Uint8Array && radix === 16) return Buffer.from(v).toString("hex");
  throw new Error(`error during formatting: ${what} clause can only be used on integers, was given ${typeof v}`);
}

/** `"…".format([args])` (cel-go strings extension v2 verbs: %s %d %f %e %b %o %x %X %%). */
export function format(template: string, args: readonly unknown[]): string {
  let out = "";
  let next = 0;
  const arg = () => {
    if (next >= args.length) throw new Error(`error during formatting: index ${next} out of range`);
    return args[next++];
  };
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== "%") {
      out += c;
      continue;
    }
    const m = /^(?:\.(\d+))?([sdfeboxX%])/.exec(template.slice(i + 1));
    if (!m) throw new Error(`error during formatting: could not parse formatting clause: unrecognized formatting clause "${template[i + 1] ?? ""}"`);
    i += m[0].length;
    const precision = m[1] === undefined ? 6 : Number(m[1]);
    switch (m[2]) {
      case "%":
        out += "%";
        break;
      case "s":
        out += asString(arg());
        break;
      case "d": {
        const v = arg();
        const n = numeric(v);
        if (typeof n !== "bigint") throw new Error(`error during formatting: decimal clause can only be used on integers, was given ${typeof v}`);
        out += n.toString();
        break;
      }
      case "f":
      case "e":
        out += fixed(arg(), precision, m[2]);
        break;
      case "b":
        out += integer(arg(), 2, "binary");
        break;
      case "o":
        out += integer(arg(), 8, "octal");
        break;
      case "x":
        out += integer(arg(), 16, "hex");
        break;
      case "X":
        out += integer(arg(), 16, "heX").toUpperCase();
        break;
    }
  }
  if (next < args.length) throw new Error(`error during formatting: too many arguments supplied to format string`);
  return out;
}
