import { stringify } from "yaml";
import type { Diagnostic } from "@rampart/core";
import { UsageError, str, type Io, type Parsed } from "./command.js";
import { githubAnnotations } from "./github-annotations.js";
import { sarifLog } from "./sarif.js";

/** The `-o` formats: text for people, json/yaml for programs, sarif/github for CI, junit for `test`. */
export type Format = "text" | "json" | "yaml" | "sarif" | "github" | "junit";

/** A diagnostic or a finding as the CI formats take it. */
export type Finding = Pick<Diagnostic, "code" | "severity" | "message" | "file" | "line" | "column"> & { hint?: string | undefined };

/** The `-o` format among `allowed` (text, json and yaml always); another value is a usage error. */
export function outputFormat(args: Parsed, allowed: readonly Format[] = []): Format {
  const o = str(args, "output") ?? "text";
  const all: Format[] = ["text", "json", "yaml", ...allowed];
  if ((all as string[]).includes(o)) return o as Format;
  throw new UsageError(`unknown output format \`${o}\`; use ${all.map((f) => `\`-o ${f}\``).join(", ")}`);
}

/** Prints a machine-readable result: `data` as JSON or YAML, `findings` as SARIF or GitHub annotations. */
export function printReport(io: Io, format: Format, data: unknown, findings: readonly Finding[]): void {
  if (format === "json") io.out(JSON.stringify(data, null, 2));
  else if (format === "yaml") io.out(stringify(data).replace(/\n$/, ""));
  else if (format === "sarif") io.out(JSON.stringify(sarifLog(findings), null, 2));
  else if (format === "github") for (const line of githubAnnotations(findings)) io.out(line);
}
