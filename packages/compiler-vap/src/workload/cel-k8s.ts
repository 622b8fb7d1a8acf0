// The Kubernetes CEL libraries the API server offers ValidatingAdmissionPolicy expressions
// (k8s.io/apiserver/pkg/cel/library): quantity, regex, URLs, IP and CIDR, sets, lists, and the
// strings extension (v2) functions cel-js lacks (charAt, replace, format, strings.quote).
import type { Environment } from "@marcbachmann/cel-js";
import { parseQuantity, Quantity } from "./cel-k8s-quantity.js";
import { CIDR, IP, isCanonicalIP, parseCIDR, parseIP } from "./cel-k8s-net.js";
import { parseURL, URL } from "./cel-k8s-url.js";
import { celCompare, celEquals, format, re2 } from "./cel-k8s-values.js";

class SetsNamespace {}
class IpNamespace {}
class StringsNamespace {}

const QUOTE_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

const Q = "kubernetes.Quantity";
const U = "net.URL";
const I = "net.IP";
const C = "net.CIDR";

const attempt = (f: () => unknown) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};
const must = <T>(v: T | string): T => {
  if (typeof v === "string") throw new Error(v);
  return v;
};
const ip = (s: string) => must(parseIP(s));
const cidr = (s: string) => must(parseCIDR(s));
const url = (s: string) => must(parseURL(s));

function extreme(list: unknown[], name: string, pick: (c: number) => boolean): unknown {
  if (list.length === 0) throw new Error(`${name}(list) called on an empty list`);
  return list.reduce((best, v) => (pick(celCompare(v, best)) ? v : best));
}

/** Registers a function overload (`signature`) on an environment. */
type Register = (signature: string, handler: (...args: never[]) => unknown) => unknown;

/** `quantity()` and the `kubernetes.Quantity` methods and equality. */
function registerQuantity(env: Environment, fn: Register): void {
  fn(`quantity(string): ${Q}`, parseQuantity);
  fn("isQuantity(string): bool", (s: string) => attempt(() => parseQuantity(s)));
  fn(`sign(${Q}): int`, (q: Quantity) => BigInt(q.sign()));
  fn(`${Q}.sign(): int`, (q: Quantity) => BigInt(q.sign()));
  fn(`${Q}.isGreaterThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.cmp(b) === 1);
  fn(`${Q}.isLessThan(${Q}): bool`, (a: Quantity, b: Quantity) => a.cmp(b) === -1);
  fn(`${Q}.compareTo(${Q}): int`, (a: Quantity, b: Quantity) => BigInt(a.cmp(b)));
  fn(`${Q}.asApproximateFloat(): double`, (q: Quantity) => q.asApproximateFloat());
  fn(`${Q}.isInteger(): bool`, (q: Quantity) => q.asInt64() !== undefined);
  fn(`${Q}.asInteger(): int`, (q: Quantity) => {
    const v = q.asInt64();
    if (v === undefined) throw new Error("cannot convert value to integer");
    return v;
  });
  fn(`${Q}.add(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.add(b));
  fn(`${Q}.add(int): ${Q}`, (a: Quantity, b: bigint) => a.add(Quantity.ofInt(b)));
  fn(`${Q}.sub(${Q}): ${Q}`, (a: Quantity, b: Quantity) => a.sub(b));
  fn(`${Q}.sub(int): ${Q}`, (a: Quantity, b: bigint) => a.sub(Quantity.ofInt(b)));
  fn(`${Q}.mul(int): ${Q}`, (a: Quantity, b: bigint) => a.mul(b));
  env.registerOperator(`${Q} == ${Q}`, (a: Quantity, b: Quantity) => a.cmp(b) === 0);
}

/** `find` and `findAll` with RE2 patterns. */
function registerRegex(fn: Register): void {
  fn("string.find(string): string", (s: string, p: string) => re2(p).exec(s)?.[0] ?? "");
  fn("string.findAll(string): list<string>", (s: string, p: string) => [...s.matchAll(new RegExp(re2(p).source, `${re2(p).flags}g`))].map((m) => m[0]));
  fn("string.findAll(string, int): list<string>", (s: string, p: string, n: bigint) => {
    const all = [...s.matchAll(new RegExp(re2(p).source, `${re2(p).flags}g`))].map((m) => m[0]);
    return n < 0n ? all : all.slice(0, Number(n));
  });
}

/** `url()` and the `net.URL` accessors. */
function registerUrls(fn: Register): void {
  fn(`url(string): ${U}`, url);
  fn("isURL(string): bool", (s: string) => typeof parseURL(s) !== "string");
  fn(`${U}.getScheme(): string`, (u: URL) => u.scheme);
  fn(`${U}.getHost(): string`, (u: URL) => u.host);
  fn(`${U}.getHostname(): string`, (u: URL) => u.hostname());
  fn(`${U}.getPort(): string`, (u: URL) => u.port());
  fn(`${U}.getEscapedPath(): string`, (u: URL) => u.escapedPath());
  fn(`${U}.getQuery(): map<string, list<string>>`, (u: URL) => u.query());
}

/** `ip()`, `cidr()`, `ip.isCanonical` and the `net.IP` and `net.CIDR` methods and equality. */
function registerIpAndCidr(env: Environment, fn: Register): void {
  fn(`ip(string): ${I}`, ip);
  fn("isIP(string): bool", (s: string) => typeof parseIP(s) !== "string");
  fn("IpNamespace.isCanonical(string): bool", (_: unknown, s: string) => {
    ip(s);
    return isCanonicalIP(s);
  });
  fn(`string(${I}): string`, (a: IP) => a.toString());
  fn(`${I}.family(): int`, (a: IP) => BigInt(a.family));
  fn(`${I}.isUnspecified(): bool`, (a: IP) => a.isUnspecified());
  fn(`${I}.isLoopback(): bool`, (a: IP) => a.isLoopback());
  fn(`${I}.isLinkLocalMulticast(): bool`, (a: IP) => a.isLinkLocalMulticast());
  fn(`${I}.isLinkLocalUnicast(): bool`, (a: IP) => a.isLinkLocalUnicast());
  fn(`${I}.isGlobalUnicast(): bool`, (a: IP) => a.isGlobalUnicast());
  env.registerOperator(`${I} == ${I}`, (a: IP, b: IP) => a.family === b.family && a.value === b.value);
  fn(`cidr(string): ${C}`, cidr);
  fn("isCIDR(string): bool", (s: string) => typeof parseCIDR(s) !== "string");
  fn(`string(${C}): string`, (c: CIDR) => c.toString());
  fn(`${C}.containsIP(${I}): bool`, (c: CIDR, a: IP) => c.containsIP(a));
  fn(`${C}.containsIP(string): bool`, (c: CIDR, a: string) => c.containsIP(ip(a)));
  fn(`${C}.containsCIDR(${C}): bool`, (c: CIDR, o: CIDR) => c.containsCIDR(o));
  fn(`${C}.containsCIDR(string): bool`, (c: CIDR, o: string) => c.containsCIDR(cidr(o)));
  fn(`${C}.ip(): ${I}`, (c: CIDR) => c.ip);
  fn(`${C}.masked(): ${C}`, (c: CIDR) => c.masked());
  fn(`${C}.prefixLength(): int`, (c: CIDR) => BigInt(c.prefixLength));
  env.registerOperator(`${C} == ${C}`, (a: CIDR, b: CIDR) => a.prefixLength === b.prefixLength && a.ip.family === b.ip.family && a.ip.value === b.ip.value);
}

/** The `sets` functions and the list extensions (`isSorted`, `sum`, `min`, `max`, `indexOf`, `lastIndexOf`). */
function registerSetsAndLists(fn: Register): void {
  fn("SetsNamespace.contains(list, list): bool", (_: unknown, a: unknown[], b: unknown[]) => b.every((x) => a.some((y) => celEquals(x, y))));
  fn(
    "SetsNamespace.equivalent(list, list): bool",
    (_: unknown, a: unknown[], b: unknown[]) => b.every((x) => a.some((y) => celEquals(x, y))) && a.every((x) => b.some((y) => celEquals(x, y))),
  );
  fn("SetsNamespace.intersects(list, list): bool", (_: unknown, a: unknown[], b: unknown[]) => a.some((x) => b.some((y) => celEquals(x, y))));
  fn("list.isSorted(): bool", (l: unknown[]) => l.every((v, i) => i === 0 || celCompare(l[i - 1], v) <= 0));
  fn("list.sum(): dyn", (l: unknown[]) => (l.length === 0 ? 0n : l.reduce((s, v) => (s as number) + (v as number))));
  fn("list.min(): dyn", (l: unknown[]) => extreme(l, "min", (c) => c < 0));
  fn("list.max(): dyn", (l: unknown[]) => extreme(l, "max", (c) => c > 0));
  fn("list.indexOf(dyn): int", (l: unknown[], v: unknown) => BigInt(l.findIndex((x) => celEquals(x, v))));
  fn("list.lastIndexOf(dyn): int", (l: unknown[], v: unknown) => BigInt(l.findLastIndex((x) => celEquals(x, v))));
}

/** The strings extension functions cel-js lacks: `strings.quote`, `format`, `charAt`, `replace`. */
function registerStrings(fn: Register): void {
  fn("StringsNamespace.quote(string): string", (_: unknown, s: string) => `"${s.replace(/[\x07\b\f\n\r\t\v\\"]/g, (c) => QUOTE_ESCAPES[c]!)}"`);
  fn("string.format(list): string", (s: string, args: unknown[]) => format(s, args));
  fn("string.charAt(int): string", (s: string, i: bigint) => {
    const chars = [...s];
    if (i < 0n || i > BigInt(chars.length)) throw new Error(`index out of range: ${i}`);
    return chars[Number(i)] ?? "";
  });
  fn("string.replace(string, string): string", (s: string, a: string, b: string) => s.split(a).join(b));
  fn("string.replace(string, string, int): string", (s: string, a: string, b: string, n: bigint) => {
    if (n < 0n) return s.split(a).join(b);
    const parts = s.split(a);
    const k = Math.min(Number(n), parts.length - 1);
    return parts.slice(0, k + 1).join(b) + (k + 1 < parts.length ? a + parts.slice(k + 1).join(a) : "");
  });
}

/** Registers the Kubernetes CEL libraries on an environment (before any parse or clone). */
export function registerKubernetesLibraries<E extends Environment>(env: E): E {
  const fn: Register = (signature, handler) => env.registerFunction(signature, handler as never);
  env.registerType(Q, Quantity).registerType(U, URL).registerType(I, IP).registerType(C, CIDR);
  env.registerType("SetsNamespace", SetsNamespace).registerConstant("sets", "SetsNamespace", new SetsNamespace());
  env.registerType("IpNamespace", IpNamespace).registerConstant("ip", "IpNamespace", new IpNamespace());
  env.registerType("StringsNamespace", StringsNamespace).registerConstant("strings", "StringsNamespace", new StringsNamespace());
  registerQuantity(env, fn);
  registerRegex(fn);
  registerUrls(fn);
  registerIpAndCidr(env, fn);
  registerSetsAndLists(fn);
  registerStrings(fn);
  return env;
}
