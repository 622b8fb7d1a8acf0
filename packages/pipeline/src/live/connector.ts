import { diagnostic, type Diagnostic } from "@rampart/core";
import { contextPosition } from "./discovery.js";
import { connectKube, type ConnectOptions } from "./http-client.js";
import { KubeError, type KubeClient } from "./kube-client.js";
import { contextsOf, loadKubeConfig, type KubeconfigOptions } from "./kubeconfig.js";

/** How commands reach clusters: the kubeconfig by default, recorded responses in tests. */
export interface Connector {
  connect(options: ConnectOptions): Promise<KubeClient>;
  contexts(options: KubeconfigOptions): Promise<{ contexts: string[]; current: string }>;
}

const KUBECONFIG_CONNECTOR: Connector = {
  connect: connectKube,
  contexts: async (options) => contextsOf(await loadKubeConfig(options)),
};

let active: Connector = KUBECONFIG_CONNECTOR;
let generation = 0;

/** Replaces how clusters are reached (tests: recorded responses); `undefined` restores the kubeconfig. */
export function useConnector(connector: Connector | undefined): void {
  active = connector ?? KUBECONFIG_CONNECTOR;
  generation++;
}

/** Changes whenever `useConnector` is called (caches of pulled data key on it). */
export function connectorGeneration(): number {
  return generation;
}

/** Connects to a context (default: the current one); rejects with a `KubeError`. */
export function connect(options: ConnectOptions): Promise<KubeClient> {
  return active.connect(options);
}

/** The contexts of the kubeconfig; rejects with a `KubeError`. */
export function kubeContexts(options: KubeconfigOptions): Promise<{ contexts: string[]; current: string }> {
  return active.contexts(options);
}

/**
 * A failure to reach or read a cluster as a diagnostic (exit 2): `KubeError`s keep their
 * message and hint, anything else is reported as it is.
 */
export function kubeDiagnostic(error: unknown, context: string | undefined): Diagnostic {
  const config = error instanceof KubeError && error.kind === "config";
  const at = context === undefined || config ? { file: "<kubeconfig>", line: 0, column: 0 } : contextPosition(context);
  if (error instanceof KubeError) {
    const code = error.kind === "config" ? "kubeconfig" : error.kind === "unreachable" ? "cluster-unreachable" : (`cluster-${error.kind}` as const);
    return diagnostic(code, "error", error.message, at, error.hint);
  }
  return diagnostic("cluster-error", "error", `talking to the cluster failed: ${(error as Error).message ?? String(error)}`, at);
}
