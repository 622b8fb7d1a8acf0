// A log for the parsing workers: large enough for several chunks, with every kind of bad line at
// known line numbers (the oracle of the warnings), CRLF, non-ASCII text, blank lines, a line longer
// than a chunk and a last line without its newline.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { generateAuditLog, random } from "./audit-generator.js";
import { tempDir } from "./learn-helpers.js";

/** The built worker script (tests run the sources, which find none beside them). */
export function builtWorker(): string {
  const path = join(REPO_ROOT, "packages/pipeline/dist/learn-worker.js");
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
  return path;
}

const event = (user: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    auditID: `x-${user}-${Object.keys(extra).length}`,
    stage: "ResponseComplete",
    verb: "get",
    user: { username: user, groups: ["system:authenticated"] },
    objectRef: { resource: "configmaps", namespace: "team-0", name: "settings" },
    responseStatus: { code: 200 },
    requestReceivedTimestamp: "2026-11-30T01:00:00.000Z",
    ...extra,
  });

/** Lines inserted into the generated log; `bad` ones are skipped with a warning, the others are read. */
const INSERTS: { line: string; bad: boolean }[] = [
  { line: "", bad: false },
  { line: "   \t", bad: false },
  { line: "[1, 2]", bad: true },
  { line: '"a string"', bad: true },
  { line: '{"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"get"}', bad: true },
  { line: '{"kind":"Event","apiVersion":"audit.k8s.io/v1beta1"}', bad: true },
  { line: '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p"}}', bad: true },
  { line: `${event("zoë@例え.jp")}\r`, bad: false },
  { line: event("ünïcødé", { annotations: { note: "ß→∑" } }), bad: false },
  { line: '{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"cut', bad: true },
  // Longer than a 1 MiB read: the reader must grow its buffer.
  { line: event("long-line", { annotations: { pad: "x".repeat(1_500_000) } }), bad: false },
];

/** A log written to a file: its path, and the line numbers (1-based) of the lines that must be skipped. */
export interface WorkersLog {
  path: string;
  badLines: number[];
}

/** Writes a log of about `requests` × 600 bytes, with INSERTS (each twice) at random places; the last line is cut. */
export function workersLog(seed: number, requests: number): WorkersLog {
  const rand = random(seed);
  const { lines, stats } = generateAuditLog({ seed, requests, malformed: true });
  const bad = new Set(stats.malformed.map(([line]) => line));
  const marked = lines.map((line, i) => ({ line, bad: bad.has(i + 1) }));
  for (const insert of [...INSERTS, ...INSERTS]) marked.splice(Math.floor(rand() * marked.length), 0, insert);
  const text = marked.map((m) => m.line).join("\n");
  const path = join(tempDir(), "audit.jsonl");
  // No newline after the last line: a rotated log cut mid-write.
  writeFileSync(path, text);
  return { path, badLines: marked.flatMap((m, i) => (m.bad ? [i + 1] : [])) };
}
