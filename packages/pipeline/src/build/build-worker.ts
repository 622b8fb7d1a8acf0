// The worker thread of a parallel build (a built entry: dist/build-worker.js). It re-loads the policies
// the main thread loaded (documents' source positions do not survive structured clone), then claims
// clusters until none is left and sends each build back as plain data.
import { parentPort, workerData } from "node:worker_threads";
import { hasErrors, loadPolicies, type RampartDocument } from "@rampart/core";
import { quietHost } from "../host.js";
import { buildPolicies } from "./build-policies.js";
import { claimCluster, clusterData, type WorkerInput, type WorkerMessage } from "./cluster-transfer.js";

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => port.postMessage(message);

/** The policies as the main thread loaded them; a load that now fails (files changed, a module that throws here) ends the worker. */
async function load(): Promise<RampartDocument[] | undefined> {
  const { paths, ...options } = input.source;
  const loaded = await loadPolicies(paths, options);
  const error = loaded.diagnostics.find((d) => d.severity === "error");
  if (!hasErrors(loaded.diagnostics)) return loaded.documents;
  post({ type: "failed", message: `re-loading the policies failed: ${error!.file}:${error!.line}:${error!.column}: ${error!.message}` });
  return undefined;
}

/** Builds one cluster exactly as the serial build does (`buildPolicies` with the cluster selected). */
async function build(documents: readonly RampartDocument[], cluster: string): Promise<WorkerMessage> {
  const { cwd, ...options } = input.options;
  const result = await buildPolicies(documents, { ...options, cluster, host: quietHost(cwd) });
  const built = result.clusters.get(cluster);
  return { type: "cluster", name: cluster, diagnostics: result.diagnostics, ...(built ? { build: clusterData(built) } : {}) };
}

/** Loads, then builds each cluster it claims; the worker ends when none is left (or at its first failure). */
async function main(): Promise<void> {
  const documents = await load();
  if (!documents) return;
  const claim = new Int32Array(input.claim);
  for (let i = claimCluster(claim); i < input.clusters.length; i = claimCluster(claim)) {
    const cluster = input.clusters[i]!;
    post({ type: "claimed", cluster });
    try {
      post(await build(documents, cluster));
    } catch (e) {
      post({ type: "failed", cluster, message: e instanceof Error ? e.message : String(e) });
      return;
    }
  }
}

void main();
