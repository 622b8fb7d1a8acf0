// Start-up (issue 14 row 4, measurement only): cold `rampart build examples/platform/policies -o <tmp>`,
// the drift check `rampart build … -o examples/platform/out --check` (a fresh build compared with the
// committed tree, and the tree's proof) and `rampart --version`, each a new process, next to a bare
// `node -e 0` start measured in the same run as the baseline (median of 11 runs each, interleaved so
// that machine noise hits all of them alike). Targets: build ≤ 500 ms; --version ≤ 2× bare node.
// Also the bytes of JavaScript the cold build loads (a loader hook counts them: steady on a busy
// machine, where times are not). The binary keeps V8's code cache (Node's own on Node ≥ 22.1, else
// rampart's, src/compile-cache.ts): here in a fresh directory, filled by one untimed run, so that every
// timed run is warm, as every run after a user's first is; the cold build is timed without a cache too
// (`NODE_DISABLE_COMPILE_CACHE=1`, a first run). `RAMPART_BENCH_NODE=/path/to/node` runs it on another Node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.cjs");
const RUNS = 11;
const NODE = process.env.RAMPART_BENCH_NODE ?? process.execPath;
const BUILD = ["build", "examples/platform/policies", "--at", "2026-11-24T00:00:00Z"];
// Sums the sizes of the modules the CommonJS loader (the binary, dist/bin.cjs, and the packages' .cjs
// builds) and the ESM loader read, and counts Node's built-in modules loaded (JavaScript inside the
// node binary, compiled on first use).
const COUNT_BYTES = `data:text/javascript,${encodeURIComponent(`import Module, { register } from "node:module";
import { statSync } from "node:fs";
let bytes = 0;
// (Node 20 loads .cjs files with the .js handler.)
const load = Module._extensions[".js"];
Module._extensions[".js"] = function (module, filename) {
  bytes += statSync(filename).size;
  return load.call(this, module, filename);
};
const { port1, port2 } = new MessageChannel();
port1.on("message", (n) => (bytes += n));
port1.unref();
const builtins = () => process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).length;
process.on("exit", () => process._rawDebug("rampart-bench-bytes " + bytes + " builtins " + builtins()));
register("data:text/javascript," + encodeURIComponent(\`let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) {
  const r = await next(url, context);
  if (r.source != null && url.startsWith("file:")) port.postMessage(r.source.length);
  return r;
}\`), { data: { port: port2 }, transferList: [port2] });`)}`;

function once(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(NODE, args, { cwd: root, encoding: "utf8", env });
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
    const cached = { ...process.env, NODE_COMPILE_CACHE: join(out, "cache") };
    const uncached = { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" };
    once([bin, ...BUILD, "-o", join(out, "warm-up")], cached);
    const samples = { node: [] as number[], version: [] as number[], build: [] as number[], first: [] as number[], check: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      samples.node.push(once(["-e", "0"]));
      samples.version.push(once([bin, "--version"], cached));
      // A fresh output directory per run: every build is a cold first build.
      const dir = join(out, `run-${i}`);
      samples.build.push(once([bin, ...BUILD, "-o", dir], cached));
      samples.first.push(once([bin, ...BUILD, "-o", `${dir}-first`], uncached));
      // Read-only on the committed tree; exits 0 only when it is up to date and proven (as the drift test).
      samples.check.push(once([bin, "build", "examples/platform/policies", "-o", "examples/platform/out", "--check"], cached));
    }
    const loaded = spawnSync(NODE, ["--import", COUNT_BYTES, bin, ...BUILD, "-o", join(out, "bytes")], { cwd: root, encoding: "utf8" });
    if (loaded.status !== 0) throw new Error(`the counted build failed (${loaded.status}): ${loaded.stderr}`);
    const bare = spawnSync(NODE, ["--import", COUNT_BYTES, "-e", "0"], { encoding: "utf8" });
    const [bytes, builtins] = (/rampart-bench-bytes (\d+) builtins (\d+)/.exec(loaded.stderr) ?? []).slice(1).map(Number);
    const bareBuiltins = Number(/builtins (\d+)/.exec(bare.stderr)?.[1]);
    const version = spawnSync(
      NODE,
      [
        "-p",
        "process.version + (typeof require('node:module').enableCompileCache === 'function' ? ', Node\\'s compile cache' : ', rampart\\'s code cache (Node 20)')",
      ],
      { encoding: "utf8" },
    ).stdout.trim();
    const node = stats(samples.node);
    const versionRun = stats(samples.version);
    const build = stats(samples.build);
    const first = stats(samples.first);
    const check = stats(samples.check);
    const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7);
    return [
      `Node ${version}; median of ${RUNS} runs each, interleaved, one new process per run`,
      `node -e 0 (baseline)                    median ${ms(node.median)}  min ${ms(node.min)}`,
      `rampart --version                       median ${ms(versionRun.median)}  min ${ms(versionRun.min)}  = ${(versionRun.median / node.median).toFixed(2)}× bare node  (target ≤ 2×: ${versionRun.median <= 2 * node.median ? "met" : "MISSED"})`,
      `rampart build examples/platform (cold)  median ${ms(build.median)}  min ${ms(build.min)}  = ${(build.median / node.median).toFixed(2)}× bare node  (target ≤ 500 ms: ${build.median <= 500 ? "met" : "MISSED"})`,
      `… without a code cache (a first run)     median ${ms(first.median)}  min ${ms(first.min)}  = ${(first.median / node.median).toFixed(2)}× bare node`,
      `loaded by the cold build                 ${((bytes ?? Number.NaN) / 1024).toFixed(0)} KB of JavaScript, ${builtins} Node built-in modules (bare node ${bareBuiltins})`,
      `rampart build … --check (drift + proof)  median ${ms(check.median)}  min ${ms(check.min)}  = ${(check.median / node.median).toFixed(2)}× bare node`,
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
