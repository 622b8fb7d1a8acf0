import { diagnostic, loadInventory, normaliseClusters, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import type { Io } from "./command.js";

/**
 * The inventory of a cluster: `--inventory FILE` wins, else the Cluster's `spec.inventory`,
 * else the built-in inventory (undefined).
 */
export async function clusterInventory(
  io: Io,
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
  return result;
}
