import { renderOutput, type MachineFormat, type OutputFinding } from "@rampart/pipeline/output";
import { formatDiagnostic, type Diagnostic } from "@rampart/core";
import { UsageError, str, type Io, type Parsed } from "./command.js";
import { paint } from "./colour.js";
import { CLI_VERSION } from "./version.js";

/** The `-o` formats: text for people, json/yaml for programs, sarif/github for CI, junit for `test`. */
export type Format = "text" | "junit" | "markdown" | MachineFormat;

/** The `-o` format among `allowed` (text, json and yaml always); another value is a usage error. */
export function outputFormat(args: Parsed, allowed: readonly Format[] = []): Format {
  const o = str(args, "output") ?? "text";
  const all: Format[] = ["text", "json", "yaml", ...allowed];
  if ((all as string[]).includes(o)) return o as Format;
  throw new UsageError(`unknown output format \`${o}\`; use ${all.map((f) => `\`-o ${f}\``).join(", ")}`);
}

/** Prints a machine-readable result: `data` as JSON or YAML, `findings` as SARIF or GitHub annotations (nothing for text, junit and markdown). */
export function printReport(io: Io, format: Format, data: unknown, findings: readonly OutputFinding[]): void {
  if (format !== "text" && format !== "junit" && format !== "markdown") for (const line of renderOutput(format, data, findings, CLI_VERSION)) io.out(line);
}

/** A command's result: `data` and `findings` for the machine formats; as text, `diagnostics` and `notes` on stderr, `lines` on stdout. */
export interface Result {
  data: unknown;
  findings?: readonly OutputFinding[];
  diagnostics?: readonly Diagnostic[];
  lines?: Iterable<string>;
  notes?: Iterable<string>;
}

/** Prints a command's result in `format` and returns its exit code. */
export function printResult(io: Io, format: Format, result: Result, code: number): number {
  if (format !== "text" && format !== "markdown") printReport(io, format, result.data, result.findings ?? []);
  else {
    for (const d of result.diagnostics ?? []) io.err(paint(io, formatDiagnostic(d)));
    for (const line of result.lines ?? []) io.out(line);
    for (const line of result.notes ?? []) io.err(line);
  }
  return code;
}
