import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sortDiagnostics, type Diagnostic, type RampartDocument } from "@rampart/core";
import type { BuildResult } from "../build/build-policies.js";
import { inventoryFor } from "../cluster-inventory.js";
import { quietHost, type Host } from "../host.js";
import { resolveCluster } from "../resolve-cluster.js";
import { proveAccess, type AccessProof } from "./prove-cluster.js";
import { proveNetwork, type NetworkProof } from "./prove-network.js";
import { parseManifests, readTree, type TreeManifest } from "./read-tree.js";

/** The verdict on one cluster's tree. */
export interface ClusterVerdict extends AccessProof {
  cluster: string;
  /** Manifests (objects) read from the tree. */
  objects: number;
  /** The network proof; undefined when the tree holds no network object. */
  network: NetworkProof | undefined;
}

/** The verdict on a tree: `ok` when no cluster over-grants; diagnostics (errors) mean no verdict. */
export interface VerifyResult {
  ok: boolean;
  clusters: ClusterVerdict[];
  diagnostics: Diagnostic[];
}

/** Options of `verifyTree`. */
export interface VerifyTreeOptions {
  cluster?: string | undefined;
  inventory?: string | undefined;
  now?: Date;
  host?: Host;
}

type Positions = Pick<Diagnostic, "file" | "line" | "column">[];

function verdict(clusters: ClusterVerdict[], diagnostics: Diagnostic[]): VerifyResult {
  return {
    ok: diagnostics.every((d) => d.severity !== "error") && clusters.every((c) => c.overGrants.length === 0 && (c.network?.overAdmissions.length ?? 0) === 0),
    clusters,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/**
 * Re-proves a built tree on disk: EVERY manifest under `<dir>/<cluster>` (any file, any kind,
 * as `kubectl apply -R` applies them) joins the proof, not only the files rampart wrote: RBAC
 * with the write-path admission policy (over-grants), network objects against the
 * TrafficPolicies (over-admissions).
 */
export async function verifyTree(documents: readonly RampartDocument[], dir: string, options: VerifyTreeOptions = {}): Promise<VerifyResult> {
  const host = options.host ?? quietHost();
  const now = options.now ?? new Date();
  const choice = resolveCluster(documents, { name: options.cluster });
  const diagnostics: Diagnostic[] = [...choice.diagnostics];
  const clusters: ClusterVerdict[] = [];
  for (const cluster of choice.clusters) {
    const inv = await inventoryFor(host, documents, cluster, options.inventory);
    diagnostics.push(...inv.diagnostics);
    if (!inv.inventory) continue;
    const tree = await readTree(join(dir, cluster.name));
    diagnostics.push(...tree.diagnostics);
    const report = JSON.parse(await readFile(join(dir, cluster.name, "report.json"), "utf8").catch(() => "{}")) as { diagnostics?: Positions };
    clusters.push(prove(documents, cluster.name, tree.manifests, { inventory: inv.inventory, now, explained: report.diagnostics ?? [] }));
  }
  return verdict(clusters, diagnostics);
}

/** Options of `verifyBuild`. */
export interface VerifyBuildOptions {
  /** The instant expiry is judged at (default: now); give the build's. */
  now?: Date;
}

/** Proves a build in memory (nothing read from or written to disk): the same proof `verifyTree` runs on the written tree. */
export function verifyBuild(documents: readonly RampartDocument[], build: BuildResult, options: VerifyBuildOptions = {}): VerifyResult {
  const now = options.now ?? new Date();
  const diagnostics: Diagnostic[] = [];
  const clusters: ClusterVerdict[] = [];
  for (const [name, c] of build.clusters) {
    const parsed = parseManifests(c.files);
    diagnostics.push(...parsed.diagnostics);
    clusters.push(prove(documents, name, parsed.manifests, { inventory: c.inventory, now, explained: (c.report.diagnostics as Positions | undefined) ?? [] }));
  }
  return verdict(clusters, diagnostics);
}

function prove(
  documents: readonly RampartDocument[],
  cluster: string,
  manifests: TreeManifest[],
  options: Omit<Parameters<typeof proveAccess>[2], "cluster">,
): ClusterVerdict {
  const network = proveNetwork(documents, manifests, options.inventory);
  return { cluster, objects: manifests.length, ...proveAccess(documents, manifests, { cluster, ...options }), network };
}
