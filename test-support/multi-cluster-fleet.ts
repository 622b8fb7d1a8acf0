// A generated multi-cluster fleet on disk for the parallel-build tests: `clusters` Cluster documents,
// each with its own inventory file, and AccessPolicies (some selecting clusters by tag) whose
// list-by-name rules make warnings; `missingInventory` names a cluster whose inventory file is absent
// (an error), `files` adds more policy files (e.g. a TypeScript module).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What to generate. */
export interface FleetSpec {
  clusters: number;
  policies: number;
  missingInventory?: string;
  files?: Record<string, string>;
}

const doc = (kind: string, name: string, spec: object) => JSON.stringify({ apiVersion: "rampart.dev/v1alpha1", kind, metadata: { name }, spec });

/** Writes the fleet into a new temporary folder: `policies/` (the build's input) and `inventory/`. */
export function writeTestFleet(spec: FleetSpec): { dir: string; policies: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "rampart-fleet-"));
  mkdirSync(join(dir, "policies"));
  mkdirSync(join(dir, "inventory"));
  const names = Array.from({ length: spec.clusters }, (_, i) => `c${i}`);
  const clusters = names.map((name, i) => doc("Cluster", name, { tags: { ring: String(i % 2) }, inventory: `../inventory/${name}.yaml` }));
  writeFileSync(join(dir, "policies/clusters.yaml"), clusters.join("\n---\n"));
  names.forEach((name, i) => {
    if (name === spec.missingInventory) return;
    const namespaces = Array.from({ length: 10 + i }, (_, n) => `t${n}`);
    const pods = Object.fromEntries(namespaces.map((ns, n) => [ns, [`api-${n}`, `nginx-${i}`, `worker-${n + i}`]]));
    writeFileSync(join(dir, `inventory/${name}.yaml`), doc("Inventory", name, { kubernetesVersion: "1.35", namespaces, objects: { pods } }));
  });
  const policies = Array.from({ length: spec.policies }, (_, p) =>
    doc("AccessPolicy", `team-${p}`, {
      ...(p % 3 === 0 ? { clusters: { ring: String(p % 2) } } : {}),
      subjects: [{ group: `team-${p}` }],
      rules: [
        { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "configmaps"], namespaces: [`t${p % 12}`, `t${p % 12}-*`] },
        // list by name cannot be expressed in RBAC: one warning per policy and cluster, deduplicated across clusters.
        ...(p % 4 === 0 ? [{ effect: "allow", verbs: ["list"], resources: ["pods"], namespaces: [`t${p % 12}`], names: ["worker-*"] }] : []),
        { effect: "deny", verbs: ["delete"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
      ],
    }),
  );
  writeFileSync(join(dir, "policies/access.yaml"), policies.join("\n---\n"));
  for (const [file, text] of Object.entries(spec.files ?? {})) writeFileSync(join(dir, "policies", file), text);
  return { dir, policies: join(dir, "policies"), names };
}
