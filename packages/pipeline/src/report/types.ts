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
 * Subjects × resources × verbs with string tables, never repeated per cell: a cell kind is a
 * (state, rule set, namespace set) triple, a pattern is one row's kind per verb, and a profile is the
 * list of (resource, pattern) rows that subjects with the same access share. A (subject, resource)
 * pair absent from the subject's profile, or a verb whose pattern entry is -1, is `Deny` with no rule.
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
  /**
   * Cell kinds, three integers each: state (`CellState`), rule set (index in `ruleSets`), allowed
   * namespaces (index in `namespaceSets`; -1 unless the cell is partial and each namespace is wholly allowed or denied).
   */
  kinds: number[];
  /** Per pattern, one kind index per verb (-1: denied by default). */
  patterns: number[][];
  /** Per profile, flat pairs: resource index, pattern index; sorted by resource. */
  profiles: number[][];
  /** The profile of each subject (-1: no rule names the subject's requests). */
  subjectProfile: number[];
}

/** One decided cell of the matrix. */
export interface MatrixCell {
  state: CellState;
  /** Indices in `rules` of the rules that decide it. */
  rules: readonly number[];
  /** Indices in `namespaces` where it is allowed, when it is partial over namespaces only. */
  namespaces: readonly number[] | undefined;
}

/** The cell of a subject, resource and verb (by index); undefined when denied by default (no rule). */
export function matrixCell(m: AccessMatrix, subject: number, resource: number, verb: number): MatrixCell | undefined {
  const profile = m.profiles[m.subjectProfile[subject] ?? -1];
  if (!profile) return undefined;
  for (let i = 0; i < profile.length; i += 2) {
    if (profile[i] !== resource) continue;
    const kind = m.patterns[profile[i + 1]!]![verb]!;
    if (kind < 0) return undefined;
    const ns = m.kinds[kind * 3 + 2]!;
    return { state: m.kinds[kind * 3] as CellState, rules: m.ruleSets[m.kinds[kind * 3 + 1]!]!, namespaces: ns < 0 ? undefined : m.namespaceSets[ns]! };
  }
  return undefined;
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
