// The worker thread of a parallel build (a built entry: dist/build-worker.js). It re-loads the policies
// the main thread loaded (documents' source positions do not survive structured clone), then asks for
// clusters one at a time and sends each build back as plain data.
import { parentPort, workerData } from "node:worker_threads";
import { hasErrors, loadPolicies, type RampartDocument } from "@rampart/core";
import { quietHost } from "../host.js";
import { buildPolicies } from "./build-policies.js";
import { clusterData, type MainMessage, type WorkerInput, type WorkerMessage } from "./cluster-transfer.js";

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

/** Loads, then answers each cluster the main thread hands out; `null` ends the worker. */
async function main(): Promise<void> {
  const documents = await load();
  if (!documents) return;
  port.on("message", (message: MainMessage) => {
    if (message.cluster === null) return port.close();
    const cluster = message.cluster;
    build(documents, cluster).then(post, (e: unknown) => post({ type: "failed", cluster, message: e instanceof Error ? e.message : String(e) }));
  });
  post({ type: "next" });
}

void main();
