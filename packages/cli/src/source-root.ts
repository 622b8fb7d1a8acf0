import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { str, UsageError, type Io, type Parsed } from "./command.js";

/**
 * The folder that the `rampart.dev/source` annotations and report.json name files relative to:
 * `--source-root`, else the git work tree holding the first policy path, else the working
 * directory. Built manifests must not depend on the folder a build ran from, or a GitOps tree
 * would drift between runs.
 */
export function sourceRoot(io: Io, args: Parsed): string {
  const given = str(args, "source-root");
  if (given !== undefined) {
    const dir = resolve(io.cwd, given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`\`--source-root ${given}\` is not a directory`);
    return dir;
  }
  for (let dir = resolve(io.cwd, args.positionals[0] ?? "."); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return resolve(io.cwd);
  }
}
