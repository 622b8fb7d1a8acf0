import { CLI_VERSION } from "./version.js";
import type { Finding } from "./output-format.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** A place SARIF can name: a file path (`<command line>` and the like are not URIs). */
const isFile = (f: Finding) => f.file !== "" && !/^<.*>$/.test(f.file);

/** Findings as one SARIF 2.1.0 log (one run of the `rampart` tool, one rule per diagnostic code), for code scanning. */
export function sarifLog(findings: readonly Finding[]): object {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "rampart", version: CLI_VERSION, informationUri: "https://github.com/rampart-dev/rampart", rules: codes.map((id) => ({ id, shortDescription: { text: id } })) } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: LEVEL[f.severity],
          message: { text: f.hint ? `${f.message} (${f.hint})` : f.message },
          ...(isFile(f)
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file.replaceAll("\\", "/")) }, ...(f.line > 0 ? { region: { startLine: f.line, ...(f.column > 0 ? { startColumn: f.column } : {}) } } : {}) } }] }
            : {}),
        })),
      },
    ],
  };
}
