// IP addresses and CIDRs as Kubernetes' CEL ip and cidr libraries read them (Go's netip, minus
// IPv4-mapped IPv6 addresses and zones, which the libraries refuse).

/** An IP address: its 32- or 128-bit value and family. */
export class IP {
  constructor(
    readonly family: 4 | 6,
    readonly value: bigint,
  ) {}
  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }
  /** netip.Addr.String: dotted quad, or RFC 5952 (lowercase, longest zero run as `::`). */
  toString(): string {
    if (this.family === 4) return [24, 16, 8, 0].map((s) => Number((this.value >> BigInt(s)) & 255n)).join(".");
    const groups = Array.from({ length: 8 }, (_, i) => Number((this.value >> BigInt(112 - 16 * i)) & 0xffffn));
    let best = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > bestLen) [best, bestLen] = [i, j - i];
      i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best < 0) return hex.join(":");
    return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
  }
  private inPrefix(prefix: bigint, len: number): boolean {
    return this.value >> BigInt(this.bits - len) === prefix;
  }
  isUnspecified(): boolean {
    return this.value === 0n;
  }
  isLoopback(): boolean {
    return this.family === 4 ? this.inPrefix(127n, 8) : this.value === 1n;
  }
  isMulticast(): boolean {
    return this.family === 4 ? this.inPrefix(0xen, 4) : this.inPrefix(0xffn, 8);
  }
  isLinkLocalMulticast(): boolean {
    return this.family === 4 ? this.inPrefix(0xe00000n, 24) : ((this.value >> 112n) & 0xff0fn) === 0xff02n;
  }
  isLinkLocalUnicast(): boolean {
    return this.family === 4 ? this.inPrefix(0xa9fen, 16) : this.inPrefix(0x3fan, 10);
  }
  /** netip.Addr.IsGlobalUnicast (private and ULA addresses count as global, as in Go). */
  isGlobalUnicast(): boolean {
    if (this.family === 4 && (this.value === 0n || this.value === 0xffffffffn)) return false;
    return !this.isUnspecified() && !this.isLoopback() && !this.isMulticast() && !this.isLinkLocalUnicast();
  }
}

/** A CIDR: an address (host bits kept) and a prefix length. */
export class CIDR {
  constructor(
    readonly ip: IP,
    readonly prefixLength: number,
  ) {}
  toString(): string {
    return `${this.ip}/${this.prefixLength}`;
  }
  masked(): CIDR {
    const host = BigInt(this.ip.bits - this.prefixLength);
    return new CIDR(new IP(this.ip.family, (this.ip.value >> host) << host), this.prefixLength);
  }
  containsIP(ip: IP): boolean {
    if (ip.family !== this.ip.family) return false;
    const host = BigInt(this.ip.bits - this.prefixLength);
    return ip.value >> host === this.ip.value >> host;
  }
  /** netip.Prefix.Overlaps and no longer than the other (the library's containsCIDR). */
  containsCIDR(other: CIDR): boolean {
    return other.ip.family === this.ip.family && this.prefixLength <= other.prefixLength && this.containsIP(other.ip);
  }
}

const V4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;

function parseV4(s: string): bigint | undefined {
  const m = V4.exec(s);
  if (!m) return undefined;
  let v = 0n;
  for (const part of m.slice(1)) {
    const n = Number(part);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === "") return [];
    const out: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseV4(p);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 2 ? head.length + tail.length > 7 : head.length !== 8) return undefined;
  // an embedded IPv4 may only end the address
  if (halves.length === 2 && halves[0]!.includes(".")) return undefined;
  const all = [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail] as number[];
  return all.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
}

/** Parses an IP address as the `ip()` function does; a string error (Go's wording) when it is not one. */
export function parseIP(s: string): IP | string {
  if (s.includes("%")) return `IP address with zone value is not allowed: ${s}`;
  const v4 = parseV4(s);
  if (v4 !== undefined) return new IP(4, v4);
  if (!s.includes(":")) return `IP Address "${s}" parse error during conversion from string: ParseAddr("${s}"): unable to parse IP`;
  const v6 = parseV6(s);
  if (v6 === undefined) return `IP Address "${s}" parse error during conversion from string: ParseAddr("${s}"): unable to parse IP`;
  if (v6 >> 32n === 0xffffn) return `IPv4-mapped IPv6 address is not allowed: ${s}`;
  return new IP(6, v6);
}

/** Parses a CIDR as the `cidr()` function does; a string error when it is not one. */
export function parseCIDR(s: string): CIDR | string {
  const slash = s.lastIndexOf("/");
  const bad = `network address "${s}" parse error during conversion from string: netip.ParsePrefix("${s}"): invalid prefix`;
  if (slash < 0) return bad;
  const ip = parseIP(s.slice(0, slash));
  if (typeof ip === "string") return ip.includes("not allowed") ? ip : bad;
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits) || Number(bits) > ip.bits) return bad;
  return new CIDR(ip, Number(bits));
}

/** ip.isCanonical: the text is the address's canonical form. */
export function isCanonicalIP(s: string): boolean {
  const ip = parseIP(s);
  return typeof ip !== "string" && ip.toString() === s;
}
