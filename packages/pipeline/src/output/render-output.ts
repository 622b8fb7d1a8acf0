import { stringify } from "yaml";
import type { OutputFinding } from "./finding.js";
import { githubAnnotations } from "./github-annotations.js";
import { sarifLog } from "./sarif.js";

/** The machine-readable output formats: `json` and `yaml` carry a result's data, `sarif` and `github` its findings. */
export type MachineFormat = "json" | "yaml" | "sarif" | "github";

/** A result in a machine-readable format, as the lines to print; `toolVersion` names the tool in SARIF logs. */
export function renderOutput(format: MachineFormat, data: unknown, findings: readonly OutputFinding[], toolVersion: string): string[] {
  if (format === "json") return [JSON.stringify(data, null, 2)];
  if (format === "yaml") return [stringify(data).replace(/\n$/, "")];
  if (format === "sarif") return [JSON.stringify(sarifLog(findings, toolVersion), null, 2)];
  return githubAnnotations(findings);
}
