import type { ClusterFiles } from "./write-tree.js";

/** One cluster's manifests as a single YAML stream, in path order, for `kubectl apply -f -` (kustomization.yaml and report.json left out). */
export function manifestStream(files: ClusterFiles): string {
  const manifests = [...files].filter(([path]) => path.endsWith(".yaml") && path !== "kustomization.yaml").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return manifests.map(([, content]) => content.replace(/^---\n/, "").replace(/\n$/, "")).join("\n---\n");
}
