import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** `../shared/conformance`, beside the clone (present in CI, maybe absent elsewhere). */
export const CONFORMANCE_DIR = resolve(REPO_ROOT, "../shared/conformance");

/** A path inside the conformance corpora. */
export function conformancePath(...parts: string[]): string {
  return join(CONFORMANCE_DIR, ...parts);
}

/** True when the corpus folder exists. */
export function hasConformance(...parts: string[]): boolean {
  return existsSync(conformancePath(...parts));
}

/**
 * `describe` for a suite that needs a corpus: skipped with a visible notice when the corpus
 * is missing (a clone without ../shared must still pass).
 */
export function describeConformance(corpus: string, name: string, fn: () => void): void {
  if (hasConformance(corpus)) {
    describe(name, fn);
  } else {
    console.warn(`[conformance] skipping "${name}": ${conformancePath(corpus)} not found`);
    describe.skip(`${name} (skipped: ../shared/conformance/${corpus} not found)`, fn);
  }
}
