import type { DiagnosticCode } from "./diagnostic-code.js";

/** Severity of a diagnostic: errors make a run fail with exit code 2. */
export type Severity = "error" | "warning" | "info";

/** A position in a source file (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One problem found while loading, validating or compiling; data, never thrown. */
export interface Diagnostic extends SourcePosition {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
}

/** Builds a diagnostic at a position; `hint` is omitted when undefined. */
export function diagnostic(code: DiagnosticCode, severity: Severity, message: string, at: SourcePosition, hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity, message, file: at.file, line: at.line, column: at.column };
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Formats a diagnostic as `file:line:column: severity: message (hint)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${d.hint})` : "";
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${hint} [${d.code}]`;
}

/** Sorts diagnostics by file, line, column and code, for stable output. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
