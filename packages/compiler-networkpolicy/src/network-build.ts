// The state one compileNetwork run accumulates, and the small steps every stage shares.
import { diagnostic, parseCidr, type Cidr, type Diagnostic, type TrafficDirection, type TrafficRuleIR } from "@rampart/core";
import { managedLabels, sourceAnnotations, sourceRef } from "@rampart/core/compiler";
import { components, type Component, type Conj } from "./carve.js";
import { labelValue, type NetworkObject } from "./k8s-output.js";

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

/** What a run has emitted and reported so far. */
export interface NetworkBuild {
  backend: "np" | "cnp";
  objects: NetworkObject[];
  diagnostics: Diagnostic[];
  reports: Map<TrafficRuleIR, NetworkRuleReport>;
  /** Not-expressible warnings already given (rule, policy, reason): each is said once. */
  said: Set<string>;
}

export const DNS_NAMED_DENY = "named ports on a `dns: true` peer cannot be intersected with port 53: kube-dns is denied on port 53 of their protocols";
export const DNS_NAMED_HINT = "write the DNS ports as numbers (`53/UDP`, `53/TCP`)";
export const cidrOf = (text: string): Cidr => parseCidr(text) as Cidr;
export const Dir = (d: TrafficDirection) => (d === "ingress" ? "Ingress" : "Egress");
export const remoteKey = (d: TrafficDirection) => (d === "ingress" ? "from" : "to");
export const ruleId = (r: TrafficRuleIR) => (r.index < 0 ? "blockMetadata" : `${r.effect}[${r.index}]`);
export const describe = (r: TrafficRuleIR) =>
  r.index === -2
    ? `the isolating guard of the denies in \`${r.policy}\``
    : r.index < 0
      ? `the metadata block of TrafficPolicy \`${r.policy}\``
      : `${r.effect} rule ${r.index} of TrafficPolicy \`${r.policy}\``;
export const emptyConj = (eq: Readonly<Record<string, string>> = {}): Conj => ({ eq: { ...eq }, ne: [] });
/** `file:line` of a rule or policy, as the source annotation writes it. */
export const at = (r: { source: { file: string; line: number } }) => sourceRef(r.source);

/** Reports that a rule is enforced less than written (once per rule and reason). */
export function lossy(build: NetworkBuild, rule: TrafficRuleIR, why: string, hint: string): void {
  const report = build.reports.get(rule);
  if (report && !report.notExpressible.includes(why)) report.notExpressible.push(why);
  if (build.said.has(`${ruleId(rule)}|${rule.policy}|${why}`)) return;
  build.said.add(`${ruleId(rule)}|${rule.policy}|${why}`);
  build.diagnostics.push(diagnostic("network-not-expressible", "warning", `${describe(rule)}: ${why}`, rule.source, hint));
}

/** Records that `object` enforces (part of) a rule. */
export function enforced(build: NetworkBuild, rule: TrafficRuleIR, object: string): void {
  const report = build.reports.get(rule);
  if (report && !report.objects.includes(object)) report.objects.push(object);
}

/** Metadata of a generated network object. */
export function networkMetadata(name: string, ns: string | undefined, policy: string, source: string) {
  return { name, ...(ns === undefined ? {} : { namespace: ns }), labels: managedLabels(labelValue(policy)), annotations: sourceAnnotations(source) };
}

/** The parts of a deny carved out of allows in `ns`: all of it with `np`, its CIDRs with `cnp`. */
export function carvedParts(build: NetworkBuild, deny: TrafficRuleIR, ns: string): Component[] {
  const { parts, lossy: widened } = components(deny, ns, cidrOf);
  const out = parts.flatMap((c) => {
    const peers = build.backend === "cnp" ? c.peers.filter((p) => p.kind === "cidr") : c.peers;
    return peers.length ? [{ ...c, peers }] : [];
  });
  if (widened && out.some((c) => c.dns)) lossy(build, deny, DNS_NAMED_DENY, DNS_NAMED_HINT);
  return out;
}
