import { isFilePosition, messageWithHint, type OutputFinding } from "./finding.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** The SARIF location of a finding in a file, with its line and column where known. */
function location(f: OutputFinding): object {
  const region = f.line > 0 ? { region: { startLine: f.line, ...(f.column > 0 ? { startColumn: f.column } : {}) } } : {};
  return { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file.replaceAll("\\", "/")) }, ...region } }] };
}

/** Findings as one SARIF 2.1.0 log (one run of the `rampart` tool at `toolVersion`, one rule per diagnostic code), for code scanning. */
export function sarifLog(findings: readonly OutputFinding[], toolVersion: string): object {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "rampart",
            version: toolVersion,
            informationUri: "https://github.com/rampart-dev/rampart",
            rules: codes.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: LEVEL[f.severity],
          message: { text: messageWithHint(f) },
          ...(isFilePosition(f) ? location(f) : {}),
        })),
      },
    ],
  };
}
