// End-to-end tests spawn the built CLI: a dist older than the sources would test yesterday's product.
// `pnpm test` builds first; `pnpm test:unit` does not, so the e2e helpers check freshness before spawning.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "./conformance.js";

const PACKAGES = ["core", "compiler-rbac", "compiler-vap", "compiler-networkpolicy", "cli"];

/** The newest file under `dir` (recursively) and its modification time. */
function newest(dir: string): { file: string; mtime: number } {
  let best = { file: dir, mtime: 0 };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    const candidate = e.isDirectory() ? newest(full) : { file: full, mtime: statSync(full).mtimeMs };
    if (candidate.mtime > best.mtime) best = candidate;
  }
  return best;
}

/** The reason the built packages are missing or older than their sources, else undefined. */
export function staleDist(): string | undefined {
  for (const pkg of PACKAGES) {
    const built = join(REPO_ROOT, "packages", pkg, "dist", pkg === "cli" ? "bin.cjs" : "index.js");
    if (!existsSync(built)) return `${relative(REPO_ROOT, built)} is missing`;
    const src = newest(join(REPO_ROOT, "packages", pkg, "src"));
    if (src.mtime > statSync(built).mtimeMs) return `${relative(REPO_ROOT, built)} is older than ${relative(REPO_ROOT, src.file)}`;
  }
  return undefined;
}

/** Throws, naming the stale file and the fix, when the e2e tests would run against a stale or missing build. */
export function assertDistFresh(): void {
  const reason = staleDist();
  if (reason) throw new Error(`end-to-end tests need a fresh build: ${reason}; run \`pnpm build\` first (\`pnpm test\` does)`);
}
