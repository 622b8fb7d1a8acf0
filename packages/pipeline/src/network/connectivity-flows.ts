import { parseIp, type RampartDocument } from "@rampart/core";
import {
  compileNetwork,
  ConnectivityEngine,
  parsePolicies,
  workloadInventory,
  workloadsFromManifests,
  type Endpoint,
  type Flow,
} from "@rampart/compiler-networkpolicy";

/** An external endpoint: an address and how flows name it. */
export interface ExternalEndpoint {
  ip: { family: 4 | 6; address: bigint };
  label: string;
}

/** Options of `networkFlows` and `connectivityFlows`. */
export interface ConnectivityOptions {
  networkBackend?: "np" | "cnp";
  /** Deny egress to the cloud metadata address, as `build` does with it. */
  blockMetadata?: boolean;
  /** External addresses to include as flow endpoints. */
  externals?: readonly ExternalEndpoint[];
}

/** One allowed flow as `rampart connectivity` prints it. */
export interface FlowRow {
  src: string;
  dst: string;
  /** The connections, printed like netpol-analyzer (`TCP 8080`, `All Connections`). */
  conns: string;
  /** The policies that decided it; empty when neither end is isolated. */
  decidedBy: string[];
}

/** How flows name an endpoint: the pod's display name or `namespace/name`, or the external label. */
export const endpointLabel = (e: Endpoint): string => ("pod" in e ? (e.pod.display ?? `${e.pod.namespace}/${e.pod.name}`) : e.label);

/** Parses external addresses given as text, or names the first that is not an IPv4 or IPv6 address. */
export function parseExternals(ips: readonly string[]): { externals: ExternalEndpoint[] } | { error: string } {
  const externals: ExternalEndpoint[] = [];
  for (const ip of ips) {
    const parsed = parseIp(ip);
    if (!parsed) return { error: `\`--external ${ip}\` is not an IPv4 or IPv6 address` };
    externals.push({ ip: parsed, label: ip });
  }
  return { externals };
}

/**
 * The flows allowed between the workloads of `objects` (Namespaces, Pods and controllers) and the
 * external endpoints under the compiled TrafficPolicies. Network policies among `objects`
 * (existing NetworkPolicies, AdminNetworkPolicies, ClusterNetworkPolicies) count too.
 */
export function networkFlows(documents: readonly RampartDocument[], objects: readonly Record<string, unknown>[], options: ConnectivityOptions = {}): Flow[] {
  const { namespaces, pods } = workloadsFromManifests(objects);
  const compiled = compileNetwork(documents, {
    networkBackend: options.networkBackend ?? "np",
    blockMetadata: options.blockMetadata ?? false,
    // Globs and namespace labels match the workloads' namespaces (and their `Namespace` labels).
    inventory: workloadInventory(documents, namespaces),
  });
  const engine = new ConnectivityEngine({
    namespaces,
    pods,
    policies: parsePolicies([...(compiled.objects as never[]), ...objects]),
    externals: options.externals ?? [],
  });
  return engine.flows();
}

/** `networkFlows` as rows sorted by source, then destination. */
export function connectivityFlows(
  documents: readonly RampartDocument[],
  objects: readonly Record<string, unknown>[],
  options: ConnectivityOptions = {},
): FlowRow[] {
  const flows = networkFlows(documents, objects, options).map((f) => ({
    src: endpointLabel(f.src),
    dst: endpointLabel(f.dst),
    conns: f.conns.toString(),
    decidedBy: f.decidedBy,
  }));
  return flows.sort((a, b) => (a.src !== b.src ? (a.src < b.src ? -1 : 1) : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0));
}

/** The flows as an aligned table (FROM, TO, CONNECTIONS, DECIDED BY), or a line saying there are none. */
export function formatFlowTable(flows: readonly FlowRow[]): string[] {
  if (flows.length === 0) return ["no allowed flows between these workloads"];
  const rows = [
    ["FROM", "TO", "CONNECTIONS", "DECIDED BY"],
    ...flows.map((f) => [f.src, f.dst, f.conns, f.decidedBy.join(", ") || "(no policy: not isolated)"]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
      .join("  ")
      .trimEnd(),
  );
}
