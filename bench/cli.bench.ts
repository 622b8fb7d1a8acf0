// Cold `rampart build examples/platform/policies` in a new process (target ≤ 1 s wall), against
// a bare `node -e ""` start measured in the same run as the baseline.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");

function time(args: string[], runs: number): { median: number; min: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    samples.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, min: samples[0]! };
}

/** Runs the cold-start benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), "rampart-bench-"));
  try {
    const baseline = time(["-e", ""], 7);
    const build = time([bin, "build", "examples/platform/policies", "-o", out, "--at", "2026-11-24T00:00:00Z"], 7);
    return [
      `node -e "" (baseline)                     median ${baseline.median.toFixed(0)} ms  min ${baseline.min.toFixed(0)} ms`,
      `rampart build examples/platform (cold)    median ${build.median.toFixed(0)} ms  min ${build.min.toFixed(0)} ms  = ${(build.median / baseline.median).toFixed(1)}× a bare node start  (target ≤ 1000 ms: ${build.median <= 1000 ? "met" : "MISSED"})`,
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
