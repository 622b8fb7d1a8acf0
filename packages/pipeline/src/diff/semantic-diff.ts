import { createInventory, diagnostic, loadInventory, normaliseClusters, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { diffAccess } from "./access-diff.js";
import { diffTraffic, type ExternalEndpoint } from "./traffic-diff.js";
import type { AccessChange, DiffSummary, SemanticDiff } from "./types.js";
import { diffWorkloads, type ManifestInput } from "./workload-diff.js";

/** Options of `semanticDiff`. */
export interface SemanticDiffOptions {
  /** The instant expiry is judged at (default: now). */
  now?: Date;
  /** Only this cluster (default: every cluster of either version). */
  cluster?: string | undefined;
  /** The inventory of every cluster on both sides (`--inventory`); else each Cluster's own, else the built-in one. */
  inventory?: Inventory;
  /** Namespaces, Pods and controllers for the traffic diff (`--workloads`); omitted: no traffic diff. */
  workloads?: readonly Record<string, unknown>[];
  /** Extra external addresses for the traffic diff. */
  externals?: readonly ExternalEndpoint[];
  networkBackend?: "np" | "cnp";
  /** Manifests for the workload diff (`-f`); omitted: no workload diff. */
  manifests?: readonly ManifestInput[];
}

async function inventoryOf(
  documents: readonly RampartDocument[],
  cluster: string,
  options: SemanticDiffOptions,
  diagnostics: Diagnostic[],
): Promise<Inventory> {
  if (options.inventory) return options.inventory;
  const c = normaliseClusters(documents).find((x) => x.name === cluster);
  if (c?.inventory !== undefined) {
    const loaded = await loadInventory(c.inventory);
    diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === "error"));
    if (!loaded.inventory && loaded.diagnostics.length === 0)
      diagnostics.push(diagnostic("inventory-file", "error", `cannot read inventory \`${c.inventory}\` of cluster \`${cluster}\``, c.source));
    if (loaded.inventory) return loaded.inventory;
  }
  return createInventory(c?.kubernetesVersion ? { kubernetesVersion: c.kubernetesVersion } : {});
}

const order = (a: AccessChange, b: AccessChange): number => {
  const ka = [
    a.after === "allow" ? 0 : 1,
    a.subject.kind,
    a.subject.namespace ?? "",
    a.subject.name,
    a.apiGroup,
    a.resource,
    a.subresource,
    JSON.stringify([a.namespaces, a.names, a.exceptNamespaces, a.exceptNames, a.nonResourceURLs, a.exceptNonResourceURLs, a.verbs]),
  ];
  const kb = [
    b.after === "allow" ? 0 : 1,
    b.subject.kind,
    b.subject.namespace ?? "",
    b.subject.name,
    b.apiGroup,
    b.resource,
    b.subresource,
    JSON.stringify([b.namespaces, b.names, b.exceptNamespaces, b.exceptNames, b.nonResourceURLs, b.exceptNonResourceURLs, b.verbs]),
  ];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
};

/**
 * The semantic diff of two loaded and validated policy versions, per cluster: the access
 * requests, flows and manifests whose decision changes. Diagnostics are errors of resolving the
 * clusters' inventories or an unknown `cluster`; with errors the diff is empty.
 */
export async function semanticDiff(
  base: readonly RampartDocument[],
  head: readonly RampartDocument[],
  options: SemanticDiffOptions = {},
): Promise<{ diff: SemanticDiff; diagnostics: Diagnostic[] }> {
  const now = options.now ?? new Date();
  const diagnostics: Diagnostic[] = [];
  const names = [...new Set([...normaliseClusters(head), ...normaliseClusters(base)].map((c) => c.name))].sort();
  const empty: SemanticDiff = { clusters: [], summary: summarize([], [], []) };
  if (options.cluster !== undefined && !names.includes(options.cluster)) {
    diagnostics.push(
      diagnostic(
        "unknown-cluster",
        "error",
        `unknown cluster \`${options.cluster}\`; the policies define ${names.map((n) => `\`${n}\``).join(", ")}`,
        { file: "<command line>", line: 0, column: 0 },
        "pass one of them to `--cluster`",
      ),
    );
    return { diff: empty, diagnostics };
  }
  const selected = options.cluster === undefined ? names : [options.cluster];
  const inventories = [];
  for (const cluster of selected)
    inventories.push({ cluster, base: await inventoryOf(base, cluster, options, diagnostics), head: await inventoryOf(head, cluster, options, diagnostics) });
  if (diagnostics.length > 0) return { diff: empty, diagnostics };
  // TrafficPolicies and WorkloadPolicies select no cluster: their changes are the same in every cluster.
  const traffic = options.workloads
    ? diffTraffic(base, head, options.workloads, {
        ...(options.networkBackend ? { networkBackend: options.networkBackend } : {}),
        ...(options.externals ? { externals: options.externals } : {}),
      })
    : [];
  const workload = options.manifests ? diffWorkloads(base, head, options.manifests, now) : [];
  const clusters = inventories.map(({ cluster, base: bi, head: hi }) => ({
    cluster,
    access: diffAccess({ documents: base, inventory: bi }, { documents: head, inventory: hi }, cluster, now).sort(order),
    traffic,
    workload,
  }));
  return {
    diff: {
      clusters,
      summary: summarize(
        clusters.flatMap((c) => c.access),
        traffic,
        workload,
      ),
    },
    diagnostics,
  };
}

function summarize(
  access: readonly AccessChange[],
  traffic: SemanticDiff["clusters"][number]["traffic"],
  workload: SemanticDiff["clusters"][number]["workload"],
): DiffSummary {
  return {
    newAccess: access.filter((a) => a.after === "allow").length,
    removedAccess: access.filter((a) => a.after === "deny").length,
    newFlows: traffic.filter((t) => t.after === "allow").length,
    removedFlows: traffic.filter((t) => t.after === "deny").length,
    newlyDenied: workload.filter((w) => w.after === "deny").length,
    newlyAdmitted: workload.filter((w) => w.before === "deny" && w.after !== "deny").length,
  };
}

/** True when anything is allowed after and not before: a request, a flow or a manifest (`--fail-on new-access`). */
export function hasNewAccess(diff: SemanticDiff): boolean {
  const s = diff.summary;
  return s.newAccess + s.newFlows + s.newlyAdmitted > 0;
}
