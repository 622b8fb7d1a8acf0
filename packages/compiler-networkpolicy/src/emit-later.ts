// Namespaces created after the build, for TrafficPolicies governed by `namespaceLabels` alone
// (`--network-backend cnp`). The namespaces the build knows get NetworkPolicies like any governed
// namespace; the others are reached by ClusterNetworkPolicies whose subject selects namespaces by the
// policy's labels, minus the known ones. Order keeps TrafficPolicy semantics:
//   Admin tier:    denies (final, before everything), pod peers first, then CIDR peers behind a Pass
//                  of pod traffic (`networks` also matches pod IPs; CIDR peers are external addresses);
//   Baseline tier: (reached only by pods no NetworkPolicy isolates) allows to pods of every policy,
//                  then each default-deny of pod traffic, then allows to CIDRs, then default-deny of
//                  external egress. A pod whose namespace is isolated by some policy is admitted by any
//                  governing policy's allow, as in a namespace the build knew.
import { diagnostic, type TrafficDirection, type TrafficPolicyIR, type TrafficRuleIR } from "@rampart/core";
import { components, NAME_KEY, type CarvedPeer, type Conj, type PortSpec } from "./carve.js";
import { cnpPeer, cnpProtocols, k8sName, selector } from "./k8s-output.js";
import { at, cidrOf, DNS_NAMED_DENY, DNS_NAMED_HINT, emptyConj, enforced, lossy, networkMetadata, remoteKey, type NetworkBuild } from "./network-build.js";

/** The CRD allows at most 25 peers per rule. */
const MAX_RULE_PEERS = 25;
/** Stands for "the rule's own namespace" while peers are resolved; same-namespace peers are recognised by `nsSame`. */
const OWN = "rampart-own-namespace";
const ALL_PODS = { namespaces: {} };
const ALL_NETWORKS = { networks: ["0.0.0.0/0", "::/0"] };

type PodPeer = Extract<CarvedPeer, { kind: "pods" }>;
type Cnp = {
  name: string;
  tier: "Admin" | "Baseline";
  subject: Record<string, unknown>;
  rules: Partial<Record<TrafficDirection, Record<string, unknown>[]>>;
  policy: TrafficPolicyIR;
  source: string;
  enforces?: TrafficRuleIR;
};

const isLater = (p: TrafficPolicyIR) => p.namespaceLabels?.later === true;
const ruleKey = (r: TrafficRuleIR) => (r.index < 0 ? "block-metadata" : `${r.effect}-${r.index}`);
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / MAX_RULE_PEERS) }, (_, i) => items.slice(i * MAX_RULE_PEERS, (i + 1) * MAX_RULE_PEERS));

/** Namespaces carrying the policy's labels that the build did not know. */
function laterNamespaces(p: TrafficPolicyIR): Record<string, unknown> {
  const sel = p.namespaceLabels!;
  const out = selector(emptyConj(sel.labels));
  return sel.matched.length ? { ...out, matchExpressions: [{ key: NAME_KEY, operator: "NotIn", values: [...sel.matched] }] } : out;
}

const podSubject = (p: TrafficPolicyIR, r: TrafficRuleIR) => ({ pods: { namespaceSelector: laterNamespaces(p), podSelector: selector(emptyConj(r.local)) } });

/** A rule's peers for later namespaces: pod peers (same-namespace ones widened or dropped, reported) and CIDRs (egress only). */
function laterPeers(build: NetworkBuild, p: TrafficPolicyIR, rule: TrafficRuleIR) {
  const { parts, lossy: dnsNamed } = components(rule, OWN, cidrOf);
  if (dnsNamed)
    lossy(
      build,
      rule,
      rule.effect === "deny" ? DNS_NAMED_DENY : "named ports on a `dns: true` peer cannot be intersected with port 53: the DNS peer is not allowed on them",
      DNS_NAMED_HINT,
    );
  const sameNs = parts.some((c) => c.peers.some((x) => x.kind === "pods" && x.nsSame));
  if (sameNs && rule.effect === "deny") {
    lossy(
      build,
      rule,
      "in namespaces created after the build, a ClusterNetworkPolicy cannot select pods of the rule's own namespace: the deny applies to those pods in every namespace the policy governs by label",
      "name the peer's namespace, or rebuild after creating namespaces",
    );
  } else if (sameNs) {
    lossy(
      build,
      rule,
      "in namespaces created after the build, a ClusterNetworkPolicy cannot select pods of the rule's own namespace: same-namespace peers are not allowed there until the next build",
      "rebuild after creating namespaces (`--inventory live`, or `rampart inventory pull`)",
    );
  }
  const governed: Conj = emptyConj(p.namespaceLabels!.labels);
  return parts.map((c) => {
    const pods = c.peers.flatMap((x): PodPeer[] =>
      x.kind !== "pods" ? [] : !x.nsSame ? [x] : rule.effect === "deny" ? [{ ...x, ns: governed, nsSame: false }] : [],
    );
    // CNP ingress peers cannot name addresses: ingress from outside the cluster is left to `network-later-ingress`.
    const cidrs = rule.direction === "egress" ? c.peers.flatMap((x) => (x.kind === "cidr" ? [x.cidr.text] : [])) : [];
    return { pods, cidrs, ports: portsFor(build, rule, c.ports), dns: c.dns };
  });
}

/** Ports of an Accept: a CNP named port matches every protocol, so named ports are dropped (reported). */
function portsFor(build: NetworkBuild, rule: TrafficRuleIR, ports: PortSpec): PortSpec | undefined {
  if (rule.effect === "deny" || ports.named.length === 0) return ports;
  lossy(
    build,
    rule,
    "in namespaces created after the build, named ports are not allowed: a ClusterNetworkPolicy named port matches every protocol",
    "write the ports as numbers",
  );
  return ports.conns.isEmpty() ? undefined : { conns: ports.conns, named: [], written: undefined };
}

function cnpRule(name: string, action: string, dir: TrafficDirection, peers: Record<string, unknown>[], ports: PortSpec | undefined): Record<string, unknown> {
  const protocols = ports ? cnpProtocols(ports) : undefined;
  return { name: k8sName(name), action, [remoteKey(dir)]: peers, ...(protocols ? { protocols } : {}) };
}

/** The Admin-tier denies of one policy: pod peers, and CIDR peers behind a Pass of pod traffic. */
function laterDenies(build: NetworkBuild, p: TrafficPolicyIR): { pods: Cnp[]; networks: Cnp[] } {
  const out = { pods: [] as Cnp[], networks: [] as Cnp[] };
  for (const d of p.deny) {
    const key = ruleKey(d);
    const parts = laterPeers(build, p, d);
    const podRules = parts.flatMap((c) =>
      chunks(c.pods).map((peers) => cnpRule(`${p.name}-${key}${c.dns ? "-dns" : ""}`, "Deny", d.direction, peers.map(cnpPeer), c.ports)),
    );
    const netRules = parts.flatMap((c) => chunks(c.cidrs).map((nets) => cnpRule(`${p.name}-${key}`, "Deny", d.direction, [{ networks: nets }], c.ports)));
    const base = { tier: "Admin" as const, subject: podSubject(p, d), policy: p, source: at(d), enforces: d };
    if (podRules.length) out.pods.push({ ...base, name: `rampart-${p.name}-${key}-later`, rules: { [d.direction]: podRules } });
    if (netRules.length)
      out.networks.push({
        ...base,
        name: `rampart-${p.name}-${key}-networks-later`,
        rules: { egress: [cnpRule(`${p.name}-${key}-pods-pass`, "Pass", "egress", [ALL_PODS], undefined), ...netRules] },
      });
  }
  return out;
}

/** The Baseline-tier allows of one policy in the directions some label policy isolates: to pods, and to CIDRs. */
function laterAllows(build: NetworkBuild, p: TrafficPolicyIR, isolated: ReadonlySet<TrafficDirection>): { pods: Cnp[]; networks: Cnp[] } {
  const out = { pods: [] as Cnp[], networks: [] as Cnp[] };
  for (const a of p.allow) {
    if (!isolated.has(a.direction)) continue;
    const key = ruleKey(a);
    const parts = laterPeers(build, p, a).filter((c) => c.ports !== undefined);
    const podRules = parts.flatMap((c) =>
      chunks(c.pods).map((peers) => cnpRule(`${p.name}-${key}${c.dns ? "-dns" : ""}`, "Accept", a.direction, peers.map(cnpPeer), c.ports)),
    );
    const netRules = parts.flatMap((c) => chunks(c.cidrs).map((nets) => cnpRule(`${p.name}-${key}`, "Accept", a.direction, [{ networks: nets }], c.ports)));
    const base = { tier: "Baseline" as const, subject: podSubject(p, a), policy: p, source: at(a), enforces: a };
    if (podRules.length) out.pods.push({ ...base, name: `rampart-${p.name}-${key}-later`, rules: { [a.direction]: podRules } });
    if (netRules.length) out.networks.push({ ...base, name: `rampart-${p.name}-${key}-networks-later`, rules: { egress: netRules } });
  }
  return out;
}

/** The Baseline-tier default deny of one policy: of pod traffic, and of external egress. */
function laterDefaultDeny(p: TrafficPolicyIR): { pods: Cnp[]; networks: Cnp[] } {
  const dirs = (["ingress", "egress"] as const).filter((d) => p.defaultDeny[d]);
  if (dirs.length === 0) return { pods: [], networks: [] };
  const base = { tier: "Baseline" as const, subject: { namespaces: laterNamespaces(p) }, policy: p, source: at(p) };
  const pods: Cnp = {
    ...base,
    name: `rampart-${p.name}-default-deny-later`,
    rules: Object.fromEntries(dirs.map((d) => [d, [cnpRule(`${p.name}-default-deny`, "Deny", d, [ALL_PODS], undefined)]])),
  };
  const networks: Cnp[] = p.defaultDeny.egress
    ? [
        {
          ...base,
          name: `rampart-${p.name}-default-deny-networks-later`,
          rules: { egress: [cnpRule(`${p.name}-default-deny`, "Deny", "egress", [ALL_NETWORKS], undefined)] },
        },
      ]
    : [];
  return { pods: [pods], networks };
}

/** Warns where ClusterNetworkPolicy leaves later namespaces open: ingress from outside the cluster. */
function ingressGap(build: NetworkBuild, p: TrafficPolicyIR): void {
  const restricts =
    p.defaultDeny.ingress || p.deny.some((d) => d.direction === "ingress" && (d.remote === undefined || d.remote.some((x) => x.kind === "cidr")));
  if (!restricts) return;
  build.diagnostics.push(
    diagnostic(
      "network-later-ingress",
      "warning",
      `TrafficPolicy \`${p.name}\` restricts ingress from outside the cluster, which a ClusterNetworkPolicy cannot select (its ingress peers are pods and namespaces): in namespaces created after this build, such ingress is admitted until the next build emits their NetworkPolicies`,
      p.namespaceLabels!.source,
      "rebuild after creating namespaces (`--inventory live`, or `rampart inventory pull`); pod-to-pod traffic and egress are enforced there already",
    ),
  );
}

/**
 * Emits the ClusterNetworkPolicies that govern namespaces created after the build for every
 * label-only TrafficPolicy, from priority `first` on (one more per object, at most 1000).
 */
export function emitLaterNamespaces(build: NetworkBuild, policies: readonly TrafficPolicyIR[], first: number): void {
  const later = policies.filter(isLater);
  if (later.length === 0) return;
  const isolated = new Set((["ingress", "egress"] as const).filter((d) => later.some((p) => p.defaultDeny[d])));
  const denies = later.map((p) => laterDenies(build, p));
  const allows = later.map((p) => laterAllows(build, p, isolated));
  const defaults = later.map(laterDefaultDeny);
  const ordered = [
    ...denies.flatMap((x) => x.pods),
    ...denies.flatMap((x) => x.networks),
    ...allows.flatMap((x) => x.pods),
    ...defaults.flatMap((x) => x.pods),
    ...allows.flatMap((x) => x.networks),
    ...defaults.flatMap((x) => x.networks),
  ];
  let priority = first;
  for (const c of ordered) {
    const name = k8sName(c.name);
    build.objects.push({
      apiVersion: "policy.networking.k8s.io/v1alpha2",
      kind: "ClusterNetworkPolicy",
      metadata: networkMetadata(name, undefined, c.policy.name, c.source),
      spec: { tier: c.tier, priority, subject: c.subject, ...c.rules },
    });
    priority = Math.min(1000, priority + 1);
    if (c.enforces) enforced(build, c.enforces, `ClusterNetworkPolicy ${name}`);
  }
  for (const p of later) ingressGap(build, p);
}
