import {
  documentsOfKind,
  formatIp,
  normaliseTraffic,
  parseCidr,
  parseIp,
  trafficGoverns,
  type Cidr,
  type RampartDocument,
  type TrafficPolicyIR,
  type TrafficRuleIR,
} from "@rampart/core";
import { PROTOCOLS } from "./conn-set.js";
import { ConnectivityEngine } from "./connectivity.js";
import type { Endpoint } from "./endpoint.js";
import { inventoryOptions, type NetworkInventory, type NetworkRuleReport } from "./compile.js";
import type { Namespace, Pod } from "./model.js";
import { parsePolicies } from "./parse-policies.js";
import { trafficDecider, type FlowPort } from "./traffic-semantics.js";

/** The workload inventory a proof runs on. */
export interface NetworkWorkloads {
  namespaces: Namespace[];
  pods: Pod[];
  /** Sample external addresses; the metadata endpoints, a few public and private addresses and every CIDR boundary of the policies are always added. */
  externalIps?: string[];
}

/** Options of `verifyNetwork`. */
export interface VerifyNetworkOptions {
  /** As given to `compileNetwork`. */
  blockMetadata?: boolean;
  /** The compile report: under-admitted flows of rules it reports as not expressible are expected, not failures. */
  report?: { rules: readonly NetworkRuleReport[] };
  /** As given to `compileNetwork`: `spec.namespaces` globs expand against its namespaces, `spec.namespaceLabels` match its labels. */
  inventory?: NetworkInventory;
  /**
   * As given to `compileNetwork` (default `np`). With `cnp`, workload namespaces the inventory does
   * not list are namespaces created after the build: label-only policies govern them by their labels.
   */
  networkBackend?: "np" | "cnp";
}

/** A flow on which the compiled objects and the TrafficPolicies disagree. */
export interface FlowMismatch {
  src: string;
  dst: string;
  /** `8080/TCP`. */
  port: string;
  /** The TrafficPolicy rules that decided the flow (`policy/deny[0]`); empty when an isolated end had no allow. */
  rules: string[];
}

/** The outcome of `verifyNetwork`. */
export interface VerifyNetworkResult {
  /** Flows the compiled objects admit but the TrafficPolicies deny: must be empty. */
  overAdmitted: FlowMismatch[];
  /** Flows the TrafficPolicies allow but the objects do not admit, not explained by the report: must be empty. */
  underAdmitted: FlowMismatch[];
  /** Flows the TrafficPolicies allow but the objects do not admit, of rules reported as not expressible. */
  inexpressible: FlowMismatch[];
  /**
   * Flows from outside the cluster into namespaces created after the build that the objects admit
   * and the TrafficPolicies deny: ClusterNetworkPolicy cannot select them (`network-later-ingress`).
   */
  laterIngress: FlowMismatch[];
  /** Flows checked (endpoint pairs × ports). */
  checked: number;
}

const label = (e: Endpoint) => ("pod" in e ? `${e.pod.namespace}/${e.pod.name}` : e.label);
const ruleName = (r: TrafficRuleIR) => `${r.policy}/${r.index < 0 ? "blockMetadata" : `${r.effect}[${r.index}]`}`;
const DEFAULT_IPS = ["169.254.169.254", "fd00:ec2::254", "8.8.8.8", "10.1.2.3", "192.168.1.1", "2001:db8::1"];

/** Addresses at and just outside both ends of a CIDR. */
function boundaries(c: Cidr): string[] {
  const bits = c.family === 4 ? 32n : 128n;
  const size = 1n << (bits - BigInt(c.prefix));
  const max = (1n << bits) - 1n;
  return [c.address - 1n, c.address, c.address + size - 1n, c.address + size].filter((a) => a >= 0n && a <= max).map((a) => formatIp(c.family, a));
}

/**
 * Proves compiled network objects against the TrafficPolicies on a workload inventory: every pod
 * pair and pod↔external sample (each CIDR boundary of the policies and objects included), on every
 * port the rules, objects or pods name, their neighbours, and a few others, for TCP, UDP and SCTP.
 */
export function verifyNetwork(
  documents: readonly RampartDocument[],
  workloads: NetworkWorkloads,
  objects: readonly Record<string, unknown>[],
  options: VerifyNetworkOptions = {},
): VerifyNetworkResult {
  // Globs in `spec.namespaces` expand as `compileNetwork` expanded them (same inventory).
  const policies = normaliseTraffic(documents, { blockMetadata: options.blockMetadata ?? false, ...inventoryOptions(options.inventory) });
  const models = parsePolicies(objects);
  const engine = new ConnectivityEngine({ namespaces: workloads.namespaces, pods: workloads.pods, policies: models });
  const nsLabels = new Map(workloads.namespaces.map((n) => [n.name, { "kubernetes.io/metadata.name": n.name, ...n.labels }]));
  const labelsOf = (ns: string) => nsLabels.get(ns) ?? { "kubernetes.io/metadata.name": ns };
  const known = new Set(
    options.inventory?.namespaces ??
      documentsOfKind(documents, "Inventory").flatMap((d) => [...(d.spec.namespaces ?? []), ...Object.keys(d.spec.namespaceLabels ?? {})]),
  );
  const later = (ns: string) => options.networkBackend === "cnp" && !known.has(ns);
  const governs = (p: TrafficPolicyIR, ns: string) => trafficGoverns(p, ns, later(ns) ? labelsOf(ns) : undefined);
  const decide = trafficDecider(policies, labelsOf, { later });

  const portNumbers = new Set([1, 22, 53, 80, 443, 8080, 8443, 65535]);
  const near = (n: number) => [n - 1, n, n + 1].filter((x) => x >= 1 && x <= 65535).forEach((x) => portNumbers.add(x));
  for (const p of workloads.pods) for (const cp of p.ports) near(cp.port);
  const cidrs: Cidr[] = [];
  for (const p of policies) {
    for (const r of [...p.allow, ...p.deny]) {
      for (const e of r.ports ?? []) if (e.kind === "range") [e.from, e.to].forEach(near);
      for (const peer of r.remote ?? []) if (peer.kind === "cidr") cidrs.push(peer.cidr);
    }
  }
  for (const m of models) {
    for (const dir of ["ingress", "egress"] as const) {
      for (const rule of m[dir]) {
        for (const port of rule.ports ?? []) if (typeof port.port === "number") [port.port, port.endPort ?? port.port].forEach(near);
        for (const peer of (rule as { peers?: unknown[] }).peers ?? []) {
          const block = (peer as { ipBlock?: { cidr: Cidr; except: Cidr[] } }).ipBlock;
          if (block) cidrs.push(block.cidr, ...block.except);
          const networks = (peer as { networks?: Cidr[] }).networks;
          if (networks) cidrs.push(...networks);
        }
      }
    }
  }
  const ports: FlowPort[] = PROTOCOLS.flatMap((protocol) => [...portNumbers].sort((a, b) => a - b).map((port) => ({ protocol, port })));
  const ips = new Set([...DEFAULT_IPS, ...(workloads.externalIps ?? []), ...cidrs.flatMap(boundaries)]);
  const externals: Endpoint[] = [...ips].flatMap((ip) => {
    const parsed =
      parseIp(ip) ??
      (() => {
        const c = parseCidr(ip);
        return "error" in c ? undefined : { family: c.family, address: c.address };
      })();
    return parsed ? [{ ip: parsed, label: ip }] : [];
  });

  const lossyRules = new Set((options.report?.rules ?? []).filter((r) => r.notExpressible.length > 0).map((r) => `${r.policy}/${r.rule}`));
  // A deny the compiler reports as not expressible narrows the allows (or the guard) of the pods
  // its local side selects, in its direction: only flows at such an end are explained by it.
  const lossyDenies = policies.flatMap((p) => p.deny.filter((r) => lossyRules.has(ruleName(r))).map((rule) => ({ rule, policy: p })));
  const narrowedAt = (end: Endpoint, dir: "ingress" | "egress") =>
    "pod" in end &&
    lossyDenies.some(
      ({ rule, policy }) =>
        rule.direction === dir && governs(policy, end.pod.namespace) && Object.entries(rule.local).every(([k, v]) => end.pod.labels[k] === v),
    );
  const result: VerifyNetworkResult = { overAdmitted: [], underAdmitted: [], inexpressible: [], laterIngress: [], checked: 0 };
  const check = (src: Endpoint, dst: Endpoint) => {
    const conns = engine.allowed(src, dst);
    for (const port of ports) {
      result.checked++;
      const admitted = conns.has(port.protocol, port.port);
      const decision = decide(src, dst, port);
      if (admitted === decision.allowed) continue;
      const rules = [...new Set([...decision.denies, ...decision.allows].map(ruleName))];
      const flow: FlowMismatch = { src: label(src), dst: label(dst), port: `${port.port}/${port.protocol}`, rules };
      if (admitted) {
        const intoLater = !("pod" in src) && "pod" in dst && later(dst.pod.namespace);
        (intoLater ? result.laterIngress : result.overAdmitted).push(flow);
        continue;
      }
      // Explained: an allow that admits the flow is reported as not expressible, or a reported deny narrows an end of it.
      const explained = rules.some((r) => lossyRules.has(r)) || narrowedAt(src, "egress") || narrowedAt(dst, "ingress");
      (explained ? result.inexpressible : result.underAdmitted).push(flow);
    }
  };
  const pods: Endpoint[] = workloads.pods.map((pod) => ({ pod }));
  for (const s of pods) for (const d of pods) if (s !== d) check(s, d);
  for (const e of externals) {
    for (const p of pods) {
      check(e, p);
      check(p, e);
    }
  }
  return result;
}
