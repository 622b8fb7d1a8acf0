import { resolve } from "node:path";
import type { Diagnostic, RampartDocument } from "@rampart/core";
import type { BuildResult } from "./build-policies.js";
import type { VerifyTreeOptions } from "../prove/verify-tree.js";
import { buildCheckSummary, checkBuild, driftFindings, formatBuildCheck } from "./check-build.js";
import { manifestStream } from "./manifest-stream.js";
import { writeTree } from "./write-tree.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { OutputFinding } from "../output/finding.js";

/** What `rampart build` does with a build: print one cluster's manifests (`stdout`), write the tree at `out`, or `check` it. */
export type BuildTarget = { mode: "stdout" } | { mode: "write" | "check"; out: string; cwd: string };

/** A build run as a command prints it: `data` and `findings` for the machine formats; as text, `lines` (stdout) and `notes` (stderr). */
export interface BuildRun {
  status: ExitCode;
  data: object;
  findings: OutputFinding[];
  lines: string[];
  notes: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Runs a successful build's target: prints, writes or checks the tree; `shown` are the diagnostics the command shows. */
export async function runBuild(
  documents: readonly RampartDocument[],
  build: BuildResult,
  target: BuildTarget,
  shown: Diagnostic[],
  options: VerifyTreeOptions = {},
): Promise<BuildRun> {
  if (target.mode === "stdout") return { status: EXIT.ok, data: {}, findings: [], lines: [manifestStream([...build.clusters.values()][0]!.files)], notes: [] };
  const dir = resolve(target.cwd, target.out);
  if (target.mode === "check") {
    const check = await checkBuild(documents, dir, build, options);
    const data = { ok: check.ok, drift: check.drift, diagnostics: shown, clusters: check.proof.clusters };
    const findings = [...shown, ...driftFindings(check.drift, target.out)];
    return { status: check.ok ? EXIT.ok : EXIT.outcome, data, findings, lines: formatBuildCheck(check), notes: buildCheckSummary(check, target.out) };
  }
  await writeTree(dir, build.clusters);
  const [files, names] = [[...build.clusters.values()].reduce((n, c) => n + c.files.size, 0), [...build.clusters.keys()]];
  const note = `wrote ${files} files for ${plural(names.length, "cluster")} (${names.join(", ")}) to ${target.out}`;
  return { status: EXIT.ok, data: { written: files, clusters: names, diagnostics: shown }, findings: shown, lines: [], notes: [note] };
}

/** What `rampart check` reports of a successful build: `data` for the machine formats and the `ok: …` line. */
export function buildSummary(documents: number, build: BuildResult, diagnostics: readonly Diagnostic[]): { data: object; note: string } {
  const clusters = [...build.clusters.keys()];
  const note = `ok: ${plural(documents, "document")} valid; compiled for ${plural(clusters.length, "cluster")} (${clusters.join(", ")})`;
  return { data: { documents, clusters, diagnostics }, note };
}
