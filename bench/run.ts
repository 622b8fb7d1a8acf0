// `pnpm bench [name…]`: runs every bench/*.bench.ts (or the named ones), each in a fresh Node
// process one after the other (so that one benchmark's heap, JIT state and peak resident memory do
// not leak into the next one's figures), and prints their figures. Each file exports
// `run(): Promise<string[]>`; `node --import jiti/register bench/run.ts --one FILE` runs one in-process.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === "--one") {
  const mod = (await import(pathToFileURL(join(here, args[1]!)).href)) as { run?: () => Promise<string[]> };
  if (typeof mod.run !== "function") console.log("  (no run() export)");
  else for (const line of await mod.run()) console.log(`  ${line}`);
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => args.length === 0 || args.some((w) => f.startsWith(w)))
    .sort();
  console.log(`rampart benchmarks — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  let failed = false;
  for (const file of files) {
    console.log(`\n## ${file.replace(".bench.ts", "")}`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--one", file], { stdio: "inherit" });
    if (child.status !== 0) {
      console.log(`  (failed: exit ${child.status ?? child.signal})`);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}
