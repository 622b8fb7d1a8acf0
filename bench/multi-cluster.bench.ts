// Parallel multi-cluster builds (issue 14): `rampart build` of a 4-cluster fleet (rbac.bench.ts's
// shape 2 per cluster: 1,000 AccessPolicies, 3,000 namespaces and 90,000 object names in each
// cluster's inventory), `--jobs 1` (the baseline: every cluster on the main thread) against
// `--jobs 2` (the main thread and one worker thread), alternated in fresh processes of the built CLI,
// same run; and, where `taskset` exists, `--jobs 1` pinned to one core (what the serial build gains
// from a second core by itself: V8's GC and compiler threads). Wall time, CPU time and the peak
// resident memory of the whole process (main thread and workers), the machine's load average next to
// them, and a check that every tree is byte-identical.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** One `rampart build --jobs N` in a fresh process (with `pin`, on core 0 alone). */
function once(policies: string, out: string, jobs: number, pin = false): Figures {
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  const args = ["--import", RUSAGE, bin, "build", policies, "-o", out, "--jobs", String(jobs), "--at", "2026-11-24T00:00:00Z"];
  const r = pin
    ? spawnSync("taskset", ["-c", "0", process.execPath, ...args], { encoding: "utf8", maxBuffer: 2 ** 28 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 2 ** 28 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`build --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const usage = JSON.parse(/rampart-bench-rusage (.*)/.exec(r.stderr)![1]!) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
  return { wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakMiB: usage.maxRSS / 1024, digest: treeDigest(out) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** Rounds of the one-cluster build (a fresh output folder each: file creation on a shared VM varies run to run). */
const ONE_CLUSTER_ROUNDS = 5;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Every file of a tree: path relative to it → content. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(full.slice(dir.length + 1), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Milliseconds to write the files to a fresh folder with one synchronous call each (the floor of any tree writer). */
function writeAlone(files: Map<string, Buffer>, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const made = new Set<string>();
  for (const [path, content] of files) {
    const folder = dirname(join(dir, path));
    if (!made.has(folder)) (mkdirSync(folder, { recursive: true }), made.add(folder));
    writeFileSync(join(dir, path), content);
  }
  return performance.now() - t;
}

/**
 * `rampart build` of one cluster of the fleet (issue 14's first row: 1,000 policies over 3,000
 * namespaces and 90,000 names, from a fresh process to the tree on disk), next to the same run's
 * writing of its files alone and a bare `node` start.
 */
function oneCluster(dir: string): string[] {
  const policies = writeFleet(join(dir, "one"), 1);
  const builds: Figures[] = [];
  const writes: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < ONE_CLUSTER_ROUNDS; i++) {
    builds.push(once(policies, join(dir, "one-out"), 1));
    writes.push(writeAlone(readTree(join(dir, "one-out")), join(dir, "one-copy")));
    const t = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    bare.push(performance.now() - t);
  }
  const files = readTree(join(dir, "one-out")).size;
  const [build, write, node] = [median(builds.map((b) => b.wallMs)), median(writes), median(bare)];
  return [
    `one cluster (1,000 AccessPolicies, 3,000 namespaces, 90,000 object names), medians of ${ONE_CLUSTER_ROUNDS} rounds: \`rampart build\` ${s(build)} wall (target ≤ 2 s: ${build <= 2000 ? "met" : "MISSED"}), ${s(median(builds.map((b) => b.cpuMs)))} CPU, ${Math.max(...builds.map((b) => b.peakMiB)).toFixed(0)} MiB peak (target ≤ 1,024: ${Math.max(...builds.map((b) => b.peakMiB)) <= 1024 ? "met" : "MISSED"}); ${files.toLocaleString("en")} files`,
    `  baselines, same run: writing those files alone ${s(write)} (the build takes ${(build / write).toFixed(1)}× that; build rounds: ${builds.map((b) => s(b.wallMs)).join(", ")}), a bare \`node -e 0\` ${node.toFixed(0)} ms`,
  ];
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "rampart-bench-fleet-"));
  const single = oneCluster(dir);
  const policies = writeFleet(dir, CLUSTERS);
  const loadBefore = load();
  const pin = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  const runs: Record<1 | 2, Figures[]> = { 1: [], 2: [] };
  const pinned: Figures[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const jobs of [1, 2] as const) runs[jobs].push(once(policies, join(dir, `out-${jobs}`), jobs));
    if (pin) pinned.push(once(policies, join(dir, "out-pinned"), 1, true));
  }
  const loadAfter = load();
  rmSync(dir, { recursive: true, force: true });
  const [one, two] = [runs[1], runs[2]];
  const identical = [...one, ...two, ...pinned].every((f) => f.digest === one[0]!.digest);
  const line = (f: Figures[]) =>
    `${s(mean(f.map((x) => x.wallMs)))} wall, ${s(mean(f.map((x) => x.cpuMs)))} CPU, ${Math.max(...f.map((x) => x.peakMiB)).toFixed(0)} MiB peak`;
  const ratio = (k: "wallMs" | "cpuMs") => (mean(two.map((x) => x[k])) / mean(one.map((x) => x[k]))).toFixed(2);
  return [
    ...single,
    `fleet: ${CLUSTERS} clusters × (1,000 AccessPolicies, 3,000 namespaces, 90,000 object names); ${ROUNDS} alternated rounds each; ${availableParallelism()} cores; load average ${loadBefore} before, ${loadAfter} after`,
    `--jobs 1 (baseline, main thread): ${line(one)} (rounds: ${one.map((x) => s(x.wallMs)).join(", ")})`,
    `--jobs 2 (main thread + 1 worker): ${line(two)} (rounds: ${two.map((x) => s(x.wallMs)).join(", ")})`,
    `--jobs 2 / --jobs 1: ${ratio("wallMs")}× wall, ${ratio("cpuMs")}× CPU, ${(Math.max(...two.map((x) => x.peakMiB)) / Math.max(...one.map((x) => x.peakMiB))).toFixed(2)}× peak memory; trees byte-identical: ${identical ? "yes" : "NO"}`,
    pin
      ? `--jobs 1 on one core (taskset -c 0): ${line(pinned)}; --jobs 1 on ${availableParallelism()} cores takes ${(mean(one.map((x) => x.wallMs)) / mean(pinned.map((x) => x.wallMs))).toFixed(2)}× its wall time, --jobs 2 ${(mean(two.map((x) => x.wallMs)) / mean(pinned.map((x) => x.wallMs))).toFixed(2)}×`
      : "--jobs 1 on one core: not measured (no `taskset`)",
  ];
}
