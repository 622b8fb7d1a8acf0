import { diagnostic, didYouMean, normaliseClusters, type ClusterIR, type Diagnostic, type RampartDocument } from "@rampart/core";

/**
 * The cluster whose tags select the policies: the named one; without a name the only cluster
 * (or the implicit `default` when there are no Cluster documents), else `default` if declared.
 */
export function selectCluster(documents: readonly RampartDocument[], name: string | undefined): ClusterIR | Diagnostic {
  const clusters = normaliseClusters(documents);
  const names = clusters.map((c) => c.name);
  const wanted = name ?? (clusters.length === 1 ? clusters[0]!.name : "default");
  const found = clusters.find((c) => c.name === wanted);
  if (found) return found;
  const at = clusters[0]?.source ?? { file: "<options>", line: 1, column: 1 };
  const list = names.map((n) => `\`${n}\``).join(", ");
  if (name === undefined) return diagnostic("rbac-cluster-required", "error", `the documents declare several clusters (${list}): choose one with the \`cluster\` option`, at, "pass `cluster`, e.g. `--cluster <name>` on the command line");
  return diagnostic("unknown-cluster", "error", `unknown cluster \`${name}\`; known clusters are ${list}`, at, didYouMean(name, names) ?? "declare it with a Cluster document");
}
