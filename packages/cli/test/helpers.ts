import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "@rampart/cli";

/** Runs the CLI in-process with captured output and, optionally, standard input. */
export async function run(args: string[], cwd: string, options: { stdin?: string; color?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    cwd,
    ...(options.stdin !== undefined ? { stdin: async () => options.stdin! } : {}),
    ...(options.color ? { color: true } : {}),
  };
  const code = await main(args, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** A temporary folder holding the given files. */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** An AccessPolicy with a misspelled field at 5:16 (`grup`). */
export const BAD_POLICY =
  "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: x }\nspec:\n  subjects: [{ grup: a }]\n  rules: [{ effect: allow, verbs: [get], resources: [pods] }]\n";
