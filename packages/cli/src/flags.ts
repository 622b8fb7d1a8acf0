import type { OptionSpec } from "./command.js";

const LINE = /^(?:-(\w), )?--([a-z-]+)(?: <([^>]+)>(…)?)?  (.+); default: (.+); e.g. `(.+)`$/;

/**
 * Every shared flag, one line each, as `--help` prints it: `[-s, ]--name[ <PLACEHOLDER>][…]  description; default: D; e.g. \`EXAMPLE\``.
 * A placeholder makes a string flag (`usage` shows it), `…` a repeatable one. Commands pick them by their long name.
 */
const SHARED = Object.fromEntries(
  [
    "--at <TIME>  judge rule and exemption expiry at this instant; default: now; e.g. `--at 2026-12-31T18:00:00Z`",
    "--cluster <NAME>  the cluster (a `Cluster` document's name) to use; default: every cluster (or the only one); e.g. `--cluster prod`",
    "--inventory <FILE>  an inventory file (`rampart inventory pull`) naming the cluster's resources and namespaces; default: the `Cluster` document's inventory; e.g. `--inventory inventories/prod.yaml`",
    "--network-backend <np|cnp>  `np` (NetworkPolicy only) or `cnp` (plus an Admin-tier ClusterNetworkPolicy); default: np; e.g. `--network-backend cnp`",
    "--write-precision <admission|rbac-only>  `admission` (exact writes via RBAC + admission, Kubernetes ≥ 1.30) or `rbac-only`; default: admission; e.g. `--write-precision rbac-only`",
    "--source-root <DIR>  the folder that `rampart.dev/source` annotations name files relative to; default: the git work tree, else the working directory; e.g. `--source-root .`",
    "-v, --verbose  also print info-level diagnostics; default: off; e.g. `--verbose`",
    "--no-typescript  refuse to run `.ts` policy modules (policies from untrusted pull requests); default: off; e.g. `--no-typescript`",
    "--jobs <N>  how many clusters to build at once: the main thread and N − 1 worker threads (`1`: one after the other on the main thread, as standard input always is); default: one per cluster, at most the number of cores, for 200 policy documents or more on 3 cores or more (else 1); e.g. `--jobs 2`",
    "-o, --output <text|json|yaml>  output format: `text`, `json` or `yaml`; default: text; e.g. `-o json`",
    "-n, --namespace <NS>  the namespace of the request or of the manifests; default: none (cluster scope, or the manifests' own); e.g. `-n payments`",
    "--name <X>  the object name of the request; default: any name; e.g. `--name db-password`",
    "-f, --file <MANIFESTS>…  manifests of Kubernetes objects (files or directories; `-` reads standard input); default: none; e.g. `-f deploy/ -f -`",
    "--rbac <MANIFESTS|->…  plain RBAC manifests (e.g. a cluster dump; `-` reads standard input) to read instead of policies; default: none; e.g. `--rbac rbac-dump.yaml`",
    "--kubeconfig <FILE>  the kubeconfig file; default: $KUBECONFIG, else ~/.kube/config; e.g. `--kubeconfig ~/.kube/prod`",
    "--context <CTX>…  the kubeconfig context (repeatable, comma-separated lists too); default: the current context; e.g. `--context prod`",
    "--external <IP>…  an external IP address to include as a flow endpoint (repeatable); default: none; e.g. `--external 203.0.113.7`",
    "--workloads <FILE>  manifests of Namespaces, Pods and controllers to compute flows between; default: none; e.g. `--workloads cluster-dump.yaml`",
  ].map(parseFlag),
);

/** The flags every compiling command takes (`check`, `build`, `diff --live`). */
export const BUILD_FLAGS = "cluster inventory network-backend write-precision at verbose source-root no-typescript";

/** Flags as declared: a whole flag line (a command's own flag, or its own wording of a shared one), or shared flags by long name, space-separated. */
export type FlagLine = string;

/** Parses one flag line into its `parseArgs` type and what `--help`, `usage` and the completion scripts say of it. */
export function parseFlag(line: string): [string, OptionSpec] {
  const m = LINE.exec(line);
  if (!m) throw new Error(`not a flag line: ${line}`);
  const [, short, name, placeholder, many, description, fallback, example] = m as unknown as string[];
  const spec = { type: placeholder ? "string" : "boolean", multiple: many !== undefined, description: description!, default: fallback! } as const;
  return [name!, { ...spec, example: example!, ...(short ? { short } : {}), ...(placeholder ? { placeholder } : {}) }];
}

/** A command's flags, in the order `--help` lists them. */
export function flagTable(lines: readonly FlagLine[]): Record<string, OptionSpec> {
  return Object.fromEntries(lines.flatMap((l) => (l.startsWith("-") ? [parseFlag(l)] : l.split(" ").map((n) => [n, SHARED[n] ?? parseFlag(n)[1]] as const))));
}

/** The usage line: `head` (positionals and the flags it names itself), then every other flag in brackets; later lines of `head` are notes. */
export function usageLine(name: string, head: string, options: Record<string, OptionSpec>): string {
  const [first, ...notes] = head.split("\n");
  const named = (n: string, o: OptionSpec) => new RegExp(`(^|[\\s[(|])(--${n}|-${o.short ?? "\0"})(?=[\\s\\]|)]|$)`).test(head);
  const rest = Object.entries(options).filter(([n, o]) => !named(n, o));
  const flag = (n: string, o: OptionSpec) => (o.placeholder ? `${o.short ? `-${o.short}` : `--${n}`} ${o.placeholder}` : `--${n}`);
  const shown = rest.map(([n, o]) => `[${flag(n, o)}]${o.multiple ? "…" : ""}`);
  return [[`rampart ${name}`, first, ...shown].filter(Boolean).join(" "), ...notes].join("\n");
}
