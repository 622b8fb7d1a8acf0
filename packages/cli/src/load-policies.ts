import { resolve } from "node:path";
import { formatDiagnostic, hasErrors, loadFiles, type Diagnostic, type RampartDocument } from "@rampart/core";
import { UsageError, type Io } from "./command.js";

/** Prints diagnostics to stderr (text) — `file:line:column: severity: message`. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

/** Loads documents; on errors prints every diagnostic and returns undefined (the caller exits 2). */
export async function loadOrReport(io: Io, paths: readonly string[], json = false, root?: string): Promise<{ documents: RampartDocument[]; diagnostics: Diagnostic[] } | undefined> {
  if (paths.length === 0) throw new UsageError("give at least one file or directory of policies");
  // With a root, files are named relative to it (in diagnostics and in what is built from them).
  const result = root === undefined ? await loadFiles(paths, { cwd: io.cwd }) : await loadFiles(paths.map((p) => resolve(io.cwd, p)), { cwd: root });
  if (hasErrors(result.diagnostics)) {
    if (json) io.out(JSON.stringify({ diagnostics: result.diagnostics }, null, 2));
    else printDiagnostics(io, result.diagnostics);
    return undefined;
  }
  if (!json) printDiagnostics(io, result.diagnostics);
  return result;
}

/** Prints problems that end a run (exit 2): text on stderr, or `{diagnostics}` on stdout with `-o json`. */
export function fail(io: Io, json: boolean, diagnostics: readonly Diagnostic[]): 2 {
  if (json) io.out(JSON.stringify({ diagnostics }, null, 2));
  else printDiagnostics(io, diagnostics);
  return 2;
}
