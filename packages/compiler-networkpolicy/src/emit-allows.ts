// NetworkPolicies for allow rules, with denies subtracted, and the isolating guards of denies.
import { diagnostic, trafficIsolated, type TrafficPolicyIR, type TrafficRuleIR } from "@rampart/core";
import { shortHash } from "@rampart/core/compiler";
import {
  atoms,
  components,
  conflicts,
  conjoin,
  implies,
  MAX_PEERS,
  overlaps,
  peersKey,
  subtractPeers,
  withNe,
  type CarvedPeer,
  type Conj,
  type PortSpec,
} from "./carve.js";
import { k8sName, npPeer, npPorts, selector } from "./k8s-output.js";
import {
  at,
  carvedParts,
  cidrOf,
  describe,
  Dir,
  DNS_NAMED_HINT,
  emptyConj,
  enforced,
  lossy,
  networkMetadata,
  remoteKey,
  type NetworkBuild,
} from "./network-build.js";

const MAX_PIECES = 16;

/** A part of an allow's local pods with the denies that apply to all of it. */
type Piece = { sel: Conj; denies: TrafficRuleIR[] };

/** Splits an allow's local pods by the denies' local selectors (at most MAX_PIECES pieces; beyond, a deny widens). */
function splitByDenies(build: NetworkBuild, rule: TrafficRuleIR, ns: string, denies: readonly TrafficRuleIR[]): Piece[] {
  let pieces: Piece[] = [{ sel: emptyConj(rule.local), denies: [] }];
  for (const d of denies) {
    if (conflicts(pieces[0]!.sel, d.local) && pieces.length === 1) continue;
    const next: Piece[] = [];
    const splits = pieces.filter((p) => !conflicts(p.sel, d.local) && !implies(p.sel, d.local)).length;
    const overflow = pieces.length + splits * Object.keys(d.local).length > MAX_PIECES;
    for (const p of pieces) {
      if (conflicts(p.sel, d.local)) next.push(p);
      else if (implies(p.sel, d.local)) next.push({ sel: p.sel, denies: [...p.denies, d] });
      else if (overflow) {
        next.push({ sel: p.sel, denies: [...p.denies, d] });
        lossy(
          build,
          d,
          `its local pods \`${JSON.stringify(d.local)}\` overlap too many other selectors in namespace \`${ns}\`: it is applied to all pods of ${describe(rule)}`,
          "split the policy, or give the denies the same `pods` selector",
        );
      } else {
        next.push({ sel: conjoin(p.sel, d.local), denies: [...p.denies, d] });
        for (const [k, v] of Object.entries(d.local)) if (p.sel.eq[k] !== v) next.push({ sel: withNe(p.sel, k, v), denies: p.denies });
      }
    }
    pieces = next;
  }
  return pieces;
}

/** The rule entries of one piece: the allow's peers and ports minus its denies; `used` collects the denies that cut. */
function pieceEntries(
  build: NetworkBuild,
  rule: TrafficRuleIR,
  ns: string,
  piece: Piece,
  allowParts: ReturnType<typeof components>,
  used: Set<TrafficRuleIR>,
): Record<string, unknown>[] {
  const denyParts = piece.denies.flatMap((d) => carvedParts(build, d, ns));
  const entries: Record<string, unknown>[] = [];
  for (const part of allowParts.parts) {
    const relevant = denyParts.filter((d) => d.peers.some((dp) => part.peers.some((ap) => overlaps(ap, dp))));
    const split = atoms(part.ports, relevant);
    if (split.lossy)
      for (const d of relevant)
        if (d.ports.named.length || part.ports.named.length)
          lossy(
            build,
            d.rule,
            `named and numeric ports cannot be subtracted exactly from \`${describe(rule)}\` in namespace \`${ns}\`: the deny is applied to every port of the protocol there`,
            "use the same kind of port (numbers or names) in the allow and the deny",
          );
    const merged = new Map<string, { peers: CarvedPeer[]; ports: PortSpec }>();
    for (const atom of split.atoms) {
      for (const d of atom.denies) used.add(d.rule);
      const { peers, lossy: dropped } = subtractPeers(
        part.peers,
        atom.denies.flatMap((d) => d.peers),
      );
      if (dropped)
        for (const r of rule.index === -2 ? atom.denies.map((d) => d.rule) : [rule])
          lossy(
            build,
            r,
            `its denies in namespace \`${ns}\` would need more than ${MAX_PEERS} peers: the peers they overlap are not allowed there`,
            "narrow the allow, or give the denies fewer labels",
          );
      if (peers.length === 0) continue;
      const key = peersKey(peers);
      const prev = merged.get(key);
      if (!prev) merged.set(key, { peers, ports: atom.ports });
      else {
        const conns = prev.ports.conns.union(atom.ports.conns);
        const named = [...prev.ports.named, ...atom.ports.named];
        const whole = conns.equals(part.ports.conns) && named.length === part.ports.named.length;
        merged.set(key, { peers, ports: { conns, named, written: whole ? part.ports.written : undefined } });
      }
    }
    for (const { peers, ports } of merged.values()) {
      const out = npPorts(ports, part.dns);
      entries.push({ [remoteKey(rule.direction)]: peers.map(npPeer), ...(out ? { ports: out } : {}) });
    }
  }
  return entries;
}

/** Emits the NetworkPolicies of one allow rule (or guard) in `ns`: one per local piece. */
function emitAllow(
  build: NetworkBuild,
  rule: TrafficRuleIR,
  ns: string,
  baseName: string,
  policyLabel: string,
  source: string,
  denies: readonly TrafficRuleIR[],
  guard = false,
): void {
  const pieces = splitByDenies(build, rule, ns, denies);
  const allowParts = components(rule, ns, cidrOf);
  if (allowParts.lossy)
    lossy(build, rule, "named ports on a `dns: true` peer cannot be intersected with port 53: the DNS peer is not allowed on them", DNS_NAMED_HINT);
  pieces.forEach((piece, k) => {
    const name = k8sName(pieces.length === 1 ? baseName : `${baseName}-${k}`);
    const used = new Set<TrafficRuleIR>();
    const entries = pieceEntries(build, rule, ns, piece, allowParts, used);
    // An allow with nothing left is dropped (the namespace is isolated already); a guard with
    // nothing left still isolates its pods, allowing nothing.
    if (entries.length === 0 && !guard) return;
    build.objects.push({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: networkMetadata(name, ns, policyLabel, source),
      spec: { podSelector: selector(piece.sel), policyTypes: [Dir(rule.direction)], [rule.direction]: entries },
    });
    const ref = `NetworkPolicy ${ns}/${name}`;
    if (rule.effect === "allow") enforced(build, rule, ref);
    for (const d of used) enforced(build, d, ref);
  });
}

/** Guards: pods a deny applies to are isolated and allowed everything but what the denies name. */
function emitGuards(build: NetworkBuild, ns: string, dir: "ingress" | "egress", denies: readonly TrafficRuleIR[]): void {
  const locals = [...new Map(denies.map((d) => [JSON.stringify(Object.entries(d.local).sort()), d.local])).entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [key, local] of locals) {
    const guarding = denies.filter((d) => !conflicts(emptyConj(local), d.local));
    const names = [...new Set(guarding.map((d) => d.policy))].sort();
    const everything: TrafficRuleIR = {
      policy: names.join("."),
      effect: "allow",
      index: -2,
      direction: dir,
      local,
      remote: undefined,
      ports: undefined,
      source: guarding[0]!.source,
    };
    emitAllow(build, everything, ns, `rampart-deny-guard-${dir}-${shortHash(key)}`, names.join("."), [...new Set(guarding.map(at))].join(", "), denies, true);
  }
}

/**
 * Per governed namespace and direction: the allows with denies carved out where the direction is
 * isolated, else guards for the denies and a warning for each allow, which has no effect there.
 */
export function emitNamespaceAllows(build: NetworkBuild, policies: readonly TrafficPolicyIR[]): void {
  const namespaces = [...new Set(policies.flatMap((p) => p.namespaces))].sort();
  const ineffective = new Map<TrafficRuleIR, string[]>();
  for (const ns of namespaces) {
    const governing = policies.filter((p) => p.namespaces.includes(ns));
    for (const dir of ["ingress", "egress"] as const) {
      const denies = governing.flatMap((p) => p.deny).filter((d) => d.direction === dir && carvedParts(build, d, ns).length > 0);
      const allows = governing.flatMap((p) => p.allow.filter((r) => r.direction === dir).map((r) => ({ r, p })));
      if (trafficIsolated(policies, ns, dir)) {
        for (const { r, p } of allows) emitAllow(build, r, ns, `rampart-${p.name}-allow-${r.index}`, p.name, at(r), denies);
        continue;
      }
      for (const { r } of allows) ineffective.set(r, [...(ineffective.get(r) ?? []), ns]);
      emitGuards(build, ns, dir, denies);
    }
  }
  for (const [r, nss] of ineffective) {
    build.diagnostics.push(
      diagnostic(
        "allow-without-default-deny",
        "warning",
        `${describe(r)} has no effect in namespace${nss.length > 1 ? "s" : ""} ${nss.map((n) => `\`${n}\``).join(", ")}: ${r.direction} is not default-deny there`,
        r.source,
        `add \`${r.direction}\` to \`defaultDeny\` of a policy governing ${nss.length > 1 ? "them" : "it"}, or remove the rule`,
      ),
    );
  }
}
