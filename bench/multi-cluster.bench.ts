// Parallel multi-cluster builds (issue 14): `rampart build` of a 4-cluster fleet (rbac.bench.ts's
// shape 2 per cluster: 1,000 AccessPolicies, 3,000 namespaces and 90,000 object names in each
// cluster's inventory), `--jobs 1` (the baseline: every cluster on the main thread) against
// `--jobs 2` (two worker threads), alternated in fresh processes of the built CLI, same run. Wall
// time, CPU time and the peak resident memory of the whole process (main thread and workers), the
// machine's load average next to them, and a check that both trees are byte-identical.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFleet } from "./fleet-files.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");
const CLUSTERS = 4;
const ROUNDS = Number(process.env.RAMPART_BENCH_ROUNDS ?? 2);
// The process's CPU time and peak resident set (all threads) as it exits, from the main thread only.
const RUSAGE = `data:text/javascript,${encodeURIComponent(`import { isMainThread } from "node:worker_threads";
if (isMainThread) process.on("exit", () => { const r = process.resourceUsage(); process._rawDebug("rampart-bench-rusage " + JSON.stringify(r)); });`)}`;

interface Figures {
  wallMs: number;
  cpuMs: number;
  peakMiB: number;
  digest: string;
}

/** A digest of every file of a tree (paths and contents, in sorted order). */
function treeDigest(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(`${full.slice(dir.length)}\0`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** One `rampart build --jobs N` in a fresh process. */
function once(policies: string, out: string, jobs: number): Figures {
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  const args = ["--import", RUSAGE, bin, "build", policies, "-o", out, "--jobs", String(jobs), "--at", "2026-11-24T00:00:00Z"];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 2 ** 28 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`build --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const usage = JSON.parse(/rampart-bench-rusage (.*)/.exec(r.stderr)![1]!) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
  return { wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakMiB: usage.maxRSS / 1024, digest: treeDigest(out) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "rampart-bench-fleet-"));
  const policies = writeFleet(dir, CLUSTERS);
  const loadBefore = load();
  const runs: Record<1 | 2, Figures[]> = { 1: [], 2: [] };
  for (let i = 0; i < ROUNDS; i++) for (const jobs of [1, 2] as const) runs[jobs].push(once(policies, join(dir, `out-${jobs}`), jobs));
  const loadAfter = load();
  rmSync(dir, { recursive: true, force: true });
  const [one, two] = [runs[1], runs[2]];
  const identical = [...one, ...two].every((f) => f.digest === one[0]!.digest);
  const line = (f: Figures[]) =>
    `${s(mean(f.map((x) => x.wallMs)))} wall, ${s(mean(f.map((x) => x.cpuMs)))} CPU, ${Math.max(...f.map((x) => x.peakMiB)).toFixed(0)} MiB peak`;
  const ratio = (k: "wallMs" | "cpuMs") => (mean(two.map((x) => x[k])) / mean(one.map((x) => x[k]))).toFixed(2);
  return [
    `fleet: ${CLUSTERS} clusters × (1,000 AccessPolicies, 3,000 namespaces, 90,000 object names); ${ROUNDS} alternated rounds each; ${availableParallelism()} cores; load average ${loadBefore} before, ${loadAfter} after`,
    `--jobs 1 (baseline, main thread): ${line(one)} (rounds: ${one.map((x) => s(x.wallMs)).join(", ")})`,
    `--jobs 2 (two worker threads):   ${line(two)} (rounds: ${two.map((x) => s(x.wallMs)).join(", ")})`,
    `--jobs 2 / --jobs 1: ${ratio("wallMs")}× wall, ${ratio("cpuMs")}× CPU, ${(Math.max(...two.map((x) => x.peakMiB)) / Math.max(...one.map((x) => x.peakMiB))).toFixed(2)}× peak memory; trees byte-identical: ${identical ? "yes" : "NO"}`,
  ];
}
