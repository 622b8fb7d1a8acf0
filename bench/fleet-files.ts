// The fleet shape of rbac.bench.ts (1,000 AccessPolicies over 3,000 namespaces and 90,000 object
// names) as files on disk, for `clusters` Cluster documents that each name their own inventory file
// (the same namespaces and names): what `rampart build` reads in a multi-cluster fleet.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fleetScenario } from "./rbac.bench.js";

/** Writes `<dir>/policies/{access,clusters}.yaml` and `<dir>/inventory/c<i>.yaml`; returns the policies folder. */
export function writeFleet(dir: string, clusters: number, policies = 1000): string {
  const { documents, inventory } = fleetScenario(policies);
  mkdirSync(join(dir, "policies"), { recursive: true });
  mkdirSync(join(dir, "inventory"), { recursive: true });
  // JSON documents are YAML: the loader's fast path reads them as `JSON.parse` would.
  writeFileSync(join(dir, "policies/access.yaml"), documents.map((d) => JSON.stringify(d)).join("\n---\n"));
  const objects = Object.fromEntries([...inventory.objects].map(([resource, perNs]) => [resource, Object.fromEntries(perNs)]));
  const names = Array.from({ length: clusters }, (_, i) => `c${i}`);
  const clusterDocs = names.map((name) => ({
    apiVersion: "rampart.dev/v1alpha1",
    kind: "Cluster",
    metadata: { name },
    spec: { kubernetesVersion: inventory.kubernetesVersion, inventory: `../inventory/${name}.yaml` },
  }));
  writeFileSync(join(dir, "policies/clusters.yaml"), clusterDocs.map((d) => JSON.stringify(d)).join("\n---\n"));
  for (const name of names) {
    const spec = { kubernetesVersion: inventory.kubernetesVersion, namespaces: inventory.namespaces, objects };
    writeFileSync(join(dir, `inventory/${name}.yaml`), JSON.stringify({ apiVersion: "rampart.dev/v1alpha1", kind: "Inventory", metadata: { name }, spec }));
  }
  return join(dir, "policies");
}
