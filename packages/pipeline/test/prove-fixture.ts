// The fixture of the tree-proof tests: two clusters (a, b) over one inventory; configmap and pod reads
// for `team` (pod reads narrowed by a deny of `contractors`, reported) and a TrafficPolicy isolating
// web's ingress, with a deny (fixtures/prove; the inventory beside the policies: only the Clusters name it).
import { join } from "node:path";
import { expect } from "vitest";
import { loadFiles, type RampartDocument } from "@rampart/core";
import { buildPolicies, type BuildResult, type ClusterBuild } from "@rampart/pipeline";
import { REPO_ROOT } from "../../../test-support/conformance.js";

export const NOW = new Date("2026-06-01T00:00:00Z");
/** Inventory paths of the fixture's Clusters are relative to the repository root (where the policies are loaded from). */
export const host = { cwd: REPO_ROOT, err: () => {} };
export const RBAC = "rbac.authorization.k8s.io";

/** The fixture's documents and their build at NOW. */
export async function proveFixture(): Promise<{ documents: RampartDocument[]; build: BuildResult }> {
  const loaded = await loadFiles([join(__dirname, "fixtures/prove/policies")], { cwd: REPO_ROOT });
  expect(loaded.diagnostics).toEqual([]);
  const build = await buildPolicies(loaded.documents, { now: NOW, host });
  expect(build.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { documents: loaded.documents, build };
}

/** The build with some files of one cluster replaced (undefined deletes); the other clusters unchanged. */
export function edited(build: BuildResult, cluster: string, edits: Record<string, string | undefined>): BuildResult {
  const clusters = new Map<string, ClusterBuild>(build.clusters);
  const c = clusters.get(cluster)!;
  const files = new Map(c.files);
  for (const [path, content] of Object.entries(edits)) content === undefined ? files.delete(path) : files.set(path, content);
  clusters.set(cluster, { ...c, files });
  return { clusters, diagnostics: [] };
}
