import { formatDiagnostic, hasErrors, loadManifests, loadPolicies, sourceRoot, type Diagnostic, type LoadResult } from "@rampart/core";
import { EXIT } from "@rampart/pipeline/exit-codes";
import { Exit, str, UsageError, type Io, type Parsed } from "./command.js";
import { printReport, type Format } from "./output-format.js";
import { paint } from "./colour.js";

/** Prints diagnostics to stderr (text) — `file:line:column: severity: message`, the severity coloured on terminals. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(paint(io, formatDiagnostic(d)));
}

/** Standard input, read whole when a path is `-` (else undefined); no standard input to read is a usage error. */
export async function stdinFor(io: Io, paths: readonly string[]): Promise<string | undefined> {
  if (!paths.includes("-")) return undefined;
  if (!io.stdin) throw new UsageError("`-` reads standard input, but there is none here");
  return io.stdin();
}

/** The folder sources are named relative to (`--source-root`, else the git work tree, else the working directory); see `sourceRoot`. */
export function sourceRootOption(io: Io, args: Parsed): string {
  const root = sourceRoot(io.cwd, args.positionals[0] ?? ".", str(args, "source-root"));
  if (root === undefined) throw new UsageError(`\`--source-root ${str(args, "source-root")}\` is not a directory`);
  return root;
}

/** Loads documents (`-` reads a YAML stream from standard input); on errors prints every diagnostic and ends the run (exit 2). */
export async function loadOrReport(io: Io, args: Parsed, paths: readonly string[], format: Format = "text", root?: string): Promise<LoadResult> {
  if (paths.length === 0) throw new UsageError("give at least one file or directory of policies (or `-` for standard input)");
  const result = await loadPolicies(paths, { cwd: io.cwd, root, stdin: await stdinFor(io, paths), noTypescript: args.values["no-typescript"] === true });
  if (hasErrors(result.diagnostics)) throw new Exit(fail(io, format, result.diagnostics));
  if (format === "text") printDiagnostics(io, result.diagnostics);
  return result;
}

/** Reads Kubernetes manifests from files and directories; `-` reads a YAML stream from standard input (named `<stdin>`). */
export async function readManifests(io: Io, paths: readonly string[]): ReturnType<typeof loadManifests> {
  const stdin = await stdinFor(io, paths);
  return loadManifests(paths, { cwd: io.cwd, ...(stdin !== undefined ? { stdin } : {}) });
}

/** Prints problems that end a run (exit 2): text on stderr, else `{diagnostics}` (json, yaml) or the CI format on stdout. */
export function fail(io: Io, format: Format, diagnostics: readonly Diagnostic[]): typeof EXIT.invalid {
  if (format === "text" || format === "junit") printDiagnostics(io, diagnostics);
  else printReport(io, format, { diagnostics }, diagnostics);
  return EXIT.invalid;
}
