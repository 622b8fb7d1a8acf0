// Default-deny NetworkPolicies, and pod denies as Admin-tier ClusterNetworkPolicies (or a note that they are carved).
import { diagnostic, type TrafficPolicyIR } from "@rampart/core";
import { shortHash } from "@rampart/core/compiler";
import { components, NAME_KEY, type CarvedPeer } from "./carve.js";
import { cnpPeer, cnpProtocols, k8sName, selector } from "./k8s-output.js";
import {
  at,
  cidrOf,
  describe,
  Dir,
  DNS_NAMED_DENY,
  DNS_NAMED_HINT,
  emptyConj,
  enforced,
  lossy,
  networkMetadata,
  remoteKey,
  type NetworkBuild,
} from "./network-build.js";

/** Default deny: one NetworkPolicy per policy and governed namespace. */
export function emitDefaultDenies(build: NetworkBuild, policies: readonly TrafficPolicyIR[]): void {
  for (const p of policies) {
    const types = (["egress", "ingress"] as const).filter((d) => p.defaultDeny[d]).map(Dir);
    if (types.length === 0) continue;
    for (const ns of p.namespaces)
      build.objects.push({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: networkMetadata(k8sName(`rampart-${p.name}-default-deny`), ns, p.name, at(p)),
        spec: { podSelector: {}, policyTypes: types },
      });
  }
}

/**
 * Pod and namespace denies: Admin-tier ClusterNetworkPolicy Deny rules (cnp), or a note that they
 * are carved out of the allows (np). Returns the priority the next ClusterNetworkPolicy takes.
 */
export function emitPodDenies(build: NetworkBuild, policies: readonly TrafficPolicyIR[], firstPriority: number | undefined): number {
  let priority = Math.max(0, Math.min(1000, firstPriority ?? 100));
  for (const p of policies) {
    for (const d of p.deny) {
      const podDeny = d.remote === undefined || d.remote.some((x) => x.kind !== "cidr");
      if (!podDeny) continue;
      if (build.backend === "np") {
        build.diagnostics.push(
          diagnostic(
            "network-deny-carved",
            "info",
            `${describe(d)} names pods: NetworkPolicy has no deny rules, so it is enforced by narrowing the overlapping allows with \`NotIn\` selectors`,
            d.source,
            "compile with `--network-backend cnp` to enforce it as an Admin-tier ClusterNetworkPolicy Deny",
          ),
        );
        continue;
      }
      // A policy governing no known namespace has nothing to deny here (label policies cover later ones in emit-later).
      if (p.namespaces.length === 0) continue;
      const perNamespace = d.remote?.some((x) => x.kind === "pods" && x.namespace.kind === "same") ?? false;
      for (const group of perNamespace ? p.namespaces.map((n) => [n]) : [p.namespaces]) {
        const all = components(d, group[0]!, cidrOf);
        if (all.lossy && all.parts.some((c) => c.dns)) lossy(build, d, DNS_NAMED_DENY, DNS_NAMED_HINT);
        const parts = all.parts.flatMap((c) => {
          const peers = c.peers.filter((x): x is Extract<CarvedPeer, { kind: "pods" }> => x.kind === "pods");
          return peers.length ? [{ ...c, peers }] : [];
        });
        if (parts.length === 0) continue;
        // Per-namespace names end in a hash of (policy, rule, namespace) starting with a letter: a
        // plain `-<namespace>` suffix could spell another policy's name (`a` rule 1 in `deny-0` vs
        // `a-deny-1` rule 0), and a duplicate name would silently replace one deny with another.
        const name = k8sName(`rampart-${p.name}-deny-${d.index}${perNamespace ? `-${group[0]}-n${shortHash(`${p.name}/${d.index}/${group[0]}`)}` : ""}`);
        const subject = {
          pods: {
            namespaceSelector:
              group.length === 1 ? { matchLabels: { [NAME_KEY]: group[0]! } } : { matchExpressions: [{ key: NAME_KEY, operator: "In", values: group }] },
            podSelector: selector(emptyConj(d.local)),
          },
        };
        const rules = parts.map((c, m) => {
          const protocols = cnpProtocols(c.ports);
          return {
            name: k8sName(`${p.name}-deny-${d.index}${m ? "-dns" : ""}`),
            action: "Deny",
            [remoteKey(d.direction)]: c.peers.map(cnpPeer),
            ...(protocols ? { protocols } : {}),
          };
        });
        build.objects.push({
          apiVersion: "policy.networking.k8s.io/v1alpha2",
          kind: "ClusterNetworkPolicy",
          metadata: networkMetadata(name, undefined, p.name, at(d)),
          spec: { tier: "Admin", priority, subject, [d.direction]: rules },
        });
        priority = Math.min(1000, priority + 1);
        enforced(build, d, `ClusterNetworkPolicy ${name}`);
      }
    }
  }
  return priority;
}
