// The built CLI parses a log above the workers' threshold in worker threads (a preload counts the
// Workers it starts) and writes what the library writes parsing on the main thread, byte for byte.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { formatDiagnostic } from "@rampart/core";
import { learnFromAuditLogs } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";
import { BIN } from "../../cli/test/run-cli.js";
import { workersLog } from "./learn-workers-log.js";

const PRELOAD = `import wt from "node:worker_threads";
import { syncBuiltinESMExports } from "node:module";
import { appendFileSync } from "node:fs";
const Base = wt.Worker;
wt.Worker = class extends Base {
  constructor(script, options) {
    appendFileSync(process.env.WORKER_LOG, String(script) + "\\n");
    super(script, options);
  }
};
syncBuiltinESMExports();
`;

describe("rampart learn on a large log (built binary)", () => {
  it("parses in two workers and writes the files and warnings of the single-thread path", async () => {
    // ~6 MiB: above the 4 MiB threshold.
    const log = workersLog(11, 7000);
    const dir = dirname(log.path);
    const preload = join(dir, "count-workers.mjs");
    writeFileSync(preload, PRELOAD);
    const workerLog = join(dir, "workers.txt");
    writeFileSync(workerLog, "");
    const r = spawnSync(process.execPath, ["--import", preload, BIN, "learn", basename(log.path), "-o", "out"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, WORKER_LOG: workerLog },
    });
    expect(r.status).toBe(0);
    expect(
      readFileSync(workerLog, "utf8")
        .trim()
        .split("\n")
        .map((p) => basename(p)),
    ).toEqual(["learn-worker.js", "learn-worker.js"]);

    const oracle = await learnFromAuditLogs([basename(log.path)], { cwd: dir, workers: 0 });
    expect(oracle.diagnostics.map((d) => d.line)).toEqual(log.badLines);
    const warnings = r.stderr.split("\n").filter((l) => l.includes(": warning: "));
    expect(warnings).toEqual(oracle.diagnostics.map(formatDiagnostic));
    expect(readdirSync(join(dir, "out")).sort()).toEqual(oracle.files.map((f) => f.path).sort());
    for (const f of oracle.files) expect(readFileSync(join(dir, "out", f.path), "utf8")).toBe(f.content);
    expect(r.stderr).toContain(`${oracle.summary.replay.forbiddenDenied}/${oracle.summary.replay.forbidden} forbidden events denied — exact`);
  });
});
