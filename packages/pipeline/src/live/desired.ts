import { diagnostic, type Diagnostic } from "@rampart/core";
import { parseAllDocuments } from "yaml";
import { refOf, type AnyObject } from "./drift.js";

/** Folders of a cluster's build tree that hold Kubernetes manifests. */
const MANIFEST_FOLDERS = ["rbac/", "admission/", "network/"];

/**
 * The Kubernetes objects of one cluster's build output (relative path → file content, as
 * `buildClusters` returns it): every YAML manifest under `rbac/`, `admission/` and `network/`,
 * parsed back. `kustomization.yaml` and `report.json` are not objects of the cluster.
 */
export function desiredObjects(files: ReadonlyMap<string, string>): { objects: AnyObject[]; diagnostics: Diagnostic[] } {
  const objects: AnyObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!MANIFEST_FOLDERS.some((f) => path.startsWith(f)) || !/\.ya?ml$/.test(path)) continue;
    for (const doc of parseAllDocuments(content)) {
      if (doc.errors.length > 0) {
        diagnostics.push(
          diagnostic(
            "diff-manifest",
            "error",
            `generated manifest \`${path}\` is not valid YAML: ${doc.errors[0]!.message}`,
            { file: path, line: 1, column: 1 },
            "this is a rampart bug; please report it",
          ),
        );
        continue;
      }
      const value = doc.toJS() as unknown;
      if (value === null || value === undefined) continue;
      if (typeof value === "object" && !Array.isArray(value) && refOf(value as AnyObject)) objects.push(value as AnyObject);
      else
        diagnostics.push(
          diagnostic(
            "diff-manifest",
            "error",
            `generated manifest \`${path}\` has no \`apiVersion\`, \`kind\` and \`metadata.name\``,
            { file: path, line: 1, column: 1 },
            "this is a rampart bug; please report it",
          ),
        );
    }
  }
  return { objects, diagnostics };
}
