// `pnpm bench [name…]`: runs every bench/*.bench.ts (or the named ones) in one process each
// after the other and prints their figures. Each file exports `run(): Promise<string[]>`.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cpus } from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

console.log(`rampart benchmarks — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
for (const file of files) {
  console.log(`\n## ${file.replace(".bench.ts", "")}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<string[]> };
  if (typeof mod.run !== "function") {
    console.log("  (no run() export)");
    continue;
  }
  for (const line of await mod.run()) console.log(`  ${line}`);
}
