// Plain scalars resolved as kubectl resolves them. kubectl and the API server read YAML through
// sigs.k8s.io/yaml, which decodes with go-yaml v2 (YAML 1.1 rules) into untyped values and converts
// them to JSON: `0644` is the int 420, `yes`/`on`/`y` are true, `08` is the float 8, `1:30` and
// timestamps stay strings (go-yaml v2 hands timestamps to untyped targets as their text). The rules
// below are go-yaml v2's resolve() (resolve.go) for an untagged plain scalar.
import { FAILSAFE_SCHEMA, Type } from "js-yaml";
import type { ScalarTag } from "yaml";

/** The value of a string scalar: what resolveKubectl returns for text that stays a string. */
export const AS_STRING: unique symbol = Symbol("string");

const MAP = new Map<string, unknown>([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map((s) => [s, true] as const),
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map((s) => [s, false] as const),
  ...["", "~", "null", "Null", "NULL"].map((s) => [s, null] as const),
  ...[".nan", ".NaN", ".NAN"].map((s) => [s, NaN] as const),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s) => [s, Infinity] as const),
  ...["-.inf", "-.Inf", "-.INF"].map((s) => [s, -Infinity] as const),
]);

/** Go's strconv.ParseInt/ParseUint with base 0: `0x`, `0o`, `0b` prefixes and a leading `0` for octal. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml v2's yamlStyleFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseFloat accepts of a text starting with `.` (resolve's `.` hint). */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function goInt(plain: string): bigint | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const digits = m[2]!;
  const p = digits.slice(0, 2).toLowerCase();
  const magnitude =
    p === "0x" || p === "0b" || p === "0o"
      ? BigInt(`0${p[1]}${digits.slice(2)}`)
      : digits.length > 1 && digits[0] === "0"
        ? BigInt(`0o${digits.slice(1)}`)
        : BigInt(digits);
  const value = m[1] === "-" ? -magnitude : magnitude;
  // ParseInt fits int64; ParseUint (no sign) takes up to uint64; past that the text is not an int.
  if (m[1] === "" ? value > UINT64_MAX : m[1] === "+" ? value >= 2n ** 63n : value < INT64_MIN) return undefined;
  return value;
}

/**
 * The value kubectl gives an untagged plain scalar: null, a boolean, a number, or AS_STRING
 * when the text stays a string.
 */
export function resolveKubectl(text: string): unknown {
  if (MAP.has(text)) return MAP.get(text);
  const c = text.charCodeAt(0);
  if (c === 46 /* . */) return DOT_FLOAT.test(text) ? Number(text) : AS_STRING;
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45)) return AS_STRING;
  const plain = text.replaceAll("_", "");
  const int = goInt(plain);
  if (int !== undefined) return Number(int);
  if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
  return AS_STRING;
}

type Kind = "null" | "bool" | "int" | "float";
const kindOf = (text: string): Kind | undefined => {
  const v = resolveKubectl(text);
  if (v === AS_STRING) return undefined;
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  return Number.isInteger(v) && !/[.eE]/.test(text) ? "int" : "float";
};

const TAGS: readonly Kind[] = ["null", "bool", "int", "float"];

/** A js-yaml schema with kubectl's scalar resolution (the fast path of manifests). */
export const KUBECTL_JS_YAML_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: TAGS.map(
    (k) => new Type(`tag:yaml.org,2002:${k}`, { kind: "scalar", resolve: (s: string) => kindOf(s) === k, construct: (s: string) => resolveKubectl(s) }),
  ),
});

/** Scalar tags for the `yaml` library with kubectl's resolution (the slow path of manifests). */
export const KUBECTL_YAML_TAGS: ScalarTag[] = TAGS.map((k) => ({
  identify: () => false,
  default: true,
  tag: `tag:yaml.org,2002:${k}`,
  // The `yaml` library only calls `test.test(text)`: a predicate stands in for a RegExp.
  test: { test: (s: string) => kindOf(s) === k } as unknown as RegExp,
  resolve: (s: string) => {
    const v = resolveKubectl(s);
    return v === AS_STRING ? s : v;
  },
}));
