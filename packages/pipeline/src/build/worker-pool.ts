// The main thread's side of a parallel build (loaded lazily, on the parallel path only): the main thread
// and the workers claim clusters from one shared counter, and the build is assembled in the serial
// build's cluster order.
import { Worker } from "node:worker_threads";
import { diagnostic, sortDiagnostics, type Diagnostic } from "@rampart/core";
import { dedupe, type BuildResult, type ClusterBuild } from "./build-policies.js";
import { claimCluster, reviveCluster, stopClaims, type WorkerInput, type WorkerMessage } from "./cluster-transfer.js";

/** One cluster's build, from the main thread or revived from a worker's answer (`build` absent when its inventory failed). */
interface Answer {
  diagnostics: Diagnostic[];
  build?: ClusterBuild | undefined;
}

/** A worker that threw, exited early or could not re-load the policies: the problem and the cluster it was building. */
interface Failure {
  cluster?: string | undefined;
  message: string;
}

/** The worker threads of a build: their first failure once all have ended, and a way to stop them. */
interface Pool {
  ended: Promise<Failure | undefined>;
  stop(): void;
}

/**
 * Builds `clusters`, `jobs` at once: the main thread builds with `here` (the serial build of one
 * cluster) while `jobs - 1` worker threads started from `worker` build the others. Resolves once
 * every worker has ended; a failed worker stops the others and the build is one `build-worker` error
 * (no clusters). An exception of `here` stops the workers and is thrown, as the serial build would.
 */
export async function buildInWorkers(
  worker: URL,
  clusters: readonly string[],
  jobs: number,
  input: Omit<WorkerInput, "clusters" | "claim">,
  here: (cluster: string) => Promise<BuildResult>,
): Promise<BuildResult> {
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const answers = new Map<string, Answer>();
  const pool = startWorkers(worker, Math.min(jobs, clusters.length) - 1, { ...input, clusters, claim: claim.buffer }, answers, () =>
    stopClaims(claim, clusters.length),
  );
  try {
    for (let i = claimCluster(claim); i < clusters.length; i = claimCluster(claim)) {
      const name = clusters[i]!;
      const result = await here(name);
      answers.set(name, { diagnostics: result.diagnostics, build: result.clusters.get(name) });
      // Between two clusters: the workers' answers and failures come in.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    pool.stop();
    await pool.ended;
    throw error;
  }
  const failure = await pool.ended;
  const missing = clusters.find((c) => !answers.has(c));
  if (failure || missing !== undefined)
    return { clusters: new Map(), diagnostics: [failureDiagnostic(failure ?? { cluster: missing, message: "no thread built it" })] };
  return assemble(clusters, answers);
}

/** Starts `count` workers; each answer is revived into `answers`; the first failure calls `onFailure` and stops every worker. */
function startWorkers(worker: URL, count: number, input: WorkerInput, answers: Map<string, Answer>, onFailure: () => void): Pool {
  const workers: Worker[] = [];
  let failed: Failure | undefined;
  const fail = (f: Failure) => {
    if (failed) return;
    failed = f;
    onFailure();
    for (const w of workers) void w.terminate();
  };
  const ended = new Promise<Failure | undefined>((resolve) => {
    let running = count;
    for (let i = 0; i < count; i++) {
      // What policy modules print as they load was printed once by the main thread's load: drop the workers' copies.
      const w = new Worker(worker, { workerData: input, stdout: true, stderr: true });
      w.stdout.resume();
      w.stderr.resume();
      workers.push(w);
      let current: string | undefined;
      w.on("message", (m: WorkerMessage) => {
        if (m.type === "failed") return fail({ cluster: m.cluster ?? current, message: m.message });
        if (m.type === "claimed") current = m.cluster;
        else if (!failed) {
          answers.set(m.name, { diagnostics: m.diagnostics, build: m.build && reviveCluster(m.build) });
          current = undefined;
        }
      });
      w.on("error", (e) => fail({ cluster: current, message: e.message }));
      w.on("exit", (code) => {
        // An exit with a cluster in hand (or a non-zero code) is a failure even when no error was raised.
        if (current !== undefined || code !== 0) fail({ cluster: current, message: `the worker thread exited with code ${code}` });
        if (--running === 0) resolve(failed);
      });
    }
  });
  return { ended, stop: () => fail({ message: "stopped" }) };
}

/** The build as the serial path returns it: clusters in the given order, diagnostics concatenated in that order, deduplicated, sorted. */
function assemble(clusters: readonly string[], answers: Map<string, Answer>): BuildResult {
  const built = new Map<string, ClusterBuild>();
  const diagnostics: Diagnostic[] = [];
  for (const name of clusters) {
    const answer = answers.get(name)!;
    diagnostics.push(...answer.diagnostics);
    if (answer.build) built.set(name, answer.build);
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
