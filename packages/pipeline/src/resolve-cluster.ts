import { diagnostic, didYouMean, normaliseClusters, type ClusterIR, type Diagnostic, type RampartDocument } from "@rampart/core";

/** The clusters a run covers, or the one diagnostic saying why none could be picked. */
export type ClusterChoice = { clusters: ClusterIR[]; diagnostics: [] } | { clusters: []; diagnostics: [Diagnostic] };

/** How a cluster is picked: by name, or (`required`) exactly one must be named when the policies define several. */
export interface ResolveClusterOptions {
  /** The requested cluster name (`--cluster`); undefined selects every cluster, or the only one. */
  name?: string | undefined;
  /** One cluster is needed (eval, who-can, diff): with several defined and no name, that is an error. */
  single?: boolean;
  /** Where the name came from, for the diagnostic (default: the command line). */
  at?: { file: string; line: number; column: number };
}

const list = (clusters: readonly ClusterIR[]) => clusters.map((c) => `\`${c.name}\``).join(", ");

/**
 * Picks the clusters of a run — the one place that does. An unknown name is an error with a
 * "did you mean" hint, never a silent fallback to another cluster.
 */
export function resolveCluster(documents: readonly RampartDocument[], options: ResolveClusterOptions = {}): ClusterChoice {
  const all = normaliseClusters(documents);
  const at = options.at ?? { file: "<command line>", line: 0, column: 0 };
  if (options.name === undefined) {
    if (options.single && all.length > 1) {
      return { clusters: [], diagnostics: [diagnostic("cluster-required", "error", `\`--cluster\` is required: the policies define clusters ${list(all)}`, at, "pass one of them to `--cluster`")] };
    }
    return { clusters: all, diagnostics: [] };
  }
  const found = all.find((c) => c.name === options.name);
  if (found) return { clusters: [found], diagnostics: [] };
  const hint = didYouMean(options.name, all.map((c) => c.name));
  return {
    clusters: [],
    diagnostics: [diagnostic("unknown-cluster", "error", `unknown cluster \`${options.name}\`; the policies define ${list(all)}`, at, hint ? `${hint} pass one of them to \`--cluster\`` : "pass one of them to `--cluster`")],
  };
}
