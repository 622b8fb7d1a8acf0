import { cidrContainsIp, diagnostic, parseIp, type Diagnostic, type TrafficNamespaceLabelsIR, type TrafficPolicyIR } from "@rampart/core";

/** NodeLocal DNSCache's usual link-local address. */
const NODE_LOCAL_DNS = parseIp("169.254.20.10")!;
const METADATA = "169.254.169.254/32";

/**
 * Hints on TrafficPolicies that do more or less than they look: a deny of a CIDR holding
 * NodeLocal DNSCache (169.254.20.10) blocks link-local services, not only the cloud metadata
 * endpoint; a `namespaces` glob or `namespaceLabels` reports what it matched (info), or that it
 * matched nothing (warning).
 */
export function trafficHints(policies: readonly TrafficPolicyIR[], backend: "np" | "cnp"): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of policies) {
    for (const rule of p.deny) {
      if (rule.index < 0) continue; // the metadata block denies exactly the endpoints
      for (const peer of rule.remote ?? []) {
        if (peer.kind !== "cidr" || !cidrContainsIp(peer.cidr, NODE_LOCAL_DNS)) continue;
        const text = `${peer.cidr.text}`;
        out.push(
          diagnostic(
            "traffic-deny-link-local",
            "warning",
            `deny rule ${rule.index} of TrafficPolicy \`${p.name}\` blocks ${rule.direction} ${rule.direction === "egress" ? "to" : "from"} \`${text}\`, which also holds link-local services such as NodeLocal DNSCache (169.254.20.10): pods using it lose DNS`,
            peer.source,
            `to block only the cloud metadata endpoint, deny \`${METADATA}\` (or compile with blockMetadata)`,
          ),
        );
      }
    }
    if (p.namespaceLabels) out.push(labelHint(p, p.namespaceLabels, backend));
    for (const g of p.namespaceGlobs) {
      const later =
        backend === "cnp"
          ? "; namespaces created later are governed from the next build with a fresh inventory (Kubernetes label selectors cannot match name patterns, with --network-backend cnp too)"
          : "; namespaces created later are governed from the next build with a fresh inventory";
      if (g.matched.length === 0) {
        out.push(
          diagnostic(
            "traffic-namespace-glob-unmatched",
            "warning",
            `TrafficPolicy \`${p.name}\` governs namespaces \`${g.glob}\`, which matches no namespace of the inventory: the pattern governs nothing`,
            g.source,
            "check the pattern, or give the cluster an inventory that lists its namespaces (`Cluster.spec.inventory`, `--inventory`, `rampart inventory pull`)",
          ),
        );
      } else {
        out.push(
          diagnostic(
            "traffic-namespace-glob",
            "info",
            `TrafficPolicy \`${p.name}\` governs namespaces \`${g.glob}\`: matched ${g.matched.map((n) => `\`${n}\``).join(", ")} in the inventory${later}`,
            g.source,
          ),
        );
      }
    }
  }
  return out;
}

/** `tier=apps,env=prod`: a label map as a kubectl selector. */
const selectorText = (labels: Readonly<Record<string, string>>) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");

/** What `namespaceLabels` matched in the inventory, and how namespaces created later are governed. */
function labelHint(p: TrafficPolicyIR, sel: TrafficNamespaceLabelsIR, backend: "np" | "cnp"): Diagnostic {
  const what = `TrafficPolicy \`${p.name}\` governs namespaces labelled \`${selectorText(sel.labels)}\`${sel.later ? "" : " among those `spec.namespaces` names"}`;
  const later = !sel.later
    ? "namespaces created later are governed from the next build with a fresh inventory (with `spec.namespaces` too, the names bound the policy)"
    : backend === "cnp"
      ? "namespaces created later that carry the labels are governed by ClusterNetworkPolicies"
      : "namespaces created later are governed from the next build with a fresh inventory (or compile with `--network-backend cnp` to govern them at once)";
  if (sel.matched.length > 0)
    return diagnostic(
      "traffic-namespace-labels",
      "info",
      `${what}: matched ${sel.matched.map((n) => `\`${n}\``).join(", ")} in the inventory; ${later}`,
      sel.source,
    );
  const unknown = sel.labelsKnown ? "which no namespace of the inventory carries" : "but the inventory records no namespace labels";
  const scope = sel.later && backend === "cnp" ? "it governs only namespaces created later" : "the policy governs nothing";
  const hint = sel.labelsKnown
    ? "check the labels (`kubectl get namespaces --show-labels`), or label the namespaces and pull the inventory again (`rampart inventory pull`)"
    : "record the namespaces' labels in the inventory: `rampart inventory pull` writes them, or add `spec.namespaceLabels: { <namespace>: { <key>: <value> } }` to the Inventory";
  return diagnostic("traffic-namespace-labels-unmatched", "warning", `${what}, ${unknown}: ${scope}`, sel.source, hint);
}
