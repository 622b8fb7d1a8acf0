/** Protocols NetworkPolicy knows, in output order. */
export const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
/** A protocol. */
export type Protocol = (typeof PROTOCOLS)[number];

type Interval = readonly [number, number];
const FULL: Interval = [1, 65535];

function normalise(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A set of connections: per protocol, a set of port intervals (immutable). */
export class ConnSet {
  private constructor(private readonly ports: ReadonlyMap<Protocol, readonly Interval[]>) {}

  /** No connection. */
  static readonly NONE = new ConnSet(new Map());
  /** Every protocol and port. */
  static readonly ALL = new ConnSet(new Map(PROTOCOLS.map((p) => [p, [FULL]])));

  /** Ports `from`–`to` of one protocol. */
  static range(protocol: Protocol, from: number, to = from): ConnSet {
    return from > to ? ConnSet.NONE : new ConnSet(new Map([[protocol, [[from, to]]]]));
  }

  /** Every port of one protocol. */
  static protocol(protocol: Protocol): ConnSet {
    return ConnSet.range(protocol, 1, 65535);
  }

  private combine(other: ConnSet, op: (a: readonly Interval[], b: readonly Interval[]) => Interval[]): ConnSet {
    const m = new Map<Protocol, Interval[]>();
    for (const p of PROTOCOLS) {
      const r = op(this.ports.get(p) ?? [], other.ports.get(p) ?? []);
      if (r.length) m.set(p, r);
    }
    return new ConnSet(m);
  }

  /** Union. */
  union(other: ConnSet): ConnSet {
    if (other === this || other === ConnSet.NONE || this === ConnSet.ALL) return this;
    if (this === ConnSet.NONE || other === ConnSet.ALL) return other;
    return this.combine(other, (a, b) => normalise([...a, ...b]));
  }

  /** Intersection. */
  intersect(other: ConnSet): ConnSet {
    if (other === this || other === ConnSet.ALL || this === ConnSet.NONE) return this;
    if (this === ConnSet.ALL || other === ConnSet.NONE) return other;
    return this.combine(other, (a, b) => {
      const out: Interval[] = [];
      for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.max(s1, s2) <= Math.min(e1, e2)) out.push([Math.max(s1, s2), Math.min(e1, e2)]);
      return normalise(out);
    });
  }

  /** Difference. */
  subtract(other: ConnSet): ConnSet {
    if (other === this) return ConnSet.NONE;
    if (other === ConnSet.NONE || this === ConnSet.NONE) return this;
    if (other === ConnSet.ALL) return ConnSet.NONE;
    return this.combine(other, (a, b) => {
      let cur: Interval[] = [...a];
      for (const [s2, e2] of b) {
        const next: Interval[] = [];
        for (const [s1, e1] of cur) {
          if (e2 < s1 || s2 > e1) next.push([s1, e1]);
          else {
            if (s1 < s2) next.push([s1, s2 - 1]);
            if (e2 < e1) next.push([e2 + 1, e1]);
          }
        }
        cur = next;
      }
      return cur;
    });
  }

  /** True when empty. */
  isEmpty(): boolean {
    return this.ports.size === 0;
  }

  /** True when every protocol and port is in the set. */
  isAll(): boolean {
    return PROTOCOLS.every((p) => {
      const l = this.ports.get(p);
      return l?.length === 1 && l[0]![0] === 1 && l[0]![1] === 65535;
    });
  }

  /** True when (protocol, port) is in the set. */
  has(protocol: Protocol, port: number): boolean {
    return (this.ports.get(protocol) ?? []).some(([s, e]) => port >= s && port <= e);
  }

  /** The set as port intervals, per protocol in `PROTOCOLS` order. */
  intervals(): { protocol: Protocol; from: number; to: number }[] {
    return PROTOCOLS.flatMap((protocol) => (this.ports.get(protocol) ?? []).map(([from, to]) => ({ protocol, from, to })));
  }

  /** True when both sets hold the same connections. */
  equals(other: ConnSet): boolean {
    return this.subtract(other).isEmpty() && other.subtract(this).isEmpty();
  }

  /** `All Connections` or `TCP 80,8080-8090,UDP 53` (netpol-analyzer's format). */
  toString(): string {
    if (this.isAll()) return "All Connections";
    if (this.isEmpty()) return "No Connections";
    return PROTOCOLS.filter((p) => this.ports.has(p))
      .map(
        (p) =>
          `${p} ${this.ports
            .get(p)!
            .map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`))
            .join(",")}`,
      )
      .join(",");
  }
}
