import { resolve } from "node:path";
import { formatDiagnostic, hasErrors, loadFiles, loadManifests, type Diagnostic, type RampartDocument } from "@rampart/core";
import { UsageError, type Io, type Parsed } from "./command.js";
import { printReport, type Format } from "./output-format.js";
import { paint } from "./colour.js";
import { stdinFor } from "./stdin.js";

/** Prints diagnostics to stderr (text) — `file:line:column: severity: message`, the severity coloured on terminals. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(paint(io, formatDiagnostic(d)));
}

/** Loads documents (`-` reads a YAML stream from standard input); on errors prints every diagnostic and returns undefined (the caller exits 2). */
export async function loadOrReport(io: Io, args: Parsed, paths: readonly string[], format: Format = "text", root?: string): Promise<{ documents: RampartDocument[]; diagnostics: Diagnostic[] } | undefined> {
  if (paths.length === 0) throw new UsageError("give at least one file or directory of policies (or `-` for standard input)");
  const noTypescript = args.values["no-typescript"] === true;
  const stdin = await stdinFor(io, paths);
  // Relative paths in piped documents (a Cluster's inventory) resolve against the working directory, as kubectl's do.
  const options = { noTypescript, ...(stdin !== undefined ? { stdin: { text: stdin, dir: io.cwd } } : {}) };
  // With a root, files are named relative to it (in diagnostics and in what is built from them).
  const result = root === undefined ? await loadFiles(paths, { cwd: io.cwd, ...options }) : await loadFiles(paths.map((p) => (p === "-" ? p : resolve(io.cwd, p))), { cwd: root, ...options });
  if (hasErrors(result.diagnostics)) {
    fail(io, format, result.diagnostics);
    return undefined;
  }
  if (format === "text") printDiagnostics(io, result.diagnostics);
  return result;
}

/** Reads Kubernetes manifests from files and directories; `-` reads a YAML stream from standard input (named `<stdin>`). */
export async function readManifests(io: Io, paths: readonly string[]): ReturnType<typeof loadManifests> {
  const stdin = await stdinFor(io, paths);
  return loadManifests(paths, { cwd: io.cwd, ...(stdin !== undefined ? { stdin } : {}) });
}

/** Prints problems that end a run (exit 2): text on stderr, else `{diagnostics}` (json, yaml) or the CI format on stdout. */
export function fail(io: Io, format: Format, diagnostics: readonly Diagnostic[]): 2 {
  if (format === "text" || format === "junit") printDiagnostics(io, diagnostics);
  else printReport(io, format, { diagnostics }, diagnostics);
  return 2;
}
