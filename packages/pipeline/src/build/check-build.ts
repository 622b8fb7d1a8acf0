import type { RampartDocument } from "@rampart/core";
import type { OutputFinding } from "../output/finding.js";
import { formatVerdict } from "../prove/format-verdict.js";
import { verifyTree, type VerifyResult, type VerifyTreeOptions } from "../prove/verify-tree.js";
import type { BuildResult } from "./build-policies.js";
import { checkTree, type TreeDiff } from "./write-tree.js";

/** The outcome of `checkBuild`: `ok` when the tree has no drift and over-grants nothing. */
export interface CheckBuildResult {
  ok: boolean;
  /** Files a fresh build would add, change or remove. */
  drift: TreeDiff;
  /** The proof of every manifest in the tree, hand-added files included. */
  proof: VerifyResult;
}

const DRIFT_LABELS = ["added", "changed", "removed"] as const;

/** How many files differ from a fresh build. */
export function driftCount(drift: TreeDiff): number {
  return drift.added.length + drift.changed.length + drift.removed.length;
}

/**
 * Checks a built tree on disk against a fresh build (`rampart build --check`): drift, and the
 * proof of the whole tree. Hand-added files are not drift, but `kubectl apply -R` applies them,
 * so every manifest in the tree is proven.
 */
export async function checkBuild(
  documents: readonly RampartDocument[],
  dir: string,
  build: BuildResult,
  options: VerifyTreeOptions = {},
): Promise<CheckBuildResult> {
  const drift = await checkTree(dir, build.clusters);
  const proof = await verifyTree(documents, dir, options);
  return { ok: driftCount(drift) === 0 && proof.ok, drift, proof };
}

/** Each drifted file as an error finding, named `<label>/<file>` (`label`: how the tree's folder was given). */
export function driftFindings(drift: TreeDiff, label: string): OutputFinding[] {
  return DRIFT_LABELS.flatMap((kind) =>
    drift[kind].map((f) => ({
      code: "build-drift",
      severity: "error" as const,
      message: `${kind} by a fresh build: run \`rampart build\` without --check and commit the result`,
      file: `${label}/${f}`,
      line: 0,
      column: 0,
    })),
  );
}

/** Lines of a check: one per drifted file (`changed rbac/x.yaml`), then the clusters whose proof found problems. */
export function formatBuildCheck(result: CheckBuildResult): string[] {
  return [...DRIFT_LABELS.flatMap((kind) => result.drift[kind].map((f) => `${kind.padEnd(7)} ${f}`)), ...formatVerdict(result.proof, { onlyProblems: true })];
}

/** The closing sentences of a check: what drifted or over-grants and how to fix it, else that the tree at `label` is proven. */
export function buildCheckSummary(result: CheckBuildResult, label: string): string[] {
  const drift = driftCount(result.drift);
  const lines: string[] = [];
  if (drift > 0)
    lines.push(`drift: ${drift} file${drift === 1 ? "" : "s"} differ from a fresh build; run \`rampart build\` without --check and commit the result`);
  if (!result.proof.ok) lines.push(`over-grant: the tree at ${label} grants or admits more than the policies (see above); remove or fix the files named`);
  if (result.ok) lines.push(`ok: ${label} is up to date and proven`);
  return lines;
}
