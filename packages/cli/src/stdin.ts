import { UsageError, type Io } from "./command.js";

/** The name standard input has in diagnostics and in `rampart.dev/source` annotations. */
export const STDIN_NAME = "<stdin>";

/** Standard input, read whole when a path is `-` (else undefined); no standard input to read is a usage error. */
export async function stdinFor(io: Io, paths: readonly string[]): Promise<string | undefined> {
  if (!paths.includes("-")) return undefined;
  if (!io.stdin) throw new UsageError("`-` reads standard input, but there is none here");
  return io.stdin();
}
