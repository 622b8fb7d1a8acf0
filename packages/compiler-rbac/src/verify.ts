import {
  clusterFor,
  createEvaluator,
  normaliseAccess,
  selectorMatches,
  type AccessRequest,
  type ClusterIR,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import { createRbacAuthorizer, type RbacGrant } from "./authorizer.js";
import type { RbacRuleReport } from "./compile.js";
import { createDenyClosure } from "./deny-closure.js";
import type { RbacObject } from "./rbac-types.js";
import { visitAllowedRequests } from "./verify/allowed-requests.js";
import { visitGrantedRequests } from "./verify/granted-requests.js";
import { createJudge } from "./verify/judge-request.js";
import { requesterTable } from "./verify/request.js";
import { requestUniverse } from "./verify/universe.js";

/** Options of `verifyRbac`. */
export interface VerifyRbacOptions {
  /** Cluster whose tags select the policies (as in `compileRbac`). */
  cluster?: ClusterIR | string;
  /** Time at which `expires` is judged (default: now). */
  now?: Date;
  /** Compile diagnostics: an under-grant is covered when one sits at its rule's position. */
  diagnostics?: readonly Pick<Diagnostic, "file" | "line" | "column">[];
  /** Compile report: an under-grant is covered when its rule reports the verb as not expressible (precise; preferred). */
  report?: { readonly rules: readonly Pick<RbacRuleReport, "policy" | "rule" | "notExpressible">[] };
  /** A second layer that must also admit the request (the write-path admission policy); default: admits all. */
  admits?: (request: AccessRequest) => boolean;
}

/** A request on which RBAC and the policies disagree. */
export interface GrantMismatch {
  request: AccessRequest;
  /** For under-grants: the allow rule that grants it in the policies. */
  policy?: string;
  rule?: number;
  /** For under-grants: the compilation reported it at that rule. */
  covered?: boolean;
  /** For over-grants: why the policies refuse it (`no allow rule`, or the deny that applies). */
  reason?: string;
  /** For over-grants: the bindings (with their roles) through which RBAC allows it. */
  grantedBy?: RbacGrant[];
}

/** The outcome of `verifyRbac`. */
export interface VerifyRbacResult {
  overGrants: GrantMismatch[];
  underGrants: GrantMismatch[];
  /** How many requests were checked. */
  checked: number;
}

/**
 * Proves emitted RBAC against the policies over the request universe: every subject named in
 * the policies or the bindings × verb × resource × subresource × namespace (inventory plus the
 * literal ones) × known name, an unknown name and the empty name, and every non-resource URL
 * named — requests the API server can serve only. A request RBAC grants is an over-grant unless
 * the policies allow it for that subject and no deny applies to any requester the subject may
 * also be (RBAC cannot tell them apart). A request the policies allow that RBAC refuses is an
 * under-grant, covered when the compilation reported it. Verify with the inventory the objects
 * were compiled against: `verify…(documents, universe, objects, options)`, as `verifyNetwork`.
 */
export function verifyRbac(
  documents: readonly RampartDocument[],
  inventory: Inventory,
  objects: readonly RbacObject[],
  options: VerifyRbacOptions = {},
): VerifyRbacResult {
  const result: VerifyRbacResult = { overGrants: [], underGrants: [], checked: 0 };
  const cluster = clusterFor(documents, options.cluster);
  if ("severity" in cluster) return result;
  const now = options.now ?? new Date();
  const policies = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const authorizer = createRbacAuthorizer(objects);
  const judge = createJudge(
    {
      evaluator: createEvaluator(documents, { cluster, inventory, now }),
      authorizer,
      policies,
      closure: createDenyClosure(documents, policies, inventory, now),
      admits: options.admits,
      diagnostics: options.diagnostics,
      report: options.report,
    },
    result,
  );
  const universe = requestUniverse(policies, objects, inventory);
  const requester = requesterTable(authorizer);
  // 1. Everything RBAC grants a subject must be allowed by the policies.
  visitGrantedRequests(objects, universe, requester, judge);
  // 2. Everything the policies allow a named subject should be granted, or reported.
  visitAllowedRequests(policies, now.getTime(), universe, requester, judge);
  return result;
}
