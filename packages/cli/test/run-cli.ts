import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { assertDistFresh } from "../../../test-support/dist-fresh.js";

// Fail the e2e files at once, with the fix, when dist is missing or older than the sources (`pnpm test:unit` does not build).
assertDistFresh();

/** The built CLI binary the end-to-end tests spawn (the package's `bin`). */
export const BIN = join(REPO_ROOT, "packages/cli/dist/bin.cjs");

/** Spawns the built `rampart` binary and returns its exit code and output. */
export function rampart(args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
