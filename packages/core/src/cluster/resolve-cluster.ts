import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { didYouMean } from "../did-you-mean.js";
import type { RampartDocument } from "../documents.js";
import { normaliseClusters, type ClusterIR } from "../ir/access.js";

/** The clusters a run covers, or the one diagnostic saying why none could be picked. */
export type ClusterChoice = { clusters: ClusterIR[]; diagnostics: [] } | { clusters: []; diagnostics: [Diagnostic] };

/** How a cluster is picked: by name, or (`single`) exactly one must be named when the policies define several. */
export interface ResolveClusterOptions {
  /** The requested cluster name (`--cluster`); undefined selects every cluster, or the only one. */
  name?: string | undefined;
  /** One cluster is needed (eval, who-can, diff, a compiler): with several defined and no name, that is an error. */
  single?: boolean;
  /** With `single` and no name, a declared `default` cluster is chosen instead of the error. */
  preferDefault?: boolean;
  /** Where the name came from, for the diagnostic (default: the command line). */
  at?: { file: string; line: number; column: number };
}

const list = (clusters: readonly ClusterIR[]) => clusters.map((c) => `\`${c.name}\``).join(", ");

/**
 * Picks the clusters of a run — the one place that does. A cluster is a name, tags, a Kubernetes
 * version and an inventory path. An unknown name is an error with a "did you mean" hint, never a
 * silent fallback to another cluster.
 */
export function resolveCluster(documents: readonly RampartDocument[], options: ResolveClusterOptions = {}): ClusterChoice {
  const all = normaliseClusters(documents);
  const at = options.at ?? { file: "<command line>", line: 0, column: 0 };
  if (options.name === undefined) {
    if (options.single && all.length > 1) {
      const fallback = options.preferDefault ? all.find((c) => c.name === "default") : undefined;
      if (fallback) return { clusters: [fallback], diagnostics: [] };
      return {
        clusters: [],
        diagnostics: [
          diagnostic(
            "cluster-required",
            "error",
            `\`--cluster\` is required: the policies define clusters ${list(all)}`,
            at,
            "pass one of them to `--cluster`",
          ),
        ],
      };
    }
    return { clusters: all, diagnostics: [] };
  }
  const found = all.find((c) => c.name === options.name);
  if (found) return { clusters: [found], diagnostics: [] };
  const hint = didYouMean(
    options.name,
    all.map((c) => c.name),
  );
  return {
    clusters: [],
    diagnostics: [
      diagnostic(
        "unknown-cluster",
        "error",
        `unknown cluster \`${options.name}\`; the policies define ${list(all)}`,
        at,
        hint ? `${hint} pass one of them to \`--cluster\`` : "pass one of them to `--cluster`",
      ),
    ],
  };
}

/**
 * The one cluster a compiler works for: the resolved cluster as given, or resolved from a name
 * (without one: the only cluster, else a declared `default`), or the diagnostic saying why not.
 */
export function clusterFor(documents: readonly RampartDocument[], cluster: ClusterIR | string | undefined): ClusterIR | Diagnostic {
  if (typeof cluster === "object") return cluster;
  const choice = resolveCluster(documents, { name: cluster, single: true, preferDefault: true });
  return choice.clusters[0] ?? choice.diagnostics[0]!;
}
