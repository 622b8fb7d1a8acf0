import { renderOutput, type MachineFormat, type OutputFinding } from "@rampart/pipeline/output";
import { UsageError, str, type Io, type Parsed } from "./command.js";
import { CLI_VERSION } from "./version.js";

/** The `-o` formats: text for people, json/yaml for programs, sarif/github for CI, junit for `test`. */
export type Format = "text" | "junit" | MachineFormat;

/** The `-o` format among `allowed` (text, json and yaml always); another value is a usage error. */
export function outputFormat(args: Parsed, allowed: readonly Format[] = []): Format {
  const o = str(args, "output") ?? "text";
  const all: Format[] = ["text", "json", "yaml", ...allowed];
  if ((all as string[]).includes(o)) return o as Format;
  throw new UsageError(`unknown output format \`${o}\`; use ${all.map((f) => `\`-o ${f}\``).join(", ")}`);
}

/** Prints a machine-readable result: `data` as JSON or YAML, `findings` as SARIF or GitHub annotations (nothing for text and junit). */
export function printReport(io: Io, format: Format, data: unknown, findings: readonly OutputFinding[]): void {
  if (format !== "text" && format !== "junit") for (const line of renderOutput(format, data, findings, CLI_VERSION)) io.out(line);
}
