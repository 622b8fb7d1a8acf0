// Reads a netpol-analyzer test directory into the connectivity engine's input and renders the
// engine's flows in the analyzer's connlist text format.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { cidrContainsIp, formatIp, type Cidr } from "@rampart/core";
import {
  ConnectivityEngine,
  ConnSet,
  parsePolicies,
  workloadsFromManifests,
  type Endpoint,
  type Flow,
  type Pod,
  type Protocol,
} from "@rampart/compiler-networkpolicy";

type Obj = Record<string, any>;

function objectsOf(dir: string): Obj[] {
  const out: Obj[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const f = entry.name;
    if (entry.isDirectory()) {
      out.push(...objectsOf(join(dir, f)));
      continue;
    }
    if (!/\.(ya?ml|json)$/.test(f)) continue;
    for (const d of parseAllDocuments(readFileSync(join(dir, f), "utf8"))) {
      let v: Obj | null;
      try {
        v = d.toJS() as Obj | null;
      } catch {
        continue;
      }
      if (!v || typeof v !== "object") continue;
      if (Array.isArray(v.items)) {
        const itemKind = typeof v.kind === "string" && v.kind.endsWith("List") && v.kind !== "List" ? v.kind.slice(0, -4) : undefined;
        for (const i of v.items as Obj[]) out.push(i.kind ? i : { ...i, kind: itemKind });
      } else out.push(v);
    }
  }
  return out;
}

/** The corpus directory as connectivity input (pods are one representative per workload). */
export function readCorpus(dir: string) {
  const objects = objectsOf(dir);
  const { namespaces, pods } = workloadsFromManifests(objects);
  const policies = parsePolicies(objects);
  // External ranges: the IPv4 space split at every CIDR boundary of the ingress (sources) or
  // egress (destinations) rules, as netpol-analyzer does.
  const segments = (dir: "ingress" | "egress") => {
    const cuts = new Set<bigint>([0n, 1n << 32n]);
    // Each peer block: a CIDR minus its excepts; segments in the same blocks merge.
    const blocks: { cidr: Cidr; except: Cidr[] }[] = [];
    for (const p of policies) {
      if (p.kind === "NetworkPolicy") for (const r of p[dir]) for (const x of r.peers ?? []) if (x.ipBlock) blocks.push(x.ipBlock);
      if (p.kind !== "NetworkPolicy")
        for (const r of p[dir]) for (const x of r.peers) if ("networks" in x) for (const c of x.networks) blocks.push({ cidr: c, except: [] });
    }
    for (const b of blocks) {
      for (const c of [b.cidr, ...b.except]) {
        if (c.family !== 4) continue;
        cuts.add(c.address);
        cuts.add(c.address + (1n << BigInt(32 - c.prefix)));
      }
    }
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : 1));
    const sig = (ip: bigint) =>
      blocks
        .map((b) => (cidrContainsIp(b.cidr, { family: 4, address: ip }) && !b.except.some((e) => cidrContainsIp(e, { family: 4, address: ip })) ? "1" : "0"))
        .join("");
    const merged: { start: bigint; end: bigint; sig: string }[] = [];
    sorted.slice(0, -1).forEach((start, i) => {
      const end = sorted[i + 1]! - 1n;
      const last = merged[merged.length - 1];
      const s = sig(start);
      if (last && last.sig === s) last.end = end;
      else merged.push({ start, end, sig: s });
    });
    return merged.map((m) => ({ ip: { family: 4 as const, address: m.start }, label: `${formatIp(4, m.start)}-${formatIp(4, m.end)}[External]` }));
  };
  return { input: { namespaces, pods, policies }, sources: segments("ingress"), destinations: segments("egress"), exposed: exposedByIngress(objects, pods) };
}

/**
 * netpol-analyzer's ingress analysis: an OpenShift Route or a Kubernetes Ingress exposes the pods
 * of its Service on the Service's target port; the `{ingress-controller}` peer reaches them on that
 * port when their ingress policies admit a pod of an unlabelled namespace of its own.
 */
function exposedByIngress(objects: Obj[], pods: Pod[]): { pod: Pod; conns: ConnSet }[] {
  const out: { pod: Pod; conns: ConnSet }[] = [];
  const services = objects.filter((o) => o.kind === "Service");
  const expose = (ns: string, serviceName: string, port: string | number | undefined) => {
    const svc = services.find((s) => s.metadata?.name === serviceName && (s.metadata?.namespace ?? "default") === ns);
    if (!svc?.spec?.selector) return;
    const selector = svc.spec.selector as Record<string, string>;
    const svcPorts = ((svc.spec.ports ?? []) as Obj[]).filter((p) => port === undefined || p.name === port || p.port === port || p.targetPort === port);
    for (const pod of pods) {
      if (pod.namespace !== ns || !Object.entries(selector).every(([k, v]) => pod.labels[k] === v)) continue;
      let conns = ConnSet.NONE;
      for (const sp of svcPorts) {
        const protocol = (sp.protocol ?? "TCP") as Protocol;
        const target = sp.targetPort ?? sp.port;
        const number = typeof target === "number" ? target : pod.ports.find((cp) => cp.name === target && cp.protocol === protocol)?.port;
        if (number !== undefined) conns = conns.union(ConnSet.range(protocol, number));
      }
      if (!conns.isEmpty()) out.push({ pod, conns });
    }
  };
  for (const o of objects) {
    const ns = String(o.metadata?.namespace ?? "default");
    if (o.kind === "Route" && o.spec?.to?.kind === "Service") expose(ns, o.spec.to.name, o.spec.port?.targetPort);
    if (o.kind === "Ingress") {
      const backends = [
        o.spec?.defaultBackend,
        ...((o.spec?.rules ?? []) as Obj[]).flatMap((r) => ((r.http?.paths ?? []) as Obj[]).map((p) => p.backend)),
      ].filter(Boolean) as Obj[];
      for (const b of backends) if (b.service) expose(ns, b.service.name, b.service.port?.number ?? b.service.port?.name);
    }
  }
  return out;
}

const INGRESS_CONTROLLER: Pod = { namespace: "{ingress-controller}", name: "ingress-controller", labels: {}, ports: [], display: "{ingress-controller}" };

/** All flows in the analyzer's sense: pod↔pod, external sources → pods, pods → external destinations. */
export function corpusFlows(c: ReturnType<typeof readCorpus>): Flow[] {
  const engine = new ConnectivityEngine(c.input);
  const flows = engine.flows();
  for (const { pod, conns } of c.exposed) {
    const allowed = engine.allowed({ pod: INGRESS_CONTROLLER }, { pod }).intersect(conns);
    if (!allowed.isEmpty()) flows.push({ src: { pod: INGRESS_CONTROLLER }, dst: { pod }, conns: allowed, decidedBy: [] });
  }
  for (const pod of c.input.pods) {
    for (const e of c.sources) {
      const conns = engine.allowed(e, { pod });
      if (!conns.isEmpty()) flows.push({ src: e, dst: { pod }, conns, decidedBy: [] });
    }
    for (const e of c.destinations) {
      const conns = engine.allowed({ pod }, e);
      if (!conns.isEmpty()) flows.push({ src: { pod }, dst: e, conns, decidedBy: [] });
    }
  }
  return flows;
}

const name = (e: Endpoint) => ("pod" in e ? (e.pod.display ?? `${e.pod.namespace}/${e.pod.name}`) : e.label);

/** Renders flows as connlist lines, sorted (external ranges as split at the policies' CIDR boundaries). */
export function connlist(flows: readonly Flow[]): string[] {
  return [...new Set(flows.map((f) => `${name(f.src)} => ${name(f.dst)} : ${f.conns}`))].sort();
}
