import { ConnSet } from "./conn-set.js";
import { isPod, type Endpoint } from "./endpoint.js";
import type { RulePort } from "./model.js";

/** Rule ports as connections; those without named ports do not depend on the destination and are resolved once. */
export class RulePorts {
  private readonly fixed = new Map<readonly RulePort[], ConnSet>();

  /** The connections rule ports allow towards `dst` (named ports resolve on the destination pod). */
  towards(ports: readonly RulePort[] | undefined, dst: Endpoint): ConnSet {
    if (!ports || ports.length === 0) return ConnSet.ALL;
    const fixed = this.fixed.get(ports);
    if (fixed !== undefined) return fixed;
    let named = false;
    let out = ConnSet.NONE;
    for (const p of ports) {
      if (p.port === undefined) out = out.union(ConnSet.protocol(p.protocol));
      else if (typeof p.port === "number") out = out.union(ConnSet.range(p.protocol, p.port, p.endPort ?? p.port));
      else {
        named = true;
        if (isPod(dst))
          for (const cp of dst.pod.ports)
            if (cp.name === p.port && (p.anyProtocol || cp.protocol === p.protocol)) out = out.union(ConnSet.range(cp.protocol, cp.port));
      }
    }
    if (!named) this.fixed.set(ports, out);
    return out;
  }
}
