import { hasErrors, normaliseClusters, type Diagnostic, type RampartDocument } from "@rampart/core";
import { buildPolicies, type BuildOptions } from "../build/build-policies.js";
import { quietHost } from "../host.js";
import { resolveCluster } from "../resolve-cluster.js";
import { connect, kubeContexts, kubeDiagnostic } from "./connector.js";
import { desiredObjects } from "./desired.js";
import { isFatal } from "./discovery.js";
import { classifyDrift, MANAGED_SELECTOR, type DriftReport } from "./drift.js";
import type { KubeClient } from "./kube-client.js";
import { pinLiveContext } from "./live-inventory.js";
import { readLive } from "./live-objects.js";

/** Options of `diffLive`: a build's options plus the connection. */
export interface DiffLiveOptions extends BuildOptions {
  context?: string | undefined;
  kubeconfig?: string | undefined;
}

/** The drift of one cluster's build against a live cluster, or the errors that prevented a verdict. */
export type DiffLiveResult =
  | { cluster: string; context: string; server: string; report: DriftReport; buildDiagnostics: Diagnostic[]; diagnostics: Diagnostic[] }
  | { report?: undefined; diagnostics: Diagnostic[] };

/** The Cluster to compare: `cluster`, else the only one, else the one named like the kubeconfig context. */
async function chooseCluster(documents: readonly RampartDocument[], options: DiffLiveOptions): Promise<{ name: string } | { diagnostics: Diagnostic[] }> {
  const names = normaliseClusters(documents).map((c) => c.name);
  if (options.cluster === undefined && names.length > 1) {
    const kube = options.kubeconfig !== undefined ? { kubeconfig: options.kubeconfig } : {};
    const current =
      options.context ??
      (await kubeContexts(kube).then(
        (c) => c.current,
        () => "",
      ));
    if (current && names.includes(current)) return { name: current };
    const required = resolveCluster(documents, { single: true }).diagnostics[0]!;
    return { diagnostics: [{ ...required, message: `${required.message}${current ? ` and none is named like context \`${current}\`` : ""}` }] };
  }
  const choice = resolveCluster(documents, { name: options.cluster, single: true });
  return choice.diagnostics.length > 0 ? { diagnostics: choice.diagnostics } : { name: choice.clusters[0]!.name };
}

/**
 * Compares the build of one cluster with the objects of a live cluster: missing, changed and
 * extra objects (those labelled managed-by rampart that the build does not produce).
 */
export async function diffLive(documents: readonly RampartDocument[], options: DiffLiveOptions = {}): Promise<DiffLiveResult> {
  const host = options.host ?? quietHost();
  const chosen = await chooseCluster(documents, options);
  if ("diagnostics" in chosen) return { diagnostics: chosen.diagnostics };
  const cluster = chosen.name;
  const kube = options.kubeconfig !== undefined ? { kubeconfig: options.kubeconfig } : {};
  let client: KubeClient;
  try {
    client = await connect({ ...kube, ...(options.context !== undefined ? { context: options.context } : {}) });
    await client.get("/version").catch((error: unknown) => {
      if (isFatal(error)) throw error; // unreachable or rejected: fail before building
    });
  } catch (error) {
    return { diagnostics: [kubeDiagnostic(error, options.context)] };
  }
  pinLiveContext({ ...kube, context: client.context });
  let built: Awaited<ReturnType<typeof buildPolicies>>;
  try {
    built = await buildPolicies(documents, { ...options, cluster, host });
  } finally {
    pinLiveContext(undefined);
  }
  const files = built.clusters.get(cluster)?.files;
  if (hasErrors(built.diagnostics) || !files) return { diagnostics: built.diagnostics };
  const desired = desiredObjects(files);
  if (hasErrors(desired.diagnostics)) return { diagnostics: desired.diagnostics };
  host.err(`reading objects labelled \`${MANAGED_SELECTOR}\` from context \`${client.context}\` (${client.server})`);
  try {
    const live = await readLive(client, desired.objects);
    const report = classifyDrift(desired.objects, live.objects, live.unserved);
    return { cluster, context: client.context, server: client.server, report, buildDiagnostics: built.diagnostics, diagnostics: live.diagnostics };
  } catch (error) {
    return { diagnostics: [kubeDiagnostic(error, client.context)] };
  }
}

/** The closing sentence of a drift check: in sync, or what drifted and how to apply the build. */
export function driftVerdict(result: { cluster: string; context: string; report: DriftReport }): string {
  const { cluster, context, report } = result;
  const c = report.counts;
  if (report.inSync)
    return `in sync: the ${c.desired} objects of cluster \`${cluster}\` match context \`${context}\`, and no other object is labelled managed-by rampart`;
  return `drift: ${c.missing} missing, ${c.changed} changed, ${c.extra} extra (${c.desired} objects built for cluster \`${cluster}\`, compared with context \`${context}\`); apply the build (\`rampart build … -o DIR\`, then \`kubectl apply -k DIR/${cluster} --prune -l ${MANAGED_SELECTOR}\`)`;
}
