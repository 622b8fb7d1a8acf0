import type { OptionSpec } from "./command.js";

/** Every flag of every command, described once: `--help` and the completion scripts are generated from this table. */
export const OPTIONS = {
  at: { type: "string", description: "judge rule and exemption expiry at this instant", default: "now", example: "--at 2026-12-31T18:00:00Z" },
  cluster: { type: "string", description: "the cluster (a `Cluster` document's name) to use", default: "every cluster (or the only one)", example: "--cluster prod" },
  inventory: { type: "string", description: "an inventory file (`rampart inventory pull`) naming the cluster's resources and namespaces", default: "the `Cluster` document's inventory", example: "--inventory inventories/prod.yaml" },
  "network-backend": { type: "string", description: "`np` (NetworkPolicy only) or `cnp` (plus an Admin-tier ClusterNetworkPolicy)", default: "np", example: "--network-backend cnp" },
  "write-precision": { type: "string", description: "`admission` (exact writes via RBAC + admission, Kubernetes ≥ 1.30) or `rbac-only`", default: "admission", example: "--write-precision rbac-only" },
  "source-root": { type: "string", description: "the folder that `rampart.dev/source` annotations name files relative to", default: "the git work tree, else the working directory", example: "--source-root ." },
  verbose: { type: "boolean", short: "v", description: "also print info-level diagnostics", default: "off", example: "--verbose" },
  "no-typescript": { type: "boolean", description: "refuse to run `.ts` policy modules (policies from untrusted pull requests)", default: "off", example: "--no-typescript" },
  output: { type: "string", short: "o", description: "output format: `text`, `json` or `yaml`", default: "text", example: "-o json" },
  namespace: { type: "string", short: "n", description: "the namespace of the request or of the manifests", default: "none (cluster scope, or the manifests' own)", example: "-n payments" },
  name: { type: "string", description: "the object name of the request", default: "any name", example: "--name db-password" },
  file: { type: "string", short: "f", multiple: true, description: "manifests of Kubernetes objects (files or directories; `-` reads standard input)", default: "none", example: "-f deploy/ -f -" },
  rbac: { type: "string", multiple: true, description: "plain RBAC manifests (e.g. a cluster dump; `-` reads standard input) to read instead of policies", default: "none", example: "--rbac rbac-dump.yaml" },
  kubeconfig: { type: "string", description: "the kubeconfig file", default: "$KUBECONFIG, else ~/.kube/config", example: "--kubeconfig ~/.kube/prod" },
  context: { type: "string", multiple: true, description: "the kubeconfig context (repeatable, comma-separated lists too)", default: "the current context", example: "--context prod" },
  external: { type: "string", multiple: true, description: "an external IP address to include as a flow endpoint (repeatable)", default: "none", example: "--external 203.0.113.7" },
  workloads: { type: "string", description: "manifests of Namespaces, Pods and controllers to compute flows between", default: "none", example: "--workloads cluster-dump.yaml" },
} satisfies Record<string, OptionSpec>;

/** The shared flags `names`, with a command's own wording where it differs (`over`). */
export function pick(names: readonly (keyof typeof OPTIONS)[], over: Record<string, Partial<OptionSpec>> = {}): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((n) => [n, { ...(OPTIONS[n] as OptionSpec), ...over[n] }]));
}
