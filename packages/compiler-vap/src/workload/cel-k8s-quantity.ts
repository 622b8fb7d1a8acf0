// Kubernetes' CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go) over an exact
// model of resource.Quantity: the int64 form {value, scale} the parser's fast path produces and
// the arbitrary-precision form (inf.Dec) of its slow path. The form matters: `asInteger` and
// `isInteger` succeed only on the int64 form at a non-negative scale, as in Go.
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const fits = (v: bigint) => v >= INT64_MIN && v <= INT64_MAX;
const pow10 = (n: number) => 10n ** BigInt(n);

/** A resource.Quantity: `int` is Go's int64Amount (value × 10^scale), `dec` is inf.Dec (unscaled × 10^-scale). */
export class Quantity {
  constructor(
    readonly form: "int" | "dec",
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** The value as a fraction numerator over 10^k with a common k (for exact comparison). */
  private at(k: number): bigint {
    const exp10 = this.form === "int" ? this.scale : -this.scale; // value = unscaled × 10^exp10
    return this.unscaled * pow10(exp10 + k);
  }

  private digitsBelow(): number {
    return Math.max(0, this.form === "int" ? -this.scale : this.scale);
  }

  /** -1, 0 or 1 (resource.Quantity.Cmp). */
  cmp(other: Quantity): number {
    const k = Math.max(this.digitsBelow(), other.digitsBelow());
    const a = this.at(k);
    const b = other.at(k);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  sign(): number {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  /** resource.Quantity.AsInt64: only the int64 form at a non-negative scale, without overflow. */
  asInt64(): bigint | undefined {
    if (this.form !== "int" || this.scale < 0) return undefined;
    const v = this.unscaled * pow10(this.scale);
    return fits(v) ? v : undefined;
  }

  /** resource.Quantity.AsApproximateFloat64: base × 10^exponent in float64. */
  asApproximateFloat(): number {
    const base = Number(this.unscaled);
    const exponent = this.form === "int" ? this.scale : -this.scale;
    return exponent === 0 ? base : base * Math.pow(10, exponent);
  }

  private toDec(): Quantity {
    return this.form === "dec" ? this : new Quantity("dec", this.unscaled, -this.scale);
  }

  /** resource.Quantity.Add: int64 arithmetic at the smaller scale, inf.Dec when it would overflow. */
  add(other: Quantity): Quantity {
    if (this.form === "int" && other.form === "int") {
      if (other.unscaled === 0n) return this;
      if (this.unscaled === 0n) return other;
      const scale = Math.min(this.scale, other.scale);
      const a = this.unscaled * pow10(this.scale - scale);
      const b = other.unscaled * pow10(other.scale - scale);
      if (fits(a) && fits(b) && fits(a + b)) return new Quantity("int", a + b, scale);
    }
    const x = this.toDec();
    const y = other.toDec();
    const scale = Math.max(x.scale, y.scale);
    return new Quantity("dec", x.unscaled * pow10(scale - x.scale) + y.unscaled * pow10(scale - y.scale), scale);
  }

  sub(other: Quantity): Quantity {
    return this.add(new Quantity(other.form, -other.unscaled, other.scale));
  }

  /** resource.Quantity.Mul by an int64. */
  mul(y: bigint): Quantity {
    if (this.form === "int" && fits(this.unscaled * y)) return new Quantity("int", this.unscaled * y, this.scale);
    const d = this.toDec();
    return new Quantity("dec", d.unscaled * y, d.scale);
  }

  /** resource.NewQuantity(value, DecimalExponent). */
  static ofInt(value: bigint): Quantity {
    return new Quantity("int", value, 0);
  }
}

const SPLIT = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
/** resource.ErrFormatWrong, ErrSuffix, ErrNumeric. */
export const QUANTITY_ERRORS = {
  format: `quantities must match the regular expression '${SPLIT}'`,
  suffix: "unable to parse quantity's suffix",
  numeric: "unable to parse numeric part of quantity",
} as const;

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function suffix(s: string): { base: 2 | 10; exponent: number; binary: boolean } | undefined {
  if (s in DECIMAL) return { base: 10, exponent: DECIMAL[s]!, binary: false };
  if (s in BINARY) return { base: 2, exponent: BINARY[s]!, binary: true };
  if (s.length > 1 && (s[0] === "e" || s[0] === "E") && /^[-+]?[0-9]+$/.test(s.slice(1))) {
    const e = Number(s.slice(1));
    // inf.Dec would hold any exponent; BigInt powers past this bound would not finish.
    if (Math.abs(e) > 10_000) return undefined;
    return { base: 10, exponent: e, binary: false };
  }
  return undefined;
}

/** resource.ParseQuantity; throws an Error with Go's message for text the API server rejects. */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new Error(QUANTITY_ERRORS.format);
  if (str === "0") return new Quantity("int", 0n, 0);
  const m = /^([+-]?)(0*)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(str);
  // A number needs a digit (`Mi` and `.` are not quantities).
  if (!m || (m[2]! + m[3]! + (m[4] ?? "")).length === 0) throw new Error(QUANTITY_ERRORS.format);
  const negative = m[1] === "-";
  const num = m[3] || "0";
  const denom = m[4] ?? "";
  const suf = suffix(m[5]!);
  if (!suf) throw new Error(QUANTITY_ERRORS.suffix);
  // The parser's int64 fast path (its precision estimate decides, as in Go).
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (!suf.binary) {
    scale = suf.exponent;
    precision = 18 - (num.length + denom.length);
  } else if (suf.exponent >= 0 && denom.length === 0) {
    mantissa = 1n << BigInt(suf.exponent);
    precision = 15 - num.length - Math.trunc((suf.exponent * 3) / 10) - 1;
  } else {
    precision = -1;
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const value = BigInt(num + denom) * mantissa;
      if (fits(value)) return new Quantity("int", negative ? -value : value, scale);
    }
  }
  // The inf.Dec path: exact, then rounded up (away from zero) to nano units.
  let unscaled = BigInt(num + denom);
  let decScale = denom.length;
  if (suf.base === 10) decScale -= suf.exponent;
  else unscaled *= 1n << BigInt(suf.exponent);
  if (unscaled !== 0n) {
    if (decScale > 9) {
      const d = pow10(decScale - 9);
      unscaled = (unscaled + d - 1n) / d;
    } else {
      unscaled *= pow10(9 - decScale);
    }
    decScale = 9;
  }
  if (suf.binary && unscaled > INT64_MAX * pow10(decScale)) {
    unscaled = INT64_MAX;
    decScale = 0;
  }
  return new Quantity("dec", negative ? -unscaled : unscaled, decScale);
}
