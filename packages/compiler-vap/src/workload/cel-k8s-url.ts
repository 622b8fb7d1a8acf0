// URLs as Kubernetes' CEL url library reads them: Go's url.ParseRequestURI (an absolute URI or an
// absolute path; no fragment splitting) and the accessors of net/url.

/** A parsed URL (the fields of Go's url.URL the library reads). */
export class URL {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly rawPath: string,
    readonly rawQuery: string,
  ) {}
  hostname(): string {
    const h = this.host;
    if (h.startsWith("[")) return h.slice(1, h.indexOf("]"));
    const i = h.lastIndexOf(":");
    return i < 0 ? h : h.slice(0, i);
  }
  port(): string {
    const h = this.host;
    const i = h.lastIndexOf(":");
    if (i < 0 || (h.startsWith("[") && i < h.indexOf("]"))) return "";
    return h.slice(i + 1);
  }
  /** url.URL.EscapedPath: the path as written when it is validly escaped, otherwise escaped. */
  escapedPath(): string {
    if (validEncoded(this.rawPath)) return this.rawPath;
    return escapePath(unescape(this.rawPath) ?? this.rawPath);
  }
  /** url.URL.Query: `&`-separated pairs, `+` as space; pairs with `;` or bad escapes are dropped. */
  query(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const pair of this.rawQuery.split("&")) {
      if (pair === "" || pair.includes(";")) continue;
      const eq = pair.indexOf("=");
      const key = unescape(eq < 0 ? pair : pair.slice(0, eq), true);
      const value = unescape(eq < 0 ? "" : pair.slice(eq + 1), true);
      if (key === undefined || value === undefined) continue;
      out.set(key, [...(out.get(key) ?? []), value]);
    }
    return out;
  }
}

const unreserved = (c: string) => /^[A-Za-z0-9\-_.~]$/.test(c);

function escapePath(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(b);
    out += unreserved(c) || "$&+,/:;=@".includes(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function validEncoded(s: string): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]%".includes(c) || unreserved(c) || c === "/") continue;
    return false;
  }
  return true;
}

/** Percent-decoding as Go's unescape; undefined for a bad escape. */
function unescape(s: string, query = false): string | undefined {
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "%") {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === "+" && query) bytes.push(32);
    else bytes.push(...Buffer.from(c, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Parses a URL as url.ParseRequestURI; a string error when Go refuses it. */
export function parseURL(raw: string): URL | string {
  const fail = (why: string) => `URL parse error during conversion from string: parse ${JSON.stringify(raw)}: ${why}`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail("net/url: invalid control character in URL");
  if (raw === "") return fail("empty url");
  let rest = raw;
  let scheme = "";
  const sm = /^([A-Za-z][A-Za-z0-9+\-.]*):/.exec(rest);
  if (sm) {
    scheme = sm[1]!.toLowerCase();
    rest = rest.slice(sm[0].length);
  } else if (rest.startsWith(":")) return fail("missing protocol scheme");
  let rawQuery = "";
  const q = rest.indexOf("?");
  if (q >= 0) [rest, rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  if (!rest.startsWith("/")) return scheme !== "" ? new URL(scheme, "", "", rawQuery) : fail("invalid URI for request");
  let host = "";
  if (scheme !== "" && rest.startsWith("//")) {
    const end = rest.indexOf("/", 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? "" : rest.slice(end);
    host = authority.slice(authority.lastIndexOf("@") + 1);
    if (host.startsWith("[")) {
      const close = host.indexOf("]");
      if (close < 0) return fail("missing ']' in host");
      if (!/^(:[0-9]*)?$/.test(host.slice(close + 1))) return fail(`invalid port ${JSON.stringify(host.slice(close + 1))} after host`);
    } else {
      const colon = host.lastIndexOf(":");
      if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
    const decoded = unescape(host);
    if (decoded === undefined) return fail(`invalid URL escape`);
    host = decoded;
  }
  if (unescape(rest) === undefined) return fail("invalid URL escape");
  return new URL(scheme, host, rest, rawQuery);
}
