// The parsing worker of `readAuditLog` (a tsup entry: dist/learn-worker.js). Claims chunks of a
// file in turn with the other workers, reads and parses each, and sends back its compact encoding;
// it never waits for the main thread except to stay at most `window` chunks ahead of its use.
import { parentPort, workerData } from "node:worker_threads";
import { linesStartingIn } from "./chunk-range.js";
import { ChunkEncoder, NEXT, USED, type WorkerJob } from "./parsed-chunk.js";

const job = workerData as WorkerJob;
const control = new Int32Array(job.control);
const encoder = new ChunkEncoder();
const chunks = Math.ceil(job.size / job.chunkBytes);
for (let k = Atomics.add(control, NEXT, 1); k < chunks; k = Atomics.add(control, NEXT, 1)) {
  for (let used = Atomics.load(control, USED); k - used >= job.window; used = Atomics.load(control, USED)) Atomics.wait(control, USED, used, 1000);
  const from = k * job.chunkBytes;
  const chunk = encoder.encode(k, linesStartingIn(job.fd, job.size, from, Math.min(job.size, from + job.chunkBytes)));
  chunk.worker = job.index;
  parentPort!.postMessage(chunk, [chunk.fields.buffer as ArrayBuffer, chunk.times.buffer as ArrayBuffer]);
}
