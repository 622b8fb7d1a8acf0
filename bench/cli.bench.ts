// Start-up (issue 14 row 4, measurement only): cold `rampart build examples/platform/policies -o <tmp>`,
// the drift check `rampart build … -o examples/platform/out --check` (a fresh build compared with the
// committed tree, and the tree's proof) and `rampart --version`, each a new process, next to a bare
// `node -e 0` start measured in the same run as the baseline (median of 11 runs each, interleaved so
// that machine noise hits all of them alike). Targets: build ≤ 500 ms; --version ≤ 2× bare node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");
const RUNS = 11;

function once(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]! };
};

/** Runs the start-up benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
  const out = mkdtempSync(join(tmpdir(), "rampart-bench-"));
  try {
    const samples = { node: [] as number[], version: [] as number[], build: [] as number[], check: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      samples.node.push(once(["-e", "0"]));
      samples.version.push(once([bin, "--version"]));
      // A fresh output directory per run: every build is a cold first build.
      const dir = join(out, `run-${i}`);
      samples.build.push(once([bin, "build", "examples/platform/policies", "-o", dir, "--at", "2026-11-24T00:00:00Z"]));
      // Read-only on the committed tree; exits 0 only when it is up to date and proven (as the drift test).
      samples.check.push(once([bin, "build", "examples/platform/policies", "-o", "examples/platform/out", "--check"]));
    }
    const node = stats(samples.node);
    const version = stats(samples.version);
    const build = stats(samples.build);
    const check = stats(samples.check);
    const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7);
    return [
      `median of ${RUNS} runs each, interleaved, one new process per run`,
      `node -e 0 (baseline)                    median ${ms(node.median)}  min ${ms(node.min)}`,
      `rampart --version                       median ${ms(version.median)}  min ${ms(version.min)}  = ${(version.median / node.median).toFixed(2)}× bare node  (target ≤ 2×: ${version.median <= 2 * node.median ? "met" : "MISSED"})`,
      `rampart build examples/platform (cold)  median ${ms(build.median)}  min ${ms(build.min)}  = ${(build.median / node.median).toFixed(2)}× bare node  (target ≤ 500 ms: ${build.median <= 500 ? "met" : "MISSED"})`,
      `rampart build … --check (drift + proof)  median ${ms(check.median)}  min ${ms(check.min)}  = ${(check.median / node.median).toFixed(2)}× bare node`,
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
