/** Cell states of the access matrix; a cell absent from `cells` is `Deny` with no deciding rule. */
export const CellState = { Allow: 1, Deny: 2, Partial: 3 } as const;
/** One of `CellState`'s values. */
export type CellState = (typeof CellState)[keyof typeof CellState];

/** A rule that decides some cell, with where it is written. */
export interface ReportRule {
  policy: string;
  /** 0-based index in the policy's `spec.rules`. */
  rule: number;
  effect: "allow" | "deny";
  /** The rule in one line (verbs, resources, namespaces, names). */
  text: string;
  file: string;
  line: number;
}

/**
 * Subjects × resources × verbs with string tables. `cells` is flat, six integers per stored cell:
 * subject, resource, verb, state (`CellState`), rule set (index in `ruleSets`), allowed-namespace set
 * (index in `namespaceSets`, -1 unless the cell is partial and each namespace is wholly allowed or denied).
 */
export interface AccessMatrix {
  /** `User alice`, `Group team-a`, `ServiceAccount ns/name`. */
  subjects: string[];
  /** `pods`, `deployments.apps`. */
  resources: string[];
  /** Whether each resource is namespaced (same order as `resources`). */
  namespaced: boolean[];
  verbs: string[];
  /** Namespace classes evaluated: inventory and rule namespaces, rule globs (`team-*`, decided for a sample name), then `*` for any other namespace. */
  namespaces: string[];
  rules: ReportRule[];
  /** Sets of indices in `rules`. */
  ruleSets: number[][];
  /** Sets of indices in `namespaces` where a partial cell allows. */
  namespaceSets: number[][];
  cells: number[];
}

/** A node of the traffic graph: one workload (or one pod set a TrafficPolicy selects). */
export interface TrafficNode {
  id: string;
  namespace: string;
  label: string;
}

/** An edge: an allowed flow (with the connections and deciding policies) or a flow a deny rule blocks. */
export interface TrafficEdge {
  from: number;
  to: number;
  kind: "allow" | "deny";
  /** The allowed connections (`TCP 8080`), or `` for a denied flow. */
  conns: string;
  /** Allowed flows: the NetworkPolicies that decided it; denied flows: the TrafficPolicy deny rules (`policy deny[0]`). */
  rules: string[];
}

/** The traffic graph of a cluster. */
export interface TrafficGraph {
  /** `workloads` when read from `--workloads`, `policies` when synthesised from TrafficPolicy selectors. */
  source: "workloads" | "policies";
  namespaces: string[];
  nodes: TrafficNode[];
  edges: TrafficEdge[];
}

/** A workload manifest that a WorkloadPolicy rejects or warns about. */
export interface WorkloadFinding {
  object: string;
  decision: "deny" | "warn" | "allow";
  policy: string;
  rule: string;
  message: string;
}

/** A lint finding. */
export interface LintFinding {
  code: string;
  severity: string;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
}

/** One change of the semantic diff against `--base`. */
export interface DiffEntry {
  change: "added" | "removed" | "changed";
  /** What changed, e.g. `access`, `traffic`, `workload`. */
  area: string;
  /** A one-line description. */
  text: string;
}

/** The report of one cluster. */
export interface ClusterReport {
  name: string;
  access: AccessMatrix;
  traffic: TrafficGraph;
  workloads: WorkloadFinding[];
  lint: LintFinding[];
}

/** Everything the HTML page shows; written as report.json too. */
export interface ReportData {
  format: "rampart-report/v1";
  clusters: ClusterReport[];
  /** The semantic diff against `--base`, when given (computed by the diff module). */
  diff?: { base: string; entries: DiffEntry[] };
}
