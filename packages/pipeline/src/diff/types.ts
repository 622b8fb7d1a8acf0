import type { NamedSubject } from "@rampart/core";

/** A rule that decides a request on one side of the diff. */
export interface RuleRef {
  policy: string;
  rule: number;
}

/** The request a class stands for, as `rampart eval` takes it. */
export interface ExampleRequest {
  user: string;
  groups: string[];
  verb: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  /** Only for a non-resource request. */
  nonResourceURL?: string;
}

/**
 * A class of access requests whose decision flips. It covers a request when the subject matches
 * it, the verb is listed, group, resource and subresource are equal, and namespace and name each
 * match an entry of `namespaces` / `names` and none of `exceptNamespaces` / `exceptNames` (present
 * only when needed). `""` covers only the empty value, `*` every non-empty one.
 */
export interface AccessChange {
  subject: NamedSubject;
  verbs: string[];
  apiGroup: string;
  resource: string;
  subresource: string;
  namespaces: string[];
  exceptNamespaces?: string[];
  names: string[];
  exceptNames?: string[];
  /** Present for non-resource requests only (then `resource` is `""`): the URL globs covered, as `names`. */
  nonResourceURLs?: string[];
  exceptNonResourceURLs?: string[];
  before: "allow" | "deny";
  after: "allow" | "deny";
  because: { before: RuleRef[]; after: RuleRef[] };
  example: ExampleRequest;
}

/** A flow between two workloads (or a workload and an external address) whose verdict flips. */
export interface TrafficChange {
  from: string;
  to: string;
  /** The connections whose verdict flips, e.g. `8080/TCP` or `TCP 1-65535`. */
  port: string;
  before: "allow" | "deny";
  after: "allow" | "deny";
}

/** A manifest whose admission verdict changes. */
export interface WorkloadChange {
  file: string;
  object: string;
  before: "admit" | "warn" | "deny";
  after: "admit" | "warn" | "deny";
  /** The rules that deny (or warn) on the side that is stricter. */
  rules: string[];
}

/** The changes of one cluster. */
export interface ClusterDiff {
  cluster: string;
  access: AccessChange[];
  traffic: TrafficChange[];
  workload: WorkloadChange[];
}

/** Counts of the changes (SPEC's `summary`). */
export interface DiffSummary {
  newAccess: number;
  removedAccess: number;
  newFlows: number;
  removedFlows: number;
  newlyDenied: number;
  newlyAdmitted: number;
}

/** The semantic diff of two policy versions (SPEC: `rampart diff --base -o json`). */
export interface SemanticDiff {
  clusters: ClusterDiff[];
  summary: DiffSummary;
}
