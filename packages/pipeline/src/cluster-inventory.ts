import {
  createInventory,
  diagnostic,
  documentsOfKind,
  hasErrors,
  positionOf,
  loadInventory,
  normaliseClusters,
  type ClusterIR,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import type { Host } from "./host.js";

/**
 * The inventory of a cluster: `--inventory FILE` wins, else the Cluster's `spec.inventory`,
 * else the built-in inventory (undefined).
 */
export async function clusterInventory(
  io: Host,
  documents: readonly RampartDocument[],
  cluster: string,
  flag: string | undefined,
): Promise<{ inventory?: Inventory; diagnostics: Diagnostic[] }> {
  if (flag === "live") {
    // pulled from the kubeconfig context named like the cluster (or the current one); see live/live-inventory.ts
    const { liveInventory } = await import("./live/live-inventory.js");
    return liveInventory(io, documents, cluster);
  }
  const path = flag ?? normaliseClusters(documents).find((c) => c.name === cluster)?.inventory;
  if (path === undefined) return { diagnostics: [] };
  const result = await loadInventory(path, { cwd: io.cwd });
  if (!result.inventory && result.diagnostics.length === 0) {
    return { diagnostics: [diagnostic("inventory-file", "error", `cannot read inventory \`${path}\``, { file: path, line: 1, column: 1 })] };
  }
  // A missing file named by a Cluster is a typo in that Cluster: point at its `spec.inventory`.
  const doc = flag === undefined ? documentsOfKind(documents, "Cluster").find((d) => d.metadata.name === cluster) : undefined;
  if (doc && result.diagnostics.some((d) => d.code === "file-not-found")) {
    const at = positionOf(doc, ["spec", "inventory"]);
    const diagnostics = result.diagnostics.map((d) =>
      d.code === "file-not-found"
        ? diagnostic(
            "inventory-file",
            "error",
            `the inventory \`${doc.spec.inventory}\` of Cluster \`${cluster}\` does not exist (looked for \`${path}\`)`,
            at,
            "fix the path (relative to the Cluster's file), or pull one with `rampart inventory pull -o FILE`",
          )
        : d,
    );
    return { diagnostics };
  }
  return result;
}

/** The inventory a cluster is compiled and proven against: `clusterInventory`, else the built-in one of the Cluster's version. */
export async function inventoryFor(
  io: Host,
  documents: readonly RampartDocument[],
  cluster: ClusterIR,
  flag: string | undefined,
): Promise<{ inventory?: Inventory; diagnostics: Diagnostic[] }> {
  const inv = await clusterInventory(io, documents, cluster.name, flag);
  if (hasErrors(inv.diagnostics)) return { diagnostics: inv.diagnostics };
  return {
    inventory: inv.inventory ?? createInventory(cluster.kubernetesVersion ? { kubernetesVersion: cluster.kubernetesVersion } : {}),
    diagnostics: inv.diagnostics,
  };
}
