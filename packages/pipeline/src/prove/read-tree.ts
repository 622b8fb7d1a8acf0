import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { DEFAULT_YAML_LIMITS, diagnostic, parseYaml, type Diagnostic } from "@rampart/core";

/** A Kubernetes object found in a tree, with the file (relative to the tree's root) and line it starts at. */
export interface TreeManifest {
  file: string;
  line: number;
  object: Record<string, unknown>;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

function entriesOf(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

// Read with synchronous calls: a tree is ~100 small files, and awaiting each read costs a cold run
// more than the reads themselves.
function walk(root: string, dir: string, out: string[]): void {
  for (const e of entriesOf(dir).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // rampart's own bookkeeping (`.rampart-manifest.json`, staging folders) is not applied by kubectl
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(root, full, out);
    else if (MANIFEST_FILE.test(e.name)) out.push(relative(root, full));
  }
}

/**
 * Every Kubernetes object of every manifest under `dir`, recursively (.yaml, .yml, .json; any
 * kind), as `kubectl apply -R` would apply them — not only the files rampart wrote. Documents
 * without `apiVersion` and `kind` (report.json, say) are not objects and are skipped.
 */
export async function readTree(dir: string): Promise<{ manifests: TreeManifest[]; diagnostics: Diagnostic[] }> {
  const names: string[] = [];
  walk(dir, dir, names);
  const files = new Map<string, string>();
  for (const file of names) files.set(file, readFileSync(join(dir, file), "utf8"));
  return parseManifests(files, dir);
}

/** The Kubernetes objects of manifest files (relative path → content), in path order; `root` prefixes positions of diagnostics. */
export function parseManifests(files: ReadonlyMap<string, string>, root = ""): { manifests: TreeManifest[]; diagnostics: Diagnostic[] } {
  const manifests: TreeManifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!MANIFEST_FILE.test(file)) continue;
    // Read as kubectl reads it (YAML 1.1 scalars: `yes` is true, `0644` is 420): that is what gets applied.
    const parsed = parseYaml(text, root ? join(root, file) : file, DEFAULT_YAML_LIMITS, "kubectl");
    if (parsed.diagnostics.some((d) => d.severity === "error")) {
      const first = parsed.diagnostics.find((d) => d.severity === "error")!;
      diagnostics.push(
        diagnostic(
          "tree-manifest",
          "error",
          `\`${file}\` in the built tree is not valid YAML: ${first.message}`,
          { file: first.file, line: first.line, column: first.column },
          "fix or delete the file: `kubectl apply -R` would apply it too",
        ),
      );
      continue;
    }
    for (const doc of parsed.documents) {
      const line = doc.position.line;
      const value = doc.value;
      const add = (object: Record<string, unknown>) => {
        manifests.push({ file, line, object });
        const problem = namespaceMissing(object);
        if (problem)
          diagnostics.push(
            diagnostic(
              "tree-manifest",
              "error",
              `\`${file}\` holds ${problem}`,
              { file: root ? join(root, file) : file, line, column: doc.position.column },
              NAMESPACE_HINT,
            ),
          );
      };
      for (const object of Array.isArray(value) ? value : [value]) {
        if (!isObject(object)) continue;
        if (object.kind === "List" && Array.isArray(object.items)) {
          for (const item of object.items) if (isObject(item)) add(item);
        } else add(object);
      }
    }
  }
  return { manifests, diagnostics };
}

// The namespaced kinds the proofs judge. Without `metadata.namespace`, `kubectl apply -n <ns>` (or a GitOps tool's
// default namespace) decides where they land, so what they grant or admit cannot be judged from the tree.
const JUDGED_NAMESPACED = new Map([
  ["rbac.authorization.k8s.io/v1", new Set(["Role", "RoleBinding"])],
  ["networking.k8s.io/v1", new Set(["NetworkPolicy"])],
]);
const NAMESPACE_HINT = "set `metadata.namespace` on the object: the proof judges each object in the namespace it names";

function namespaceMissing(object: Record<string, unknown>): string | undefined {
  if (!JUDGED_NAMESPACED.get(String(object.apiVersion))?.has(String(object.kind))) return undefined;
  const metadata = object.metadata as { name?: unknown; namespace?: unknown } | undefined;
  if (typeof metadata?.namespace === "string" && metadata.namespace !== "") return undefined;
  return `a ${String(object.kind)} \`${String(metadata?.name ?? "")}\` without \`metadata.namespace\`: where it lands, and what it grants, depends on how it is applied`;
}

function isObject(o: unknown): o is Record<string, unknown> {
  return (
    typeof o === "object" && o !== null && typeof (o as { apiVersion?: unknown }).apiVersion === "string" && typeof (o as { kind?: unknown }).kind === "string"
  );
}
