// What crosses the thread boundary of a parallel build: plain data only (structured clone keeps Maps and
// arrays but drops functions and the source positions documents carry), and the revival on the main thread.
import { resourceKey, type Diagnostic, type Inventory, type InventoryResource, type LoadPoliciesOptions } from "@rampart/core";
import type { BuildOptions, ClusterBuild } from "./build-policies.js";

/** Where a worker re-loads the policies from: the paths and load options the main thread loaded them with. */
export interface PolicySource extends Omit<LoadPoliciesOptions, "stdin"> {
  paths: readonly string[];
}

/**
 * The worker's start data: the policy source, the build options (every cluster's build shares `now`),
 * the clusters and the claim counter every thread (the main one included) takes the next cluster from.
 */
export interface WorkerInput {
  source: PolicySource;
  options: Omit<BuildOptions, "host" | "cluster" | "now"> & { now: Date; cwd: string };
  clusters: readonly string[];
  /** One Int32 (see `claimCluster`). */
  claim: SharedArrayBuffer;
}

/** An inventory without its lookup functions. */
export type InventoryData = Omit<Inventory, "resource" | "names">;

/** One cluster's build as plain data. */
export interface ClusterData extends Omit<ClusterBuild, "inventory"> {
  inventory: InventoryData;
}

/** Worker → main: the cluster it claimed, that cluster's build (`build` absent when its inventory failed), or a failure. */
export type WorkerMessage =
  | { type: "claimed"; cluster: string }
  | { type: "cluster"; name: string; diagnostics: Diagnostic[]; build?: ClusterData }
  | { type: "failed"; cluster?: string; message: string };

/**
 * The index of the next cluster to build (≥ the number of clusters: none left). Threads claim
 * clusters themselves, without a round trip through the main thread, which is busy building its own.
 */
export function claimCluster(claim: Int32Array): number {
  return Atomics.add(claim, 0, 1);
}

/** Leaves no cluster to claim (after a failure: the other threads stop after their current cluster). */
export function stopClaims(claim: Int32Array, clusters: number): void {
  Atomics.store(claim, 0, clusters);
}

/** A cluster's build as plain data (the inventory's lookup functions dropped). */
export function clusterData(build: ClusterBuild): ClusterData {
  const { kubernetesVersion, resources, namespaces, namespaceLabels, objects } = build.inventory;
  return {
    objects: build.objects,
    files: build.files,
    report: build.report,
    inventory: { kubernetesVersion, resources, namespaces, namespaceLabels, objects },
  };
}

/** The cluster build again, its inventory's lookups rebuilt over the same data (as `createInventory` defines them). */
export function reviveCluster(data: ClusterData): ClusterBuild {
  const byKey = new Map<string, InventoryResource>(data.inventory.resources.map((r) => [resourceKey(r.group, r.resource), r]));
  const { objects } = data.inventory;
  const inventory: Inventory = {
    ...data.inventory,
    resource: (group, resource) => byKey.get(resourceKey(group, resource)),
    names: (group, resource, namespace) => objects.get(resourceKey(group, resource))?.get(namespace),
  };
  return { ...data, inventory };
}
