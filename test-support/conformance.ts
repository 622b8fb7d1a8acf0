import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The conformance corpora: RAMPART_CONFORMANCE_DIR when set (a test points it at an empty folder),
 * else `../shared/conformance` beside the clone (present in CI, maybe absent elsewhere).
 */
export const CONFORMANCE_DIR = process.env.RAMPART_CONFORMANCE_DIR ? resolve(process.env.RAMPART_CONFORMANCE_DIR) : resolve(REPO_ROOT, "../shared/conformance");

/** A path inside the conformance corpora. */
export function conformancePath(...parts: string[]): string {
  return join(CONFORMANCE_DIR, ...parts);
}

/** True when the corpus folder exists. */
export function hasConformance(...parts: string[]): boolean {
  return existsSync(conformancePath(...parts));
}

/**
 * `describe` for a suite that needs a corpus. When the corpus is missing, `fn` is never called (vitest
 * runs even a skipped describe's body while collecting, and the body may list or read the corpus):
 * the suite shows as one skipped test that names the missing folder, and a notice is printed.
 */
export function describeConformance(corpus: string, name: string, fn: () => void): void {
  if (hasConformance(corpus)) {
    describe(name, fn);
    return;
  }
  const notice = `skipped: conformance corpus ${conformancePath(corpus)} not found`;
  console.warn(`[conformance] "${name}" ${notice}`);
  describe(name, () => {
    it.skip(notice, () => {});
  });
}
