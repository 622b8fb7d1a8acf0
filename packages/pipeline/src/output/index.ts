// @rampart/pipeline/output: the machine-readable output formats, with no dependency but `yaml`,
// so that a program (the CLI's `schema` and `lint`) can print them without loading the pipeline.

/** A result as the lines of a machine-readable format (JSON, YAML, SARIF, GitHub annotations). */
export { renderOutput } from "./render-output.js";
export type { MachineFormat } from "./render-output.js";
/** Findings as one SARIF 2.1.0 log, for code scanning. */
export { sarifLog } from "./sarif.js";
/** Findings as GitHub Actions workflow commands. */
export { githubAnnotations } from "./github-annotations.js";
/** A diagnostic or a finding as the CI formats take it. */
export type { OutputFinding } from "./finding.js";
