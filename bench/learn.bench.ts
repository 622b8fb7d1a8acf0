// rampart learn end to end on a 200,000-event audit log (synthetic: deployers, controllers, people,
// forbidden requests, several stages per request): read + de-duplicate + learn + validate + replay
// + write YAML. Baseline in the same run: reading the same file line by line and JSON.parse of
// every line alone (the floor any streaming reader pays). Target ≥ 100,000 events/s.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { learnFromAuditLogs, readAuditLog, writeLearnedFiles } from "@rampart/pipeline";
import { generateAuditLog } from "../packages/pipeline/test/audit-generator.js";

const EVENTS = 200_000;
const ROUNDS = 5;

async function parseOnly(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line !== "" && JSON.parse(line)) n++;
  return n;
}

/** Runs `f` and samples the heap every 5 ms; returns the wall time and the peak heap above the start. */
async function measured<T>(f: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakHeap: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, cpuMs: (c.user + c.system) / 1000, peakHeap: peak - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "rampart-learn-bench-"));
  const path = join(dir, "audit.jsonl");
  // Generated in a child process, so that this process's peak resident memory is that of the runs.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--generate", path], { stdio: "inherit" });
  if (child.status !== 0) throw new Error(`generating the log failed: exit ${child.status ?? child.signal}`);
  const requests = Number(readFileSync(`${path}.requests`, "utf8"));
  const base: number[] = [];
  const full: number[] = [];
  const baseCpu: number[] = [];
  const fullCpu: number[] = [];
  const readCpu: number[] = [];
  let heapBase = 0;
  let heapFull = 0;
  let summary = "";
  for (let i = 0; i < ROUNDS; i++) {
    const b = await measured(() => parseOnly(path));
    if (b.value !== EVENTS) throw new Error(`baseline read ${b.value} events, expected ${EVENTS}`);
    base.push(b.ms);
    baseCpu.push(b.cpuMs);
    heapBase = Math.max(heapBase, b.peakHeap);
    // Where learn's time goes: reading alone (parse every line, de-duplicate stages, tally requests).
    const r = await measured(() => readAuditLog([path]));
    readCpu.push(r.cpuMs);
    const out = join(dir, `out-${i}`);
    const f = await measured(async () => {
      const r = await learnFromAuditLogs([path]);
      await writeLearnedFiles(out, r.files);
      return r;
    });
    full.push(f.ms);
    fullCpu.push(f.cpuMs);
    heapFull = Math.max(heapFull, f.peakHeap);
    const s = f.value.summary;
    if (!s.replay.exact || s.lines !== EVENTS) throw new Error(`replay not exact or lines ${s.lines} ≠ ${EVENTS}`);
    summary = `${s.requests} requests (${s.allowed} allowed, ${s.forbidden} forbidden), ${s.duplicateStages} repeated stages; ${s.policies} policies, ${s.rules} rules; replay ${s.replay.keptAllowed}/${s.replay.kept} allowed, ${s.replay.forbiddenDenied}/${s.replay.forbidden} denied`;
  }
  rmSync(dir, { recursive: true, force: true });
  const rate = EVENTS / (median(full) / 1000);
  const baseRate = EVENTS / (median(base) / 1000);
  return [
    `log: ${EVENTS} events (lines), ${requests} distinct requests; ${summary}`,
    `baseline (readline + JSON.parse of every line): ${median(base).toFixed(0)} ms, ${Math.round(baseRate).toLocaleString("en")} events/s; peak heap +${mib(heapBase)}`,
    `learn end to end (read, de-duplicate, learn, validate, replay, write YAML): ${median(full).toFixed(0)} ms, ${Math.round(rate).toLocaleString("en")} events/s (target ≥ 100,000: ${rate >= 100_000 ? "met" : "MISSED"}); ${(median(full) / median(base)).toFixed(2)}× the baseline time; peak heap +${mib(heapFull)}`,
    `CPU time (robust to a loaded machine): baseline ${median(baseCpu).toFixed(0)} ms, learn ${median(fullCpu).toFixed(0)} ms — ${(median(fullCpu) / median(baseCpu)).toFixed(2)}× the baseline; ${Math.round(EVENTS / (median(fullCpu) / 1000)).toLocaleString("en")} events per CPU-second`,
    `of which reading the log (parse every line, de-duplicate stages, tally requests): ${median(readCpu).toFixed(0)} ms CPU, ${(median(readCpu) / median(baseCpu)).toFixed(2)}× the baseline; learning, validating, replaying and writing: the rest`,
    `peak memory: ${mib(process.resourceUsage().maxRSS * 1024)} resident for the process running baseline and learn (the log is generated in another); medians of ${ROUNDS} rounds`,
  ];
}

/** Writes the log (exactly EVENTS lines) and, beside it, its number of distinct requests. */
function generate(path: string): void {
  // ~1.5 lines per request: generate enough, then cut at exactly EVENTS lines.
  const { lines } = generateAuditLog({ seed: 42, requests: Math.ceil(EVENTS / 1.4), teams: 20 });
  const cut = lines.slice(0, EVENTS);
  writeFileSync(path, cut.join("\n") + "\n");
  writeFileSync(`${path}.requests`, String(new Set(cut.map((l) => (JSON.parse(l) as { auditID: string }).auditID)).size));
}

if (process.argv[2] === "--generate") generate(process.argv[3]!);
else if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
