// Multi-cluster builds across cores: the main thread and one worker thread per further job, each
// worker re-loading the policies from their paths. The worker code (and node:worker_threads) loads
// only on the parallel path.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolveCluster, type RampartDocument } from "@rampart/core";
import { buildPolicies, type BuildOptions, type BuildResult } from "./build-policies.js";
import type { PolicySource } from "./cluster-transfer.js";

/** Options of `buildPoliciesInParallel`: a build's, plus how many clusters to build at once and where the policies came from. */
export interface ParallelBuildOptions extends BuildOptions {
  /** Clusters built at once: the main thread and `jobs - 1` worker threads (default: `defaultJobs`); 1 builds on the main thread alone. */
  jobs?: number | undefined;
  /** The paths and load options `documents` were loaded with; without it (or reading standard input) the build is serial. */
  source?: PolicySource | undefined;
  /** The worker module (default: the built `build-worker.js` next to this module; absent when running from sources: serial). */
  worker?: URL | undefined;
}

// In the CommonJS build `import.meta` is empty; `__filename` names this module there.
const here = typeof __filename === "string" ? pathToFileURL(__filename).href : import.meta.url;

// Below this many documents a worker's start (loading the code, re-loading and normalising the
// policies: ~0.3 s of CPU each) costs more than the clusters' compile saves: the default is serial.
const PARALLEL_MIN_DOCUMENTS = 200;
// On 2 cores, a 4-cluster fleet of 1,000 policies each took 1.1× the wall time and 1.4× the CPU with
// the main thread and a worker (bench/multi-cluster.bench.ts, idle machine): the serial build already
// keeps V8's GC and compiler threads on the second core (1.4× faster than on one core), and the worker
// warms up its compilers again.
const PARALLEL_MIN_CORES = 3;

/**
 * The number of jobs when none is given: one per cluster, at most one per core, for builds of 200
 * documents or more on 3 cores or more (else 1).
 */
export function defaultJobs(clusters: number, documents: number, cores = availableParallelism()): number {
  return documents < PARALLEL_MIN_DOCUMENTS || cores < PARALLEL_MIN_CORES ? 1 : Math.max(1, Math.min(clusters, cores));
}

/**
 * Builds like `buildPolicies`, with the clusters spread over the main thread and worker threads when
 * there are several clusters, more than one job and a source on disk to re-load. Output and diagnostics are identical
 * to the serial build's; a worker that fails makes the build one `build-worker` error.
 */
export async function buildPoliciesInParallel(documents: readonly RampartDocument[], options: ParallelBuildOptions = {}): Promise<BuildResult> {
  const { jobs, source, worker, ...build } = options;
  const now = build.now ?? new Date();
  const choice = resolveCluster(documents, { name: build.cluster });
  const clusters = choice.clusters.map((c) => c.name);
  const workers = Math.min(jobs ?? defaultJobs(clusters.length, documents.length), clusters.length);
  const url = worker ?? new URL("./build-worker.js", here);
  const serial = workers < 2 || !source || source.paths.includes("-") || build.inventory === "live" || choice.diagnostics.length > 0;
  if (serial || !existsSync(fileURLToPath(url))) return buildPolicies(documents, { ...build, now });
  const { buildInWorkers } = await import("./worker-pool.js");
  // The host (its `err` function) stays here: the cwd is what the workers need of it; every thread shares `now`.
  const { host, cluster, ...shared } = build;
  const onMain = (name: string) => buildPolicies(documents, { ...build, now, cluster: name });
  return buildInWorkers(url, clusters, workers, { source, options: { ...shared, now, cwd: host?.cwd ?? process.cwd() } }, onMain);
}
