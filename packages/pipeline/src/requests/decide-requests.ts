import {
  createEvaluator,
  hasErrors,
  sortDiagnostics,
  type Decision,
  type Diagnostic,
  type EvaluatorOptions,
  type RampartDocument,
  type SourcePosition,
} from "@rampart/core";
import { checkRequest, requestCluster, type RequestCluster } from "../check-request.js";
import type { Host } from "../host.js";
import { COMMAND_LINE, type PositionedRequest, type RequestBatch } from "./request-batch.js";

/** Options of `decideRequests`. */
export interface DecideRequestsOptions {
  /** The cluster of requests that name none (`--cluster`); else the only one. */
  cluster?: string | undefined;
  /** An Inventory file, or `live`, for every cluster (default: each Cluster's `spec.inventory`). */
  inventory?: string | undefined;
  /** The instant expiry is judged at (default: the time of each decision). */
  now?: Date | undefined;
  host?: Host;
}

/** The decisions, one per request in order; undefined when a request or its cluster is invalid (`diagnostics` says why). */
export interface DecideRequestsResult {
  decisions?: Decision[];
  diagnostics: Diagnostic[];
}

/** Problems of one request: its cluster's (placed at the request when the request names the cluster) and the inventory check. */
function requestProblems(r: PositionedRequest, ctx: RequestCluster): Diagnostic[] {
  const own = ctx.diagnostics.map((d) => (d.file === COMMAND_LINE.file && r.request.cluster ? { ...d, ...r.at } : d));
  return [...own, ...(ctx.inventory ? checkRequest(r.request, ctx.inventory, r.at) : [])];
}

/** Sorted, each problem once (the same cluster problem is found for many requests). */
function uniqueSorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics([...new Map(diagnostics.map((d) => [`${d.file}:${d.line}:${d.message}`, d])).values()]);
}

/**
 * Decides access requests with the evaluator. Every request is checked first against its
 * cluster's inventory (the one it names, else `options.cluster`, else the only one): a typo is a
 * diagnostic with a hint, never a silent deny.
 */
export async function decideRequests(
  documents: readonly RampartDocument[],
  batch: RequestBatch,
  options: DecideRequestsOptions = {},
): Promise<DecideRequestsResult> {
  const contexts = new Map<string, RequestCluster>();
  const context = async (name: string | undefined, at: SourcePosition) => {
    const key = `${name ?? ""}\0${at.file}:${at.line}`;
    if (!contexts.has(key))
      contexts.set(key, await requestCluster(documents, { cluster: name, inventory: options.inventory, ...(options.host ? { host: options.host } : {}), at }));
    return contexts.get(key)!;
  };
  const main = await context(options.cluster, COMMAND_LINE);
  const problems = [...batch.diagnostics];
  for (const r of batch.requests) {
    const name = r.request.cluster || options.cluster;
    problems.push(...requestProblems(r, name ? await context(name, r.at) : main));
  }
  if (hasErrors(problems)) return { diagnostics: uniqueSorted(problems) };
  const evaluatorOptions: EvaluatorOptions = {};
  if (options.cluster !== undefined) evaluatorOptions.cluster = options.cluster;
  if (options.now !== undefined) evaluatorOptions.now = options.now.getTime();
  if (main.inventory) evaluatorOptions.inventory = main.inventory;
  const evaluator = createEvaluator(documents, evaluatorOptions);
  return { decisions: evaluator.decideMany(batch.requests.map((r) => r.request)), diagnostics: problems };
}
