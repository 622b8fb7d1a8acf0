import { createHash } from "node:crypto";
import { cidrContains, createOpenApiValidator, diagnostic, documentsOfKind, parseCidr, positionOf, type Cidr, type Diagnostic, type OpenApiBundle, type Peer, type RampartDocument, type TrafficPolicy, type TrafficRule } from "@rampart/core";
import crdSchema from "../data/crd-clusternetworkpolicy-v1alpha2.json" with { type: "json" };
import schemas from "../data/openapi-networking-v1.35.json" with { type: "json" };
import { localOf, parsePort, remoteOf } from "./traffic-semantics.js";

/** Options of `compileNetwork`. */
export interface CompileNetworkOptions {
  /** `np`: NetworkPolicy only (pod/namespace denies cut allows, reported); `cnp`: plus an Admin-tier ClusterNetworkPolicy for them. */
  networkBackend?: "np" | "cnp";
}

/** A generated object. */
export type NetworkObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations: Record<string, string> }; spec: Record<string, unknown> };

/** Per source rule: how it is enforced. */
export interface NetworkRuleReport {
  policy: string;
  rule: string;
  backend: "network";
  objects: string[];
  notExpressible: string[];
}

const validate = createOpenApiValidator(schemas as OpenApiBundle);
const validateCnp = createOpenApiValidator(crdSchema as OpenApiBundle);
const NAME_KEY = "kubernetes.io/metadata.name";
/** The cloud metadata endpoints: `deny: [{direction: egress, to: [{cidr: 169.254.169.254/32}]}]` blocks the first. */
export const METADATA_CIDRS = ["169.254.169.254/32", "fd00:ec2::254/128"] as const;

const k8sName = (text: string) => {
  const clean = text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return clean.length <= 63 ? clean : `${clean.slice(0, 52)}-${createHash("sha256").update(clean).digest("hex").slice(0, 10)}`;
};

function k8sPorts(rule: TrafficRule): Record<string, unknown>[] | undefined {
  if (!rule.ports) return undefined;
  return rule.ports.map((entry) => {
    const p = parsePort(entry);
    if ("name" in p) return { protocol: p.protocol, port: p.name };
    return p.to > p.from ? { protocol: p.protocol, port: p.from, endPort: p.to } : { protocol: p.protocol, port: p.from };
  });
}

const cidrOf = (text: string): Cidr => parseCidr(text) as Cidr;
/** The remote peers a deny names; `dns` stands for the kube-dns pods (denied on every port: more, never less). */
const denyPeers = (rule: TrafficRule): Peer[] => (remoteOf(rule) ?? EVERYTHING).map((p) => (p.dns ? { namespace: "kube-system", pods: { "k8s-app": "kube-dns" } } : p));
/** An omitted remote side: everything (external addresses and every pod). */
const EVERYTHING: Peer[] = [{ cidr: "0.0.0.0/0" }, { cidr: "::/0" }, { namespaceLabels: {} }];
const labelsCompatible = (a: Record<string, string>, b: Record<string, string>) => Object.entries(a).every(([k, v]) => b[k] === undefined || b[k] === v);

/** May a deny peer and an allow peer (both pod/namespace peers) select the same pod? */
function peersOverlap(allow: Peer, deny: Peer): boolean {
  if (allow.cidr || deny.cidr || allow.dns || deny.dns) return false;
  if (allow.namespace && deny.namespace && allow.namespace !== deny.namespace) return false;
  const sameNsOnly = (p: Peer) => !p.namespace && !p.namespaceLabels;
  if (sameNsOnly(allow) !== sameNsOnly(deny) && (allow.namespace || deny.namespace) && !(allow.namespaceLabels || deny.namespaceLabels)) return true;
  return labelsCompatible(allow.pods ?? {}, deny.pods ?? {});
}

/**
 * Compiles TrafficPolicies into NetworkPolicies (and, with `networkBackend: "cnp"`, an Admin-tier
 * ClusterNetworkPolicy): default deny, allows, CIDR denies as `ipBlock.except`. What NetworkPolicy
 * cannot say is admitted less, never more, and reported.
 */
export function compileNetwork(documents: readonly RampartDocument[], options: CompileNetworkOptions = {}): { objects: NetworkObject[]; diagnostics: Diagnostic[]; report: { rules: NetworkRuleReport[]; counts: { objects: number } } } {
  const backend = options.networkBackend ?? "np";
  const objects: NetworkObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const reports: NetworkRuleReport[] = [];
  const cnpRules: { dir: "ingress" | "egress"; rule: Record<string, unknown>; subject: Record<string, unknown>; source: string }[] = [];
  const all = documentsOfKind(documents, "TrafficPolicy");
  // A deny of any policy governing a namespace applies to its pods: both ends are checked.
  const deniesFor = (ns: string, dir: string) =>
    all.filter((p) => p.spec.namespaces.includes(ns)).flatMap((p) => (p.spec.deny ?? []).map((r, j) => ({ r, j, policy: p.metadata.name })).filter(({ r }) => r.direction === dir));
  const isolated = (ns: string, dir: "ingress" | "egress") => all.some((p) => p.spec.namespaces.includes(ns) && (p.spec.defaultDeny ?? []).includes(dir));
  for (const doc of all) {
    const spec = doc.spec;
    const name = doc.metadata.name;
    const source = positionOf(doc, []);
    const meta = (objName: string, ns: string) => ({
      name: k8sName(objName),
      namespace: ns,
      labels: { "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": name },
      annotations: { "rampart.dev/source": `${source.file}:${source.line}` },
    });
    const denies = spec.deny ?? [];
    const deny = (dir: string) => denies.map((r, j) => ({ r, j })).filter(({ r }) => r.direction === dir);
    const defaultDeny = spec.defaultDeny ?? [];
    for (const ns of spec.namespaces) {
      if (defaultDeny.length > 0) {
        objects.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta(`rampart-${name}-default-deny`, ns), spec: { podSelector: {}, policyTypes: defaultDeny.map((d) => (d === "ingress" ? "Ingress" : "Egress")).sort() } });
      }
    }
    (spec.allow ?? []).forEach((rule, i) => {
      const at = positionOf(doc, ["spec", "allow", i]);
      const report: NetworkRuleReport = { policy: name, rule: `allow[${i}]`, backend: "network", objects: [], notExpressible: [] };
      reports.push(report);
      if (!defaultDeny.includes(rule.direction)) {
        diagnostics.push(diagnostic("allow-without-default-deny", "warning", `allow rule ${i} of TrafficPolicy \`${name}\` has no effect: ${rule.direction} is not default-deny in this policy`, at, `add \`${rule.direction}\` to \`defaultDeny\`, or remove the rule`));
      }
      const local = localOf(rule);
      const reported = new Set<string>();
      for (const ns of spec.namespaces) {
        const relevantDenies = deniesFor(ns, rule.direction).filter(({ r }) => labelsCompatible(localOf(r), local));
        const cidrDenies = relevantDenies.flatMap(({ r }) => denyPeers(r).filter((p) => p.cidr).map((p) => cidrOf(p.cidr!)));
        const podDenies = relevantDenies.flatMap(({ r, j, policy }) => denyPeers(r).filter((p) => !p.cidr).map((p) => ({ p, j, policy })));
        const peers: Record<string, unknown>[] = [];
        const dnsPeers: Record<string, unknown>[] = [];
        for (const peer of remoteOf(rule) ?? EVERYTHING) {
          if (peer.dns) {
            if (backend === "np" && podDenies.some(({ p }) => peersOverlap({ namespace: "kube-system", pods: { "k8s-app": "kube-dns" } }, p))) continue;
            dnsPeers.push({ namespaceSelector: { matchLabels: { [NAME_KEY]: "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } });
            continue;
          }
          if (peer.cidr) {
            const block = cidrOf(peer.cidr);
            if (cidrDenies.some((d) => cidrContains(d, block))) continue; // wholly denied: exact
            const except = [...new Set(cidrDenies.filter((d) => cidrContains(block, d) && d.prefix > block.prefix).map((d) => d.text))].sort();
            peers.push({ ipBlock: except.length ? { cidr: block.text, except } : { cidr: block.text } });
            continue;
          }
          if (backend === "np") {
            const cut = podDenies.find(({ p }) => peersOverlap(peer, p));
            if (cut) {
              const key = `${cut.policy}/${cut.j}`;
              if (!reported.has(key)) {
                reported.add(key);
                report.notExpressible.push(`a peer overlaps deny rule ${cut.j} of \`${cut.policy}\`, which NetworkPolicy cannot carve out: not allowed (use --network-backend cnp)`);
                diagnostics.push(diagnostic("network-not-expressible", "warning", `allow rule ${i} of TrafficPolicy \`${name}\`: a peer overlaps deny rule ${cut.j} of \`${cut.policy}\`, which NetworkPolicy cannot carve out; that peer is not allowed`, at, "compile with `--network-backend cnp` to enforce the deny with a ClusterNetworkPolicy"));
              }
              continue;
            }
          }
          const out: Record<string, unknown> = {};
          if (peer.namespace !== undefined) out.namespaceSelector = { matchLabels: { [NAME_KEY]: peer.namespace } };
          else if (peer.namespaceLabels !== undefined) out.namespaceSelector = Object.keys(peer.namespaceLabels).length ? { matchLabels: peer.namespaceLabels } : {};
          out.podSelector = peer.pods && Object.keys(peer.pods).length ? { matchLabels: peer.pods } : {};
          peers.push(out);
        }
        const key = rule.direction === "ingress" ? "from" : "to";
        const entries: Record<string, unknown>[] = [];
        const ports = k8sPorts(rule);
        if (peers.length) entries.push(ports ? { [key]: peers, ports } : { [key]: peers });
        // DNS is port 53 over UDP and TCP, narrowed by the rule's own ports if it has any.
        const dnsPorts = (["UDP", "TCP"] as const).filter((protocol) => !rule.ports || rule.ports.some((e) => {
          const p = parsePort(e);
          return p.protocol === protocol && ("name" in p ? false : p.from <= 53 && 53 <= p.to);
        }));
        if (dnsPeers.length && dnsPorts.length) entries.push({ [key]: dnsPeers, ports: dnsPorts.map((protocol) => ({ protocol, port: 53 })) });
        if (entries.length === 0) continue;
        const obj: NetworkObject = {
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: meta(`rampart-${name}-allow-${i}`, ns),
          spec: { podSelector: Object.keys(local).length ? { matchLabels: local } : {}, policyTypes: [rule.direction === "ingress" ? "Ingress" : "Egress"], [rule.direction]: entries },
        };
        objects.push(obj);
        report.objects.push(`NetworkPolicy ${ns}/${obj.metadata.name}`);
      }
    });
    denies.forEach((rule, j) => {
      const at = positionOf(doc, ["spec", "deny", j]);
      const report: NetworkRuleReport = { policy: name, rule: `deny[${j}]`, backend: "network", objects: [], notExpressible: [] };
      reports.push(report);
      const peers = denyPeers(rule);
      const podPeers = peers.filter((p) => !p.cidr);
      const cidrPeers = peers.filter((p) => p.cidr);
      if (cidrPeers.length > 0) report.objects.push("ipBlock.except of the allows it overlaps, or the namespace's deny guard");
      if (podPeers.length === 0) return;
      if (backend === "cnp") {
        const local = localOf(rule);
        const subject = { pods: { namespaceSelector: { matchExpressions: [{ key: NAME_KEY, operator: "In", values: [...spec.namespaces].sort() }] }, podSelector: Object.keys(local).length ? { matchLabels: local } : {} } };
        const cnpPeers = podPeers.map((p) => {
          const nsSel = p.namespace !== undefined ? { matchLabels: { [NAME_KEY]: p.namespace } } : p.namespaceLabels !== undefined ? { matchLabels: p.namespaceLabels } : { matchExpressions: [{ key: NAME_KEY, operator: "In", values: [...spec.namespaces].sort() }] };
          return { pods: { namespaceSelector: nsSel, podSelector: p.pods ? { matchLabels: p.pods } : {} } };
        });
        const ports = rule.ports?.map((e) => {
          const p = parsePort(e);
          const proto = p.protocol.toLowerCase();
          return "name" in p ? { destinationNamedPort: p.name } : { [proto]: { destinationPort: p.to > p.from ? { range: { start: p.from, end: p.to } } : { number: p.from } } };
        });
        cnpRules.push({ dir: rule.direction, subject, source: `${name}/deny[${j}]`, rule: { name: k8sName(`${name}-deny-${j}`), action: "Deny", [rule.direction === "ingress" ? "from" : "to"]: cnpPeers, ...(ports ? { protocols: ports } : {}) } });
        report.objects.push("ClusterNetworkPolicy rampart-denies");
      } else {
        report.notExpressible.push("pod/namespace deny: NetworkPolicy has no deny; overlapping allows were removed instead (outside default-deny, pod traffic of the pods it guards is blocked)");
        if (!defaultDeny.includes(rule.direction)) {
          diagnostics.push(diagnostic("network-not-expressible", "warning", `deny rule ${j} of TrafficPolicy \`${name}\` names pods outside a default-deny direction: NetworkPolicy cannot allow \"every pod but these\", so all pod ${rule.direction} of the pods it guards is blocked`, at, "compile with `--network-backend cnp` for an exact ClusterNetworkPolicy deny"));
        }
      }
    });
  }
  // Deny guards: in a direction that is not default-deny, pods some deny guards get one isolating
  // NetworkPolicy per local selector allowing everything except what any overlapping deny names.
  for (const ns of [...new Set(all.flatMap((p) => p.spec.namespaces))].sort()) {
    for (const dir of ["ingress", "egress"] as const) {
      if (isolated(ns, dir)) continue;
      const denies = deniesFor(ns, dir);
      const locals = [...new Map(denies.map(({ r }) => [JSON.stringify(localOf(r)), localOf(r)])).values()];
      for (const local of locals) {
        const guarding = denies.filter(({ r }) => labelsCompatible(localOf(r), local));
        const remote = guarding.flatMap(({ r }) => denyPeers(r));
        const blocked = remote.filter((p) => p.cidr).map((p) => cidrOf(p.cidr!));
        const podDeny = remote.some((p) => !p.cidr);
        const blocks: Record<string, unknown>[] = [];
        for (const [family, any] of [[4, "0.0.0.0/0"], [6, "::/0"]] as const) {
          const mine = blocked.filter((c) => c.family === family);
          if (mine.some((c) => c.prefix === 0)) continue;
          const except = [...new Set(mine.map((c) => c.text))].sort();
          blocks.push({ ipBlock: except.length ? { cidr: any, except } : { cidr: any } });
        }
        if (!podDeny || backend === "cnp") blocks.push({ namespaceSelector: {}, podSelector: {} });
        const policies = [...new Set(guarding.map((g) => g.policy))].sort();
        objects.push({
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: {
            name: k8sName(`rampart-deny-guard-${dir}-${createHash("sha256").update(JSON.stringify(local)).digest("hex").slice(0, 8)}`),
            namespace: ns,
            labels: { "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": policies.join(".") },
            annotations: { "rampart.dev/source": policies.map((p) => `TrafficPolicy/${p}`).join(", ") },
          },
          // An empty peer list would match everything: with nothing left, the policy isolates and allows nothing.
          spec: { podSelector: Object.keys(local).length ? { matchLabels: local } : {}, policyTypes: [dir === "ingress" ? "Ingress" : "Egress"], [dir]: blocks.length ? [{ [dir === "ingress" ? "from" : "to"]: blocks }] : [] },
        });
      }
    }
  }
  if (cnpRules.length > 0) {
    // One Admin-tier policy per (direction, subject): Deny rules only, priorities in source order.
    const groups = new Map<string, typeof cnpRules>();
    for (const r of cnpRules) groups.set(`${r.dir}|${JSON.stringify(r.subject)}`, [...(groups.get(`${r.dir}|${JSON.stringify(r.subject)}`) ?? []), r]);
    [...groups.values()].forEach((rules, k) => {
      objects.push({
        apiVersion: "policy.networking.k8s.io/v1alpha2",
        kind: "ClusterNetworkPolicy",
        metadata: { name: k8sName(`rampart-denies-${k}`), labels: { "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": "traffic-denies" }, annotations: { "rampart.dev/source": rules.map((r) => r.source).join(", ") } },
        spec: { tier: "Admin", priority: 10 + k, subject: rules[0]!.subject, [rules[0]!.dir]: rules.map((r) => r.rule) },
      } as NetworkObject);
    });
  }
  for (const o of objects) {
    const errors = o.kind === "NetworkPolicy" ? validate(o) : validateCnp(o);
    if (errors.length) diagnostics.push(diagnostic("openapi-invalid", "error", `generated ${o.kind} \`${o.metadata.name}\` is invalid: ${errors.join("; ")}`, { file: "<generated>", line: 0, column: 0 }, "this is a bug in rampart"));
  }
  return { objects, diagnostics, report: { rules: reports, counts: { objects: objects.length } } };
}
