// Parsing in worker threads against parsing on the main thread (the oracle): the same records in
// the same order, the same warnings at the same lines, byte-identical learned files.
import { learnFromAuditLogs, readAuditLog } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";
import { builtWorker, workersLog } from "./learn-workers-log.js";

describe("readAuditLog with parsing workers", () => {
  // ~6 MiB: six 1 MiB chunks and more, above the 4 MiB from which workers start by default.
  const log = workersLog(7, 7000);

  it("skips exactly the bad lines, at their line numbers, on the main thread", async () => {
    const one = await readAuditLog([log.path], { workers: 0 });
    expect(one.workers).toBe(0);
    expect(one.warnings.map((w) => w.line)).toEqual(log.badLines);
    expect(one.skipped).toBe(log.badLines.length);
  });

  for (const workers of [1, 2, 3]) {
    it(`reads the same records, counts and warnings with ${workers} worker(s)`, async () => {
      const one = await readAuditLog([log.path], { workers: 0 });
      const many = await readAuditLog([log.path], { workers, workerScript: builtWorker() });
      expect(many.workers).toBe(workers);
      expect({ ...many, workers: 0 }).toEqual(one);
    });
  }

  it("keeps each file's line numbers and the files' order across several files", async () => {
    const second = workersLog(8, 6000);
    const paths = [log.path, second.path, log.path];
    const one = await readAuditLog(paths, { workers: 0 });
    const many = await readAuditLog(paths, { workers: 2, workerScript: builtWorker() });
    expect(many.workers).toBe(2);
    expect({ ...many, workers: 0 }).toEqual(one);
    expect(many.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([log, second, log].flatMap((l) => l.badLines.map((line) => `${l.path}:${line}`)));
  });

  it("learns byte-identical policies, summary and diagnostics with and without workers", async () => {
    const one = await learnFromAuditLogs([log.path], { workers: 0 });
    const many = await learnFromAuditLogs([log.path], { workers: 2, workerScript: builtWorker() });
    expect(one.status).toBe(0);
    expect(one.summary.replay.exact).toBe(true);
    expect(one.files.length).toBeGreaterThan(3);
    expect(many.files).toEqual(one.files);
    expect(many.summary).toEqual(one.summary);
    expect(many.diagnostics).toEqual(one.diagnostics);
    expect(many.status).toBe(one.status);
  });

  it("parses on the main thread when no built worker is beside the module (vitest runs the sources)", async () => {
    const r = await readAuditLog([log.path]);
    expect(r.workers).toBe(0);
    expect(r.skipped).toBe(log.badLines.length);
    const missing = await readAuditLog([log.path], { workers: 2, workerScript: `${log.path}.missing.js` });
    expect(missing.workers).toBe(0);
    expect(missing.skipped).toBe(log.badLines.length);
  });
});
