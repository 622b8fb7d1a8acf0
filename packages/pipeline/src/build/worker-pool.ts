// The main thread's side of a parallel build (loaded lazily, on the parallel path only): workers take
// clusters from one shared queue, and the build is assembled in the serial build's cluster order.
import { Worker } from "node:worker_threads";
import { diagnostic, sortDiagnostics, type Diagnostic } from "@rampart/core";
import { dedupe, type BuildResult, type ClusterBuild } from "./build-policies.js";
import { reviveCluster, type MainMessage, type WorkerInput, type WorkerMessage } from "./cluster-transfer.js";

/** What each worker answered for a cluster. */
type Answer = Extract<WorkerMessage, { type: "cluster" }>;

/** A worker that threw, exited early or could not re-load the policies: the problem and the cluster it was building. */
interface Failure {
  cluster?: string | undefined;
  message: string;
}

/**
 * Builds `clusters` on `jobs` worker threads started from `worker`. Resolves once every worker has
 * ended; a failed worker stops the others and the build is one `build-worker` error (no clusters).
 */
export async function buildInWorkers(worker: URL, clusters: readonly string[], jobs: number, input: WorkerInput): Promise<BuildResult> {
  const answers = new Map<string, Answer>();
  const failure = await runPool(worker, clusters, Math.min(jobs, clusters.length), input, answers);
  if (failure) return { clusters: new Map(), diagnostics: [failureDiagnostic(failure)] };
  return assemble(clusters, answers);
}

/** Runs the workers to the end of the queue; the first failure, if any. */
function runPool(worker: URL, clusters: readonly string[], jobs: number, input: WorkerInput, answers: Map<string, Answer>): Promise<Failure | undefined> {
  const queue = [...clusters];
  const workers: Worker[] = [];
  return new Promise((resolve) => {
    let running = jobs;
    let failed: Failure | undefined;
    const fail = (f: Failure) => {
      if (failed) return;
      failed = f;
      for (const w of workers) void w.terminate();
    };
    for (let i = 0; i < jobs; i++) {
      // What policy modules print as they load was printed once by the main thread's load: drop the workers' copies.
      const w = new Worker(worker, { workerData: input, stdout: true, stderr: true });
      w.stdout.resume();
      w.stderr.resume();
      workers.push(w);
      let current: string | undefined;
      const next = () => {
        current = queue.shift();
        w.postMessage({ cluster: current ?? null } satisfies MainMessage);
      };
      w.on("message", (m: WorkerMessage) => {
        if (m.type === "failed") return fail({ cluster: m.cluster ?? current, message: m.message });
        if (m.type === "cluster") answers.set(m.name, m);
        if (!failed) next();
      });
      w.on("error", (e) => fail({ cluster: current, message: e.message }));
      w.on("exit", (code) => {
        // An exit with a cluster in hand (or a non-zero code) is a failure even when no error was raised.
        if (current !== undefined || code !== 0) fail({ cluster: current, message: `the worker thread exited with code ${code}` });
        if (--running > 0) return;
        // Workers that all ended cleanly with clusters left unbuilt (none asked for them) fail the build too.
        const missing = clusters.find((c) => !answers.has(c));
        resolve(failed ?? (missing === undefined ? undefined : { cluster: missing, message: "no worker thread built it" }));
      });
    }
  });
}

/** The build as the serial path returns it: clusters in the given order, diagnostics concatenated in that order, deduplicated, sorted. */
function assemble(clusters: readonly string[], answers: Map<string, Answer>): BuildResult {
  const built = new Map<string, ClusterBuild>();
  const diagnostics: Diagnostic[] = [];
  for (const name of clusters) {
    const answer = answers.get(name)!;
    diagnostics.push(...answer.diagnostics);
    if (answer.build) built.set(name, reviveCluster(answer.build));
  }
  return { clusters: built, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

function failureDiagnostic(f: Failure): Diagnostic {
  const where = f.cluster === undefined ? "a build worker thread failed" : `the build of cluster \`${f.cluster}\` failed in a worker thread`;
  return diagnostic(
    "build-worker",
    "error",
    `${where}: ${f.message}; nothing was written`,
    { file: "<command line>", line: 0, column: 0 },
    "run again with `--jobs 1` to build every cluster on the main thread, where the problem is reported at its source",
  );
}
