// Start-up cost of the CLI against bare Node, in the same run: median wall time of N spawns each.
// usage: node packages/cli/scripts/startup-time.mjs [runs=15]   (run after `pnpm build`, from the repo root)
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[2] ?? 15);
const bin = "packages/cli/dist/bin.cjs";
const cases = [
  ["node -e 0", ["-e", "0"]],
  ["rampart --version", [bin, "--version"]],
  ["rampart --help", [bin, "--help"]],
  [
    "rampart build examples/platform/policies -o <tmp>",
    () => [bin, "build", "examples/platform/policies", "-o", mkdtempSync(join(tmpdir(), "rampart-start-"))],
  ],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const times = new Map(cases.map(([name]) => [name, []]));
// Interleaved rounds, so load on the machine hits every case alike.
for (let i = 0; i < runs; i++) {
  for (const [name, args] of cases) {
    const argv = typeof args === "function" ? args() : args;
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    times.get(name).push(ms);
  }
}
const base = median(times.get("node -e 0"));
for (const [name, xs] of times)
  console.log(`${name.padEnd(52)} median ${median(xs).toFixed(1).padStart(7)} ms  ×${(median(xs) / base).toFixed(2)} of node -e 0  (n=${xs.length})`);
