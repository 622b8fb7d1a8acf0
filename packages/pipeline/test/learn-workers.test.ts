// Parsing in worker threads against parsing on the main thread (the oracle): the same records in
// the same order, the same warnings at the same lines, byte-identical learned files.
import { learnFromAuditLogs, readAuditLog } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";
import { random } from "./audit-generator.js";
import { writeLog } from "./learn-helpers.js";
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

  it("merges the stages of a request within and across chunks as the main thread does", async () => {
    // Requests with every order of stages (repeated, early only, final first), their events near
    // each other or far apart (in other chunks), and outcomes that differ between stages.
    const rand = random(3);
    const stages = ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"];
    const events: { at: number; line: string }[] = [];
    for (let i = 0; i < 12_000; i++) {
      const base = rand() * 1000;
      const n = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const stage = stages[Math.floor(rand() * stages.length)]!;
        const line = JSON.stringify({
          kind: "Event",
          apiVersion: "audit.k8s.io/v1",
          auditID: i % 50 === 0 ? "" : `id-${i}`,
          stage,
          verb: ["get", "list", "watch"][i % 3],
          user: { username: `user-${i % 7}`, groups: i % 2 ? ["g"] : [] },
          objectRef: { resource: "configmaps", namespace: `ns-${i % 5}`, name: `cm-${i % 11}` },
          responseStatus: { code: stage === "RequestReceived" ? undefined : [200, 403, 404][k % 3] },
          requestReceivedTimestamp: new Date(Date.UTC(2026, 10, 30) + i * 1000).toISOString(),
          pad: "p".repeat(200),
        });
        events.push({ at: base + (rand() < 0.8 ? k * 0.01 : rand() * 1000), line });
      }
    }
    events.sort((a, b) => a.at - b.at);
    const path = writeLog(events.map((e) => e.line));
    const one = await readAuditLog([path], { workers: 0 });
    expect(one.duplicateStages).toBeGreaterThan(5000);
    for (const workers of [1, 2]) {
      const many = await readAuditLog([path], { workers, workerScript: builtWorker() });
      expect(many.workers).toBe(workers);
      expect({ ...many, workers: 0 }).toEqual(one);
    }
  });
});
