import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LoadResult } from "./accept.js";
import { loadFiles } from "./load-files.js";

/** Options of `loadPolicies`. */
export interface LoadPoliciesOptions {
  /** The folder relative paths start from. */
  cwd: string;
  /** Name files relative to this folder (in diagnostics and in what is built from them) instead of `cwd`; see `sourceRoot`. */
  root?: string | undefined;
  /** The text the path `-` stands for (standard input, read by the caller). */
  stdin?: string | undefined;
  /** Refuse `.ts` modules instead of running them (policies from untrusted pull requests). */
  noTypescript?: boolean;
}

/** Loads policy files and directories as every command does: `-` is `stdin`, files are named relative to `root` when given. */
export async function loadPolicies(paths: readonly string[], options: LoadPoliciesOptions): Promise<LoadResult> {
  const { cwd, root, stdin } = options;
  // Relative paths in piped documents (a Cluster's inventory) resolve against the working directory, as kubectl's do.
  const load = { noTypescript: options.noTypescript ?? false, ...(stdin !== undefined ? { stdin: { text: stdin, dir: cwd } } : {}) };
  if (root === undefined) return loadFiles(paths, { cwd, ...load });
  return loadFiles(
    paths.map((p) => (p === "-" ? p : resolve(cwd, p))),
    { cwd: root, ...load },
  );
}

/**
 * The folder that the `rampart.dev/source` annotations and report.json name files relative to:
 * `given` (undefined when it is not a directory), else the git work tree holding `firstPath`, else
 * `cwd`. Built manifests must not depend on the folder a build ran from, or a GitOps tree would
 * drift between runs.
 */
export function sourceRoot(cwd: string, firstPath: string, given?: string): string | undefined {
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
  }
  for (let dir = resolve(cwd, firstPath); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}
