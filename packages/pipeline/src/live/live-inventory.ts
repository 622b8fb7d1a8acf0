import { createInventory, diagnostic, normaliseAccess, normaliseClusters, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import type { Host } from "../host.js";
import { connect, connectorGeneration, kubeContexts, kubeDiagnostic } from "./connector.js";
import type { KubeconfigOptions } from "./kubeconfig.js";
import { pullInventory } from "./pull.js";

/** The connection `--inventory live` uses when a command has chosen one (`diff --live --context CTX`). */
let pinned: (KubeconfigOptions & { context?: string }) | undefined;

/** Makes `--inventory live` pull from this context (undefined: choose by cluster name). */
export function pinLiveContext(options: (KubeconfigOptions & { context?: string }) | undefined): void {
  pinned = options;
}

const cache = new Map<string, Promise<{ inventory?: Inventory; diagnostics: Diagnostic[] }>>();

/**
 * The context a cluster's live inventory comes from: the pinned one, else the kubeconfig
 * context named like the Cluster, else (with a single cluster) the current context.
 */
async function contextFor(documents: readonly RampartDocument[], cluster: string): Promise<{ context: string | undefined } | { error: Diagnostic }> {
  if (pinned) return { context: pinned.context };
  const { contexts } = await kubeContexts({});
  if (contexts.includes(cluster)) return { context: cluster };
  if (normaliseClusters(documents).length === 1) return { context: undefined };
  return {
    error: diagnostic(
      "inventory-live",
      "error",
      `no kubeconfig context is named \`${cluster}\`, so \`--inventory live\` cannot tell which cluster to read for it`,
      { file: "<command line>", line: 0, column: 0 },
      "name the contexts after the Cluster documents (`kubectl config rename-context`), or pull each with `rampart inventory pull --context CTX -o FILE` and pass `--inventory FILE`",
    ),
  };
}

/** `--inventory live`: pulls a cluster's inventory from the kubeconfig (once per context and process). */
export async function liveInventory(
  io: Host,
  documents: readonly RampartDocument[],
  cluster: string,
): Promise<{ inventory?: Inventory; diagnostics: Diagnostic[] }> {
  let chosen: Awaited<ReturnType<typeof contextFor>>;
  try {
    chosen = await contextFor(documents, cluster);
  } catch (error) {
    return { diagnostics: [kubeDiagnostic(error, undefined)] };
  }
  if ("error" in chosen) return { diagnostics: [chosen.error] };
  const tags = normaliseClusters(documents).find((c) => c.name === cluster)?.tags;
  const key = `${connectorGeneration()}\0${chosen.context ?? ""}\0${cluster}\0${pinned?.kubeconfig ?? ""}`;
  let result = cache.get(key);
  if (!result) {
    result = (async () => {
      let label = chosen.context;
      try {
        const client = await connect({ ...(pinned ?? {}), ...(chosen.context !== undefined ? { context: chosen.context } : {}) });
        label = client.context;
        io.err(`pulling the inventory of cluster \`${cluster}\` from context \`${client.context}\` (${client.server})`);
        const pulled = await pullInventory(client, { policies: normaliseAccess(documents), now: Date.now(), ...(tags ? { clusterTags: tags } : {}) });
        return { inventory: createInventory(pulled.inventory), diagnostics: pulled.diagnostics };
      } catch (error) {
        return { diagnostics: [kubeDiagnostic(error, label)] };
      }
    })();
    cache.set(key, result);
  }
  return result;
}
