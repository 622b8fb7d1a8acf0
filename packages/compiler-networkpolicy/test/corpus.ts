// Reads a netpol-analyzer test directory into the connectivity engine's input and renders the
// engine's flows in the analyzer's connlist text format.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { cidrContainsIp, formatIp, type Cidr } from "@rampart/core";
import { ConnectivityEngine, parsePolicies, workloadsFromManifests, type Endpoint, type Flow } from "@rampart/compiler-networkpolicy";

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
      if (p.kind !== "NetworkPolicy") for (const r of p[dir]) for (const x of r.peers) if ("networks" in x) for (const c of x.networks) blocks.push({ cidr: c, except: [] });
    }
    for (const b of blocks) {
      for (const c of [b.cidr, ...b.except]) {
        if (c.family !== 4) continue;
        cuts.add(c.address);
        cuts.add(c.address + (1n << BigInt(32 - c.prefix)));
      }
    }
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : 1));
    const sig = (ip: bigint) => blocks.map((b) => (cidrContainsIp(b.cidr, { family: 4, address: ip }) && !b.except.some((e) => cidrContainsIp(e, { family: 4, address: ip })) ? "1" : "0")).join("");
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
  return { input: { namespaces, pods, policies }, sources: segments("ingress"), destinations: segments("egress") };
}

/** All flows in the analyzer's sense: pod↔pod, external sources → pods, pods → external destinations. */
export function corpusFlows(c: ReturnType<typeof readCorpus>): Flow[] {
  const engine = new ConnectivityEngine(c.input);
  const flows = engine.flows();
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

const name = (e: Endpoint) => ("pod" in e ? e.pod.display ?? `${e.pod.namespace}/${e.pod.name}` : e.label);

/** Renders flows as connlist lines, sorted (external ranges as split at the policies' CIDR boundaries). */
export function connlist(flows: readonly Flow[]): string[] {
  return [...new Set(flows.map((f) => `${name(f.src)} => ${name(f.dst)} : ${f.conns}`))].sort();
}
