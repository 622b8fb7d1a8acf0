import { parseIp, type RampartDocument } from "@rampart/core";
import { PROTOCOLS } from "./conn-set.js";
import { ConnectivityEngine, type Endpoint } from "./connectivity.js";
import type { Namespace, Pod } from "./model.js";
import { parsePolicies } from "./parse-policies.js";
import { trafficDecider, type FlowPort } from "./traffic-semantics.js";

/** The workload inventory a proof runs on. */
export interface NetworkWorkloads {
  namespaces: Namespace[];
  pods: Pod[];
  /** Sample external addresses (the metadata endpoint is always added). */
  externalIps?: string[];
}

/** The outcome of `verifyNetwork`. */
export interface VerifyNetworkResult {
  /** Flows the compiled objects admit but the TrafficPolicies deny: must be empty. */
  overAdmitted: { src: string; dst: string; port: string }[];
  /** Flows the TrafficPolicies allow but the objects do not admit. */
  underAdmitted: { src: string; dst: string; port: string }[];
  checked: number;
}

const label = (e: Endpoint) => ("pod" in e ? `${e.pod.namespace}/${e.pod.name}` : e.label);

/**
 * Proves compiled network objects against the TrafficPolicies on a workload inventory: every
 * pod pair and pod↔external sample, on every port the rules or pods name plus a few others.
 */
export function verifyNetwork(documents: readonly RampartDocument[], workloads: NetworkWorkloads, objects: readonly Record<string, unknown>[]): VerifyNetworkResult {
  const engine = new ConnectivityEngine({ namespaces: workloads.namespaces, pods: workloads.pods, policies: parsePolicies(objects) });
  const nsLabels = new Map(workloads.namespaces.map((n) => [n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels }]));
  const decide = trafficDecider(documents, (ns) => nsLabels.get(ns) ?? { "kubernetes.io/metadata.name": ns });
  const portNumbers = new Set([1, 22, 53, 80, 443, 8080, 8443, 9000, 9100, 65535]);
  for (const p of workloads.pods) for (const cp of p.ports) portNumbers.add(cp.port);
  for (const d of documents) {
    if (d.kind !== "TrafficPolicy") continue;
    for (const r of [...(d.spec.allow ?? []), ...(d.spec.deny ?? [])]) for (const e of r.ports ?? []) for (const n of String(e).split("/")[0]!.split("-")) if (/^\d+$/.test(n)) portNumbers.add(Number(n));
  }
  const ports: FlowPort[] = PROTOCOLS.flatMap((protocol) => [...portNumbers].map((port) => ({ protocol, port })));
  const externals: Endpoint[] = [...new Set(["169.254.169.254", "8.8.8.8", "10.1.2.3", "fd00:ec2::254", ...(workloads.externalIps ?? [])])].map((ip) => ({ ip: parseIp(ip)!, label: ip }));
  const pods: Endpoint[] = workloads.pods.map((pod) => ({ pod }));
  const result: VerifyNetworkResult = { overAdmitted: [], underAdmitted: [], checked: 0 };
  const check = (src: Endpoint, dst: Endpoint) => {
    const conns = engine.allowed(src, dst);
    for (const port of ports) {
      result.checked++;
      const admitted = conns.has(port.protocol, port.port);
      const allowed = decide(src, dst, port);
      const flow = { src: label(src), dst: label(dst), port: `${port.port}/${port.protocol}` };
      if (admitted && !allowed) result.overAdmitted.push(flow);
      if (allowed && !admitted) result.underAdmitted.push(flow);
    }
  };
  for (const s of pods) for (const d of pods) if (s !== d) check(s, d);
  for (const e of externals) for (const p of pods) {
    check(e, p);
    check(p, e);
  }
  return result;
}
