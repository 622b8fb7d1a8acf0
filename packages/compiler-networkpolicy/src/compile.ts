import { createOpenApiValidator, diagnostic, normaliseTraffic, parseCidr, trafficIsolated, type Cidr, type Diagnostic, type OpenApiBundle, type RampartDocument, type TrafficDirection, type TrafficRuleIR } from "@rampart/core";
import { managedLabels, openApiDiagnostics, shortHash, sourceAnnotations, sourceRef } from "@rampart/core/compiler";
import crdSchema from "../data/crd-clusternetworkpolicy-v1alpha2.json" with { type: "json" };
import schemas from "../data/openapi-networking-v1.35.json" with { type: "json" };
import { atoms, components, conflicts, conjoin, implies, NAME_KEY, overlaps, MAX_PEERS, peersKey, subtractPeers, withNe, type CarvedPeer, type Component, type Conj, type PortSpec } from "./carve.js";
import { trafficHints } from "./hints.js";
import { cnpPeer, cnpProtocols, k8sName, labelValue, npPeer, npPorts, selector, type NetworkObject } from "./k8s-output.js";

/** Options of `compileNetwork`. */
export interface CompileNetworkOptions {
  /** `np` (default): NetworkPolicy only, pod denies carved out of allows with `NotIn` selectors; `cnp`: pod denies as an Admin-tier ClusterNetworkPolicy. */
  networkBackend?: "np" | "cnp";
  /** Deny egress to the cloud metadata endpoints (169.254.169.254/32, fd00:ec2::254/128) in every governed namespace. */
  blockMetadata?: boolean;
  /** Priority of the first emitted ClusterNetworkPolicy (default 100; one more per object, at most 1000). */
  cnpPriority?: number;
  /** The cluster's inventory: `spec.namespaces` globs expand against its namespaces (default: the Inventory documents'). */
  inventory?: { readonly namespaces: readonly string[] };
}

/** Per source rule: how it is enforced and what could not be expressed. */
export interface NetworkRuleReport {
  policy: string;
  /** `allow[0]`, `deny[1]`, or `blockMetadata`. */
  rule: string;
  backend: "network";
  /** Objects enforcing the rule, `Kind namespace/name`. */
  objects: string[];
  /** Where the output admits less than the rule says, and why. */
  notExpressible: string[];
}

/** The result of `compileNetwork`. */
export interface CompileNetworkResult {
  objects: NetworkObject[];
  diagnostics: Diagnostic[];
  report: { rules: NetworkRuleReport[]; counts: { objects: number; networkPolicies: number; clusterNetworkPolicies: number } };
}

export type { NetworkObject } from "./k8s-output.js";

const validateNp = createOpenApiValidator(schemas as OpenApiBundle);
const validateCnp = createOpenApiValidator(crdSchema as OpenApiBundle);
const MAX_PIECES = 16;
const DNS_NAMED_DENY = "named ports on a `dns: true` peer cannot be intersected with port 53: kube-dns is denied on port 53 of their protocols";
const DNS_NAMED_HINT = "write the DNS ports as numbers (`53/UDP`, `53/TCP`)";
const cidrOf = (text: string): Cidr => parseCidr(text) as Cidr;
const Dir = (d: TrafficDirection) => (d === "ingress" ? "Ingress" : "Egress");
const remoteKey = (d: TrafficDirection) => (d === "ingress" ? "from" : "to");
const ruleId = (r: TrafficRuleIR) => (r.index < 0 ? "blockMetadata" : `${r.effect}[${r.index}]`);
const describe = (r: TrafficRuleIR) => (r.index === -2 ? `the isolating guard of the denies in \`${r.policy}\`` : r.index < 0 ? `the metadata block of TrafficPolicy \`${r.policy}\`` : `${r.effect} rule ${r.index} of TrafficPolicy \`${r.policy}\``);
const emptyConj = (eq: Readonly<Record<string, string>> = {}): Conj => ({ eq: { ...eq }, ne: [] });

/**
 * Compiles TrafficPolicies into `networking.k8s.io/v1` NetworkPolicies (and, with
 * `networkBackend: "cnp"`, Admin-tier `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicies):
 * default deny per governed namespace, allows with denies subtracted exactly (`ipBlock.except`,
 * `NotIn` selectors, port ranges), isolating guards for denies in directions that are not
 * default-deny. Where NetworkPolicy cannot be exact it admits less, never more, and reports it.
 */
export function compileNetwork(documents: readonly RampartDocument[], options: CompileNetworkOptions = {}): CompileNetworkResult {
  const backend = options.networkBackend ?? "np";
  const policies = normaliseTraffic(documents, { blockMetadata: options.blockMetadata ?? false, ...(options.inventory ? { namespaces: options.inventory.namespaces } : {}) });
  const objects: NetworkObject[] = [];
  const diagnostics: Diagnostic[] = trafficHints(policies, backend);
  const reports = new Map<TrafficRuleIR, NetworkRuleReport>();
  for (const p of policies) for (const r of [...p.allow, ...p.deny]) reports.set(r, { policy: p.name, rule: ruleId(r), backend: "network", objects: [], notExpressible: [] });
  const said = new Set<string>();
  const lossy = (rule: TrafficRuleIR, why: string, hint: string) => {
    const report = reports.get(rule);
    if (report && !report.notExpressible.includes(why)) report.notExpressible.push(why);
    if (said.has(`${ruleId(rule)}|${rule.policy}|${why}`)) return;
    said.add(`${ruleId(rule)}|${rule.policy}|${why}`);
    diagnostics.push(diagnostic("network-not-expressible", "warning", `${describe(rule)}: ${why}`, rule.source, hint));
  };
  const enforced = (rule: TrafficRuleIR, object: string) => {
    const report = reports.get(rule);
    if (report && !report.objects.includes(object)) report.objects.push(object);
  };
  const meta = (name: string, ns: string | undefined, policy: string, source: string) => ({
    name,
    ...(ns === undefined ? {} : { namespace: ns }),
    labels: managedLabels(labelValue(policy)),
    annotations: sourceAnnotations(source),
  });
  const at = (r: { source: { file: string; line: number } }) => sourceRef(r.source);
  // In NetworkPolicy, a deny is carved out of allows: all of it with `np`, its CIDRs with `cnp`.
  const carvedParts = (deny: TrafficRuleIR, ns: string): Component[] => {
    const { parts, lossy: widened } = components(deny, ns, cidrOf);
    const out = parts.flatMap((c) => {
      const peers = backend === "cnp" ? c.peers.filter((p) => p.kind === "cidr") : c.peers;
      return peers.length ? [{ ...c, peers }] : [];
    });
    if (widened && out.some((c) => c.dns)) lossy(deny, DNS_NAMED_DENY, DNS_NAMED_HINT);
    return out;
  };

  // Default deny: one object per policy and governed namespace.
  for (const p of policies) {
    const types = (["egress", "ingress"] as const).filter((d) => p.defaultDeny[d]).map(Dir);
    if (types.length === 0) continue;
    for (const ns of p.namespaces) objects.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta(k8sName(`rampart-${p.name}-default-deny`), ns, p.name, at(p)), spec: { podSelector: {}, policyTypes: types } });
  }

  /** Emits the NetworkPolicies of one allow rule (or guard) in `ns`: one per local piece. */
  const emitAllow = (rule: TrafficRuleIR, ns: string, baseName: string, policyLabel: string, source: string, denies: readonly TrafficRuleIR[], guard = false) => {
    type Piece = { sel: Conj; denies: TrafficRuleIR[] };
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
          lossy(d, `its local pods \`${JSON.stringify(d.local)}\` overlap too many other selectors in namespace \`${ns}\`: it is applied to all pods of ${describe(rule)}`, "split the policy, or give the denies the same `pods` selector");
        } else {
          next.push({ sel: conjoin(p.sel, d.local), denies: [...p.denies, d] });
          for (const [k, v] of Object.entries(d.local)) if (p.sel.eq[k] !== v) next.push({ sel: withNe(p.sel, k, v), denies: p.denies });
        }
      }
      pieces = next;
    }
    const allowParts = components(rule, ns, cidrOf);
    if (allowParts.lossy) lossy(rule, "named ports on a `dns: true` peer cannot be intersected with port 53: the DNS peer is not allowed on them", DNS_NAMED_HINT);
    pieces.forEach((piece, k) => {
      const name = k8sName(pieces.length === 1 ? baseName : `${baseName}-${k}`);
      const denyParts = piece.denies.flatMap((d) => carvedParts(d, ns));
      const entries: Record<string, unknown>[] = [];
      const used = new Set<TrafficRuleIR>();
      for (const part of allowParts.parts) {
        const relevant = denyParts.filter((d) => d.peers.some((dp) => part.peers.some((ap) => overlaps(ap, dp))));
        const split = atoms(part.ports, relevant);
        if (split.lossy) for (const d of relevant) if (d.ports.named.length || part.ports.named.length) lossy(d.rule, `named and numeric ports cannot be subtracted exactly from \`${describe(rule)}\` in namespace \`${ns}\`: the deny is applied to every port of the protocol there`, "use the same kind of port (numbers or names) in the allow and the deny");
        const merged = new Map<string, { peers: CarvedPeer[]; ports: PortSpec }>();
        for (const atom of split.atoms) {
          for (const d of atom.denies) used.add(d.rule);
          const { peers, lossy: dropped } = subtractPeers(part.peers, atom.denies.flatMap((d) => d.peers));
          if (dropped) for (const r of rule.index === -2 ? atom.denies.map((d) => d.rule) : [rule]) lossy(r, `its denies in namespace \`${ns}\` would need more than ${MAX_PEERS} peers: the peers they overlap are not allowed there`, "narrow the allow, or give the denies fewer labels");
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
      // An allow with nothing left is dropped (the namespace is isolated already); a guard with
      // nothing left still isolates its pods, allowing nothing.
      if (entries.length === 0 && !guard) return;
      objects.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: meta(name, ns, policyLabel, source),
        spec: { podSelector: selector(piece.sel), policyTypes: [Dir(rule.direction)], [rule.direction]: entries },
      });
      const ref = `NetworkPolicy ${ns}/${name}`;
      if (rule.effect === "allow") enforced(rule, ref);
      for (const d of used) enforced(d, ref);
    });
  };

  const namespaces = [...new Set(policies.flatMap((p) => p.namespaces))].sort();
  const ineffective = new Map<TrafficRuleIR, string[]>();
  for (const ns of namespaces) {
    const governing = policies.filter((p) => p.namespaces.includes(ns));
    for (const dir of ["ingress", "egress"] as const) {
      const denies = governing.flatMap((p) => p.deny).filter((d) => d.direction === dir && carvedParts(d, ns).length > 0);
      const allows = governing.flatMap((p) => p.allow.filter((r) => r.direction === dir).map((r) => ({ r, p })));
      if (trafficIsolated(policies, ns, dir)) {
        for (const { r, p } of allows) emitAllow(r, ns, `rampart-${p.name}-allow-${r.index}`, p.name, at(r), denies);
        continue;
      }
      for (const { r } of allows) ineffective.set(r, [...(ineffective.get(r) ?? []), ns]);
      // Guards: pods a deny applies to are isolated and allowed everything but what the denies name.
      const locals = [...new Map(denies.map((d) => [JSON.stringify(Object.entries(d.local).sort()), d.local])).entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      for (const [key, local] of locals) {
        const guarding = denies.filter((d) => !conflicts(emptyConj(local), d.local));
        const names = [...new Set(guarding.map((d) => d.policy))].sort();
        const everything: TrafficRuleIR = { policy: names.join("."), effect: "allow", index: -2, direction: dir, local, remote: undefined, ports: undefined, source: guarding[0]!.source };
        emitAllow(everything, ns, `rampart-deny-guard-${dir}-${shortHash(key)}`, names.join("."), [...new Set(guarding.map(at))].join(", "), denies, true);
      }
    }
  }
  for (const [r, nss] of ineffective) {
    diagnostics.push(
      diagnostic(
        "allow-without-default-deny",
        "warning",
        `${describe(r)} has no effect in namespace${nss.length > 1 ? "s" : ""} ${nss.map((n) => `\`${n}\``).join(", ")}: ${r.direction} is not default-deny there`,
        r.source,
        `add \`${r.direction}\` to \`defaultDeny\` of a policy governing ${nss.length > 1 ? "them" : "it"}, or remove the rule`,
      ),
    );
  }

  // Pod and namespace denies: Admin-tier ClusterNetworkPolicy Deny rules (cnp), or carved out of the allows (np).
  let priority = Math.max(0, Math.min(1000, options.cnpPriority ?? 100));
  for (const p of policies) {
    for (const d of p.deny) {
      const podDeny = d.remote === undefined || d.remote.some((x) => x.kind !== "cidr");
      if (!podDeny) continue;
      if (backend === "np") {
        diagnostics.push(diagnostic("network-deny-carved", "info", `${describe(d)} names pods: NetworkPolicy has no deny rules, so it is enforced by narrowing the overlapping allows with \`NotIn\` selectors`, d.source, "compile with `--network-backend cnp` to enforce it as an Admin-tier ClusterNetworkPolicy Deny"));
        continue;
      }
      const perNamespace = d.remote?.some((x) => x.kind === "pods" && x.namespace.kind === "same") ?? false;
      for (const group of perNamespace ? p.namespaces.map((n) => [n]) : [p.namespaces]) {
        const all = components(d, group[0]!, cidrOf);
        if (all.lossy && all.parts.some((c) => c.dns)) lossy(d, DNS_NAMED_DENY, DNS_NAMED_HINT);
        const parts = all.parts.flatMap((c) => {
          const peers = c.peers.filter((x): x is Extract<CarvedPeer, { kind: "pods" }> => x.kind === "pods");
          return peers.length ? [{ ...c, peers }] : [];
        });
        if (parts.length === 0) continue;
        // Per-namespace names end in a hash of (policy, rule, namespace) starting with a letter: a
        // plain `-<namespace>` suffix could spell another policy's name (`a` rule 1 in `deny-0` vs
        // `a-deny-1` rule 0), and a duplicate name would silently replace one deny with another.
        const name = k8sName(`rampart-${p.name}-deny-${d.index}${perNamespace ? `-${group[0]}-n${shortHash(`${p.name}/${d.index}/${group[0]}`)}` : ""}`);
        const subject = { pods: { namespaceSelector: group.length === 1 ? { matchLabels: { [NAME_KEY]: group[0]! } } : { matchExpressions: [{ key: NAME_KEY, operator: "In", values: group }] }, podSelector: selector(emptyConj(d.local)) } };
        const rules = parts.map((c, m) => {
          const protocols = cnpProtocols(c.ports);
          return { name: k8sName(`${p.name}-deny-${d.index}${m ? "-dns" : ""}`), action: "Deny", [remoteKey(d.direction)]: c.peers.map(cnpPeer), ...(protocols ? { protocols } : {}) };
        });
        objects.push({
          apiVersion: "policy.networking.k8s.io/v1alpha2",
          kind: "ClusterNetworkPolicy",
          metadata: meta(name, undefined, p.name, at(d)),
          spec: { tier: "Admin", priority, subject, [d.direction]: rules },
        });
        priority = Math.min(1000, priority + 1);
        enforced(d, `ClusterNetworkPolicy ${name}`);
      }
    }
  }

  objects.sort((a, b) => (a.kind !== b.kind ? (a.kind === "NetworkPolicy" ? -1 : 1) : (a.metadata.namespace ?? "") !== (b.metadata.namespace ?? "") ? ((a.metadata.namespace ?? "") < (b.metadata.namespace ?? "") ? -1 : 1) : a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  // Two objects with one name would replace each other when applied: never emit that silently.
  for (let i = 1; i < objects.length; i++) {
    const [a, b] = [objects[i - 1]!, objects[i]!];
    if (a.kind === b.kind && a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name) {
      diagnostics.push(diagnostic("duplicate-object", "error", `two generated ${a.kind} objects are named \`${a.metadata.name}\`${a.metadata.namespace ? ` in namespace \`${a.metadata.namespace}\`` : ""} (from ${a.metadata.annotations["rampart.dev/source"]} and ${b.metadata.annotations["rampart.dev/source"]})`, { file: "<generated>", line: 0, column: 0 }, "this is a bug in rampart: please report it with the input policies; renaming one of the policies avoids it"));
    }
  }
  diagnostics.push(...openApiDiagnostics(objects, (o) => (o.kind === "NetworkPolicy" ? validateNp(o) : validateCnp(o)), "Kubernetes 1.35 (NetworkPolicy) or ClusterNetworkPolicy v1alpha2"));
  const rules = [...reports.values()];
  const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
  return { objects, diagnostics, report: { rules, counts: { objects: objects.length, networkPolicies: count("NetworkPolicy"), clusterNetworkPolicies: count("ClusterNetworkPolicy") } } };
}
