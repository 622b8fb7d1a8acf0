import { documentsOfKind, parseCidr, type RampartDocument } from "@rampart/core";
import type { ConnSet } from "@rampart/compiler-networkpolicy";
import { endpointLabel, networkFlows, type ExternalEndpoint } from "../network/connectivity-flows.js";
import type { TrafficChange } from "./types.js";

export type { ExternalEndpoint } from "../network/connectivity-flows.js";

/** Options of `diffTraffic`. */
export interface TrafficDiffOptions {
  networkBackend?: "np" | "cnp";
  /** Extra external addresses; the network address of every CIDR either version names is always one. */
  externals?: readonly ExternalEndpoint[];
}

/** One address per CIDR peer of the TrafficPolicies (its network address), labelled by the CIDR. */
function cidrEndpoints(documents: readonly RampartDocument[]): ExternalEndpoint[] {
  const out: ExternalEndpoint[] = [];
  for (const doc of documentsOfKind(documents, "TrafficPolicy")) {
    for (const rule of [...(doc.spec.allow ?? []), ...(doc.spec.deny ?? [])]) {
      const peers = [rule.from, rule.to].flatMap((p) => (Array.isArray(p) ? p : []));
      for (const peer of peers as { cidr?: string }[]) {
        if (peer.cidr === undefined) continue;
        const c = parseCidr(peer.cidr);
        if (!("error" in c)) out.push({ ip: { family: c.family, address: c.address }, label: c.text });
      }
    }
  }
  return out;
}

function allowedFlows(
  documents: readonly RampartDocument[],
  objects: readonly Record<string, unknown>[],
  externals: readonly ExternalEndpoint[],
  options: TrafficDiffOptions,
): Map<string, ConnSet> {
  // Policies already in the workloads file (existing NetworkPolicies and the like) count on both sides.
  const out = new Map<string, ConnSet>();
  for (const f of networkFlows(documents, objects, { ...options, externals })) out.set(JSON.stringify([endpointLabel(f.src), endpointLabel(f.dst)]), f.conns);
  return out;
}

/**
 * The flows between the workloads of `objects` (Namespaces, Pods and controllers, as
 * `connectivity --workloads` reads them) and external addresses whose verdict differs between
 * the two versions: for each pair, the connections allowed only after (`deny` → `allow`) and
 * only before (`allow` → `deny`).
 */
export function diffTraffic(
  base: readonly RampartDocument[],
  head: readonly RampartDocument[],
  objects: readonly Record<string, unknown>[],
  options: TrafficDiffOptions = {},
): TrafficChange[] {
  const seen = new Set<string>();
  const externals = [...cidrEndpoints(base), ...cidrEndpoints(head), ...(options.externals ?? [])].filter((e) => !seen.has(e.label) && !!seen.add(e.label));
  const before = allowedFlows(base, objects, externals, options);
  const after = allowedFlows(head, objects, externals, options);
  const out: TrafficChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [from, to] = JSON.parse(key) as [string, string];
    const b = before.get(key);
    const a = after.get(key);
    const gained = a === undefined ? undefined : b === undefined ? a : a.subtract(b);
    const lost = b === undefined ? undefined : a === undefined ? b : b.subtract(a);
    if (gained !== undefined && !gained.isEmpty()) out.push({ from, to, port: gained.toString(), before: "deny", after: "allow" });
    if (lost !== undefined && !lost.isEmpty()) out.push({ from, to, port: lost.toString(), before: "allow", after: "deny" });
  }
  return out;
}
