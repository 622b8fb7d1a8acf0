import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { diagnostic, parseRequest, type AccessRequest, type Diagnostic, type SourcePosition } from "@rampart/core";

/** A request and where it was written (a line of a batch, or the command line). */
export interface PositionedRequest {
  request: AccessRequest;
  at: SourcePosition;
}

/** Requests to decide, and the problems reading them (a bad line is a diagnostic, never skipped silently). */
export interface RequestBatch {
  requests: PositionedRequest[];
  diagnostics: Diagnostic[];
}

/** The position of a request given by flags. */
export const COMMAND_LINE: SourcePosition = { file: "<command line>", line: 0, column: 0 };

/** The name standard input has in diagnostics. */
const STDIN_NAME = "<stdin>";

/** Parses a JSONL batch of requests, one per line (blank lines skipped); every bad line becomes a diagnostic at it. */
export function parseRequestBatch(text: string, file: string): RequestBatch {
  const batch: RequestBatch = { requests: [], diagnostics: [] };
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const at = { file, line: i + 1, column: 1 };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      batch.diagnostics.push(diagnostic("invalid-json", "error", `invalid JSON: ${(error as Error).message.toLowerCase()}`, at));
      return;
    }
    const parsed = parseRequest(raw);
    if ("error" in parsed) batch.diagnostics.push(diagnostic("invalid-request", "error", parsed.error, at));
    else batch.requests.push({ request: parsed.request, at });
  });
  return batch;
}

/** Reads and parses a JSONL batch file; `-` is `options.stdin` (the caller reads standard input), named `<stdin>`. */
export async function readRequestBatch(path: string, options: { cwd: string; stdin?: string | undefined }): Promise<RequestBatch> {
  const text = path === "-" ? options.stdin : await readFile(resolve(options.cwd, path), "utf8").catch(() => undefined);
  const file = path === "-" ? STDIN_NAME : path;
  if (text === undefined)
    return { requests: [], diagnostics: [diagnostic("file-not-found", "error", `cannot read requests file \`${file}\``, { file, line: 0, column: 0 })] };
  return parseRequestBatch(text, file);
}
