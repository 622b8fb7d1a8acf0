// rampart learn end to end on a 200,000-event audit log (synthetic: deployers, controllers, people,
// forbidden requests, several stages per request): read + de-duplicate + learn + validate + replay
// + write YAML, with its default of two parsing workers for a log this large, and on the main
// thread alone (`workers: 0`). Baseline in the same run, alternated with both: reading the same
// file line by line and JSON.parse of every line on one thread (the floor any streaming reader
// pays). Target ≥ 100,000 events/s. CPU time is per thread (Linux /proc), workers included.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
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

/** CPU milliseconds of each live thread of this process (/proc; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    // Threads end while being read, or no /proc: the figures then miss them.
  }
  return out;
}

interface Measure<T> {
  ms: number;
  cpuMs: number;
  /** CPU of the main thread, and of the threads started during the run (parsing workers, ended by then). */
  mainCpuMs: number;
  newThreadsCpuMs: number;
  peakHeap: number;
  peakRss: number;
  value: T;
}

/** Runs `f`, sampling the heap, the resident set and the threads' CPU every 5 ms. */
async function measured<T>(f: () => Promise<T>): Promise<Measure<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  const before = threadCpu();
  const last = new Map(before);
  let peak = start.heapUsed;
  let peakRss = start.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
    for (const [tid, ms] of threadCpu()) last.set(tid, ms);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  clearInterval(timer);
  sample();
  const main = String(process.pid);
  let newThreadsCpuMs = 0;
  for (const [tid, cpu] of last) if (!before.has(tid) && tid !== main) newThreadsCpuMs += cpu;
  const mainCpuMs = (last.get(main) ?? 0) - (before.get(main) ?? 0);
  return { ms, cpuMs: (c.user + c.system) / 1000, mainCpuMs, newThreadsCpuMs, peakHeap: peak - start.heapUsed, peakRss: peakRss - start.rss, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString("en");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** One learn run end to end, writing the YAML; checks the replay. */
async function learnRun(path: string, out: string, workers: number | undefined) {
  return measured(async () => {
    const r = await learnFromAuditLogs([path], workers === undefined ? {} : { workers });
    await writeLearnedFiles(out, r.files);
    const s = r.summary;
    if (!s.replay.exact || s.lines !== EVENTS) throw new Error(`replay not exact or lines ${s.lines} ≠ ${EVENTS}`);
    return r;
  });
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "rampart-learn-bench-"));
  const path = join(dir, "audit.jsonl");
  // Generated in a child process, so that this process's peak resident memory is that of the runs.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--generate", path], { stdio: "inherit" });
  if (child.status !== 0) throw new Error(`generating the log failed: exit ${child.status ?? child.signal}`);
  const requests = Number(readFileSync(`${path}.requests`, "utf8"));
  const loadBefore = load();
  const runs: Record<"base" | "full" | "single" | "read", Measure<unknown>[]> = { base: [], full: [], single: [], read: [] };
  let summary = "";
  let workers = 0;
  let outputsEqual = true;
  for (let i = 0; i < ROUNDS; i++) {
    const b = await measured(() => parseOnly(path));
    if (b.value !== EVENTS) throw new Error(`baseline read ${b.value} events, expected ${EVENTS}`);
    runs.base.push(b);
    // Where learn's time goes: reading alone (parse every line, de-duplicate stages, tally requests).
    const r = await measured(() => readAuditLog([path]));
    workers = r.value.workers;
    runs.read.push(r);
    const f = await learnRun(path, join(dir, `out-${i}`), undefined);
    runs.full.push(f);
    const one = await learnRun(path, join(dir, `out-single-${i}`), 0);
    runs.single.push(one);
    outputsEqual &&= JSON.stringify(one.value.files) === JSON.stringify(f.value.files);
    const s = f.value.summary;
    summary = `${s.requests} requests (${s.allowed} allowed, ${s.forbidden} forbidden), ${s.duplicateStages} repeated stages; ${s.policies} policies, ${s.rules} rules; replay ${s.replay.keptAllowed}/${s.replay.kept} allowed, ${s.replay.forbiddenDenied}/${s.replay.forbidden} denied`;
  }
  rmSync(dir, { recursive: true, force: true });
  const m = (k: keyof typeof runs, f: (x: Measure<unknown>) => number) => median(runs[k].map(f));
  const [base, full, single] = [m("base", (x) => x.ms), m("full", (x) => x.ms), m("single", (x) => x.ms)];
  const cpu = (k: keyof typeof runs) =>
    `${m(k, (x) => x.cpuMs).toFixed(0)} ms (main thread ${m(k, (x) => x.mainCpuMs).toFixed(0)}, parsing workers ${m(k, (x) => x.newThreadsCpuMs).toFixed(0)}, the rest V8's GC and compiler threads)`;
  const heap = (k: keyof typeof runs) =>
    `peak heap +${mib(Math.max(...runs[k].map((x) => x.peakHeap)))} (main thread), resident +${mib(Math.max(...runs[k].map((x) => x.peakRss)))} (all threads)`;
  return [
    `log: ${EVENTS} events (lines), ${requests} distinct requests; ${summary}`,
    `load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}`,
    `baseline (readline + JSON.parse of every line, one thread): ${base.toFixed(0)} ms, ${rate(base)} events/s; ${heap("base")}`,
    `learn end to end, ${workers} parsing workers (read, de-duplicate, learn, validate, replay, write YAML): ${full.toFixed(0)} ms, ${rate(full)} events/s (target ≥ 100,000: ${EVENTS / (full / 1000) >= 100_000 ? "met" : "MISSED"}); ${(full / base).toFixed(2)}× the baseline time; ${heap("full")}`,
    `learn end to end on the main thread alone (workers: 0): ${single.toFixed(0)} ms, ${rate(single)} events/s; ${(single / base).toFixed(2)}× the baseline time; ${(single / full).toFixed(2)}× the time with workers; ${heap("single")}; output ${outputsEqual ? "identical" : "DIFFERENT"}`,
    `CPU time: baseline ${cpu("base")}; learn with workers ${cpu("full")}; learn alone ${cpu("single")}`,
    `of which reading the log with workers (parse, de-duplicate stages, tally requests): ${m("read", (x) => x.ms).toFixed(0)} ms, CPU ${cpu("read")}`,
    `peak memory: ${mib(process.resourceUsage().maxRSS * 1024)} resident for the process running all of the above (the log is generated in another); medians of ${ROUNDS} rounds`,
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
