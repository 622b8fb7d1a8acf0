import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError, type Io } from "./command.js";

/** The name standard input has in diagnostics and in `rampart.dev/source` annotations. */
export const STDIN_NAME = "<stdin>";

/**
 * Runs `load` on standard input saved as a file named `<stdin>` in a private temporary folder
 * (the loaders read files, and name them relative to `cwd`), then removes the folder.
 */
export async function withStdinFile<T>(io: Io, load: (file: string, cwd: string) => Promise<T>): Promise<T> {
  if (!io.stdin) throw new UsageError("`-` reads standard input, but there is none here");
  const text = await io.stdin();
  const dir = await mkdtemp(join(tmpdir(), "rampart-stdin-"));
  try {
    const file = join(dir, STDIN_NAME);
    await writeFile(file, text);
    return await load(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
