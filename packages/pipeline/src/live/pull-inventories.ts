import { hasErrors, type AccessPolicyIR, type Diagnostic } from "@rampart/core";
import { kubeContexts, kubeDiagnostic } from "./connector.js";
import { inventoryFiles, inventoryTarget, type InventoryFile } from "./inventory-files.js";
import type { ProgressSink } from "./progress.js";
import { allPulled, pullContexts } from "./pull-contexts.js";

/** Options of `pullInventories`. */
export interface PullInventoriesOptions {
  /** The contexts to pull (see `contextList`); none: the current context. */
  contexts: readonly string[];
  /** Pull every context of the kubeconfig instead. */
  allContexts?: boolean;
  kubeconfig?: string | undefined;
  /** Where the inventories go: `-`, a file, or a directory (see `inventoryTarget`), relative to `cwd`. */
  out: string;
  cwd: string;
  /** The policies whose name patterns say which object names to pull. */
  policies: readonly AccessPolicyIR[];
  now: number;
  /** Where progress goes, and whether it may redraw lines. */
  progress: { sink: ProgressSink; tty: boolean };
}

/** The inventory files to write; or none, with the diagnostics and (when pulls ran) how many contexts failed; or a usage `error`. */
export type PullInventoriesResult = { error: string } | { files?: InventoryFile[]; diagnostics: Diagnostic[]; failed?: string };

/**
 * Pulls the inventories of the requested contexts (or every context) and renders their files
 * for `out`: all or nothing, so that no context is left with a stale file beside fresh ones.
 */
export async function pullInventories(options: PullInventoriesOptions): Promise<PullInventoriesResult> {
  const kube = options.kubeconfig !== undefined ? { kubeconfig: options.kubeconfig } : {};
  let contexts = [...options.contexts];
  if (options.allContexts) {
    const listed = await kubeContexts(kube).catch((error: unknown) => kubeDiagnostic(error, undefined));
    if ("severity" in listed) return { diagnostics: [listed] };
    contexts = listed.contexts;
    if (contexts.length === 0) return { error: "`--all-contexts`: the kubeconfig defines no contexts" };
  }
  const target = inventoryTarget(options.out, options.cwd, options.allContexts === true || contexts.length > 1);
  if ("error" in target) return target;
  const pulls = await pullContexts(contexts.length > 0 ? contexts : [undefined], {
    ...kube,
    policies: options.policies,
    now: options.now,
    progress: options.progress,
  });
  const diagnostics = pulls.flatMap((p) => p.diagnostics);
  if (!allPulled(pulls) || hasErrors(diagnostics))
    return {
      diagnostics,
      failed: `nothing written: ${pulls.filter((p) => !p.inventory).length} of ${pulls.length} context${pulls.length === 1 ? "" : "s"} could not be pulled`,
    };
  return { files: inventoryFiles(pulls, target), diagnostics };
}
