import { documentsOfKind, parseCidr, type RampartDocument } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, workloadInventory, workloadsFromManifests, type ConnSet, type Endpoint } from "@rampart/compiler-networkpolicy";
import type { TrafficChange } from "./types.js";

/** An external endpoint: an address and how flows name it. */
export interface ExternalEndpoint {
  ip: { family: 4 | 6; address: bigint };
  label: string;
}

/** Options of `diffTraffic`. */
export interface TrafficDiffOptions {
  networkBackend?: "np" | "cnp";
  /** Extra external addresses; the network address of every CIDR either version names is always one. */
  externals?: readonly ExternalEndpoint[];
}

const label = (e: Endpoint) => ("pod" in e ? (e.pod.display ?? `${e.pod.namespace}/${e.pod.name}`) : e.label);

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

function allowedFlows(documents: readonly RampartDocument[], objects: readonly Record<string, unknown>[], externals: readonly ExternalEndpoint[], options: TrafficDiffOptions): Map<string, ConnSet> {
  const { namespaces, pods } = workloadsFromManifests(objects);
  const compiled = compileNetwork(documents, { networkBackend: options.networkBackend ?? "np", inventory: workloadInventory(documents, namespaces) });
  // Policies already in the workloads file (existing NetworkPolicies and the like) count on both sides.
  const engine = new ConnectivityEngine({ namespaces, pods, policies: parsePolicies([...(compiled.objects as never[]), ...objects]), externals });
  const out = new Map<string, ConnSet>();
  for (const f of engine.flows()) out.set(JSON.stringify([label(f.src), label(f.dst)]), f.conns);
  return out;
}

/**
 * The flows between the workloads of `objects` (Namespaces, Pods and controllers, as
 * `connectivity --workloads` reads them) and external addresses whose verdict differs between
 * the two versions: for each pair, the connections allowed only after (`deny` → `allow`) and
 * only before (`allow` → `deny`).
 */
export function diffTraffic(base: readonly RampartDocument[], head: readonly RampartDocument[], objects: readonly Record<string, unknown>[], options: TrafficDiffOptions = {}): TrafficChange[] {
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
