import { hasErrors, type AccessPolicyIR, type Diagnostic } from "@rampart/core";
import { connect, kubeDiagnostic } from "./connector.js";
import type { KubeClient } from "./kube-client.js";
import type { KubeconfigOptions } from "./kubeconfig.js";
import { Progress, type ProgressSink } from "./progress.js";
import { pullInventory, type PulledInventory, type PullStats } from "./pull.js";

/** The outcome of pulling one context. */
export interface ContextPull {
  /** The context name (the current context's name when none was given). */
  context: string;
  server: string;
  inventory?: PulledInventory;
  stats?: PullStats;
  /** Warnings of a successful pull, or the error of a failed one. */
  diagnostics: Diagnostic[];
}

/** Options of `pullContexts`. */
export interface PullContextsOptions extends KubeconfigOptions {
  policies: readonly AccessPolicyIR[];
  now: number;
  /** Where progress goes, and whether it may redraw lines. */
  progress: { sink: ProgressSink; tty: boolean };
}

/** `pods, secrets` or `no name patterns`. */
function describeStats(s: PullStats, version: string | undefined): string {
  const names = s.targets.length ? `${s.names} object names (${s.targets.join(", ")})` : "no object names";
  return `kubernetes ${version ?? "unknown"}, ${s.resources} API resources (${s.extraResources} not built in), ${s.namespaces} namespaces, ${names}`;
}

/**
 * Pulls the inventory of each context, all at once, with a progress display. Contexts are
 * resolved first (an unknown context fails before any request); `undefined` is the current context.
 */
export async function pullContexts(requested: readonly (string | undefined)[], options: PullContextsOptions): Promise<ContextPull[]> {
  const kube: KubeconfigOptions = options.kubeconfig !== undefined ? { kubeconfig: options.kubeconfig } : {};
  const clients: (KubeClient | ContextPull)[] = [];
  for (const context of requested) {
    try {
      clients.push(await connect({ ...kube, ...(context !== undefined ? { context } : {}) }));
    } catch (error) {
      clients.push({ context: context ?? "", server: "", diagnostics: [kubeDiagnostic(error, context)] });
    }
  }
  if (clients.some((c) => "diagnostics" in c)) return clients.map((c) => ("diagnostics" in c ? c : { context: c.context, server: c.server, diagnostics: [] }));
  const live = clients as KubeClient[];
  const progress = new Progress(
    options.progress.sink,
    live.map((c) => c.context),
    options.progress.tty,
  );
  return Promise.all(
    live.map(async (client): Promise<ContextPull> => {
      progress.step(client.context, `connecting to ${client.server}`);
      try {
        const pulled = await pullInventory(client, { policies: options.policies, now: options.now, onStep: (m) => progress.step(client.context, m) });
        progress.done(client.context, describeStats(pulled.stats, pulled.inventory.kubernetesVersion), true);
        return { context: client.context, server: client.server, inventory: pulled.inventory, stats: pulled.stats, diagnostics: pulled.diagnostics };
      } catch (error) {
        const d = kubeDiagnostic(error, client.context);
        progress.done(client.context, d.message, false);
        return { context: client.context, server: client.server, diagnostics: [d] };
      }
    }),
  );
}

/** True when every context was pulled. */
export function allPulled(pulls: readonly ContextPull[]): boolean {
  return pulls.every((p) => p.inventory !== undefined && !hasErrors(p.diagnostics));
}
