// The parsing worker of `readAuditLog` (a tsup entry: dist/learn-worker.js): decodes and parses
// chunks of whole lines the main thread reads and cuts, and sends back their compact encoding.
import { parentPort } from "node:worker_threads";
import { ChunkEncoder, type ParsedChunk } from "./parsed-chunk.js";

/** A chunk to parse: the bytes' buffer (transferred) and how many of its bytes are the chunk. */
export interface ChunkRequest {
  seq: number;
  buffer: ArrayBuffer;
  length: number;
}

const encoder = new ChunkEncoder();
parentPort!.on("message", ({ seq, buffer, length }: ChunkRequest) => {
  const chunk: ParsedChunk = encoder.encode(seq, Buffer.from(buffer, 0, length));
  parentPort!.postMessage(chunk, [chunk.fields.buffer as ArrayBuffer, chunk.times.buffer as ArrayBuffer]);
});
