import { isFilePosition, messageWithHint, type OutputFinding } from "./finding.js";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

// Workflow-command escaping: the message escapes %, CR and LF; property values also `:` and `,`.
const data = (s: string) => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const prop = (s: string) => data(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

/** Findings as GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), one per line. */
export function githubAnnotations(findings: readonly OutputFinding[]): string[] {
  return findings.map((f) => {
    const where = isFilePosition(f)
      ? [`file=${prop(f.file)}`, ...(f.line > 0 ? [`line=${f.line}`] : []), ...(f.line > 0 && f.column > 0 ? [`col=${f.column}`] : [])]
      : [];
    const props = [...where, `title=${prop(`rampart ${f.code}`)}`].join(",");
    return `::${COMMAND[f.severity]} ${props}::${data(messageWithHint(f))}`;
  });
}
