import type { RampartDocument } from "@rampart/core";
import { compileNetwork, verifyNetwork, type FlowMismatch, type NetworkInventory } from "@rampart/compiler-networkpolicy";
import { networkUniverse } from "./network-universe.js";
import type { TreeManifest } from "./read-tree.js";

const NETWORK_KINDS = new Set(["NetworkPolicy", "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy"]);

/** A flow the tree's network objects admit that the TrafficPolicies deny, with the files of the policies at its ends. */
export interface OverAdmission extends FlowMismatch {
  files: string[];
}

/** The network proof of one cluster's tree. */
export interface NetworkProof {
  /** What universe was checked (no live cluster needed). */
  universe: string;
  checked: number;
  overAdmissions: OverAdmission[];
  /** Flows the TrafficPolicies allow that the tree does not admit and the build did not report. */
  underAdmitted: number;
  /** Flows from outside the cluster into namespaces created after the build that a ClusterNetworkPolicy cannot deny (`network-later-ingress`, a build warning). */
  laterIngress: number;
}

const isManaged = (o: Record<string, unknown>) =>
  (o.metadata as { labels?: Record<string, unknown> } | undefined)?.labels?.["app.kubernetes.io/managed-by"] === "rampart";

/** True for the network objects of a tree (NetworkPolicies, cluster-scoped network policies). */
export function isNetwork(m: TreeManifest): boolean {
  return NETWORK_KINDS.has(String(m.object.kind));
}

/**
 * Proves every network object of a tree against the TrafficPolicies (verifyNetwork) on a universe
 * built from the inventory's namespaces (with their labels) and the labels the policies select.
 * Undefined when the tree holds no network object.
 */
export function proveNetwork(documents: readonly RampartDocument[], manifests: readonly TreeManifest[], inventory: NetworkInventory): NetworkProof | undefined {
  const network = manifests.filter(isNetwork);
  if (network.length === 0) return undefined;
  const compiled = compileNetwork(documents, { networkBackend: "cnp", inventory });
  const universe = networkUniverse(inventory, [...(compiled.objects as unknown as Record<string, unknown>[]), ...network.map((m) => m.object)]);
  // A tree built with `--network-backend cnp` holds rampart's ClusterNetworkPolicies: it also answers for namespaces created later.
  const networkBackend = network.some((m) => m.object.kind === "ClusterNetworkPolicy" && isManaged(m.object)) ? "cnp" : "np";
  const v = verifyNetwork(
    documents,
    universe.workloads,
    network.map((m) => m.object),
    { report: compiled.report, inventory, networkBackend },
  );
  const namespaceOf = (end: string) => (end.includes("/") ? end.slice(0, end.indexOf("/")) : undefined);
  const filesAt = (f: FlowMismatch) => {
    const ends = new Set([namespaceOf(f.src), namespaceOf(f.dst)]);
    const files = network.filter((m) => {
      const ns = (m.object.metadata as { namespace?: string } | undefined)?.namespace;
      return ns === undefined || ns === "" || ends.has(ns);
    });
    return [...new Set(files.map((m) => m.file))].sort();
  };
  return {
    universe: universe.description,
    checked: v.checked,
    overAdmissions: v.overAdmitted.map((f) => ({ ...f, files: filesAt(f) })),
    underAdmitted: v.underAdmitted.length,
    laterIngress: v.laterIngress.length,
  };
}
