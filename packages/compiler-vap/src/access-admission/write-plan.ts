// What the write-path admission policy must cover: the live rules of a cluster, the connect
// subresources enforced by name, and the concrete resources and operations refined rules touch.
import {
  normaliseAccess,
  resourceRefMatches,
  selectorMatches,
  type AccessPolicyIR,
  type AccessRuleIR,
  type ClusterIR,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import { createNamespaceMatcher } from "@rampart/core/compiler";
import { ruleWriteVerbs } from "./access-cel.js";
import { CONNECT_SUBRESOURCES, coveredConnectVerbs, coversConnect, planConnect, refinable, type ConnectPlan, type ConnectTarget } from "./connect-targets.js";

/** Per source rule and verb: which layer enforces it. */
export interface WriteLayerReport {
  policy: string;
  rule: number;
  verbs: string[];
  layer: "rbac" | "rbac+admission";
  /** Connect subresources the rule covers: enforced by name in admission, or left to RBAC (verbs told apart). */
  connect?: { admission: string[]; rbacOnly: string[] };
}

/** A concrete resource (or subresource) a refined rule touches, with the admission operations it needs. */
export interface AffectedResource {
  group: string;
  resource: string;
  sub: string;
  ops: Set<string>;
}

/** The plan of the write-path admission policy for one cluster. */
export interface WritePlan {
  /** The cluster's AccessPolicies with expired rules left out. */
  policies: AccessPolicyIR[];
  connect: ConnectPlan;
  /** The connect targets admission enforces for each resource rule. */
  connectOf: ReadonlyMap<AccessRuleIR, ConnectTarget[]>;
  affected: AffectedResource[];
  /** Whether admission must look at a rule's requests (it names connect targets, or writes to an affected resource). */
  touches(rule: AccessRuleIR): boolean;
  /** The namespaces RBAC binds a rule's namespace globs in (as compileRbac: the inventory's plus literal ones). */
  namespacesOf(rule: AccessRuleIR): readonly string[];
}

const OPERATIONS: Record<string, string> = { create: "CREATE", update: "UPDATE", patch: "UPDATE", delete: "DELETE" };

/** The concrete resources a refined rule (a deny, or an allow by name) touches, with their operations, then the enforced connect targets. */
function affectedResources(live: readonly AccessRuleIR[], inventory: Inventory, connect: ConnectPlan): AffectedResource[] {
  const affected: AffectedResource[] = [];
  const refined = live.filter((r) => refinable(r) && ruleWriteVerbs(r).length > 0);
  for (const res of inventory.resources) {
    // Operations follow the rules' verbs, not the verbs discovery lists: a stale inventory must not open a gap.
    for (const sub of ["", ...res.subresources.filter((s) => !CONNECT_SUBRESOURCES.has(s.name)).map((s) => s.name)]) {
      const ops = new Set<string>();
      for (const r of refined)
        if (r.resources.some((ref) => resourceRefMatches(ref, res.group, res.resource, sub))) for (const v of ruleWriteVerbs(r)) ops.add(OPERATIONS[v]!);
      if (ops.size > 0) affected.push({ group: res.group, resource: res.resource, sub, ops });
    }
  }
  for (const t of connect.enforced) affected.push({ group: t.group, resource: t.resource, sub: t.sub, ops: new Set(["CONNECT"]) });
  return affected;
}

/** Plans the write-path admission policy of a cluster at `now` (ms): which rules, resources and connect targets it covers. */
export function planWrites(documents: readonly RampartDocument[], cluster: ClusterIR, inventory: Inventory, now: number): WritePlan {
  const selected = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const policies = selected.map((p) => ({ ...p, rules: p.rules.filter((r) => r.expires === undefined || now < r.expires) }));
  const live = policies.flatMap((p) => p.rules.filter((r) => !r.nonResourceURLs));
  const connect = planConnect(live, inventory);
  const connectOf = new Map(live.map((r) => [r, connect.enforced.filter((t) => coversConnect(r, t))]));
  const known = new Set(inventory.namespaces);
  for (const p of selected) for (const r of p.rules) for (const g of r.namespaces ?? []) if (g.literal) known.add(g.source);
  const matcher = createNamespaceMatcher([...known]);
  const affected = affectedResources(live, inventory, connect);
  const writesAffected = (r: AccessRuleIR) =>
    affected.some((a) => !CONNECT_SUBRESOURCES.has(a.sub) && r.resources.some((ref) => resourceRefMatches(ref, a.group, a.resource, a.sub)));
  return {
    policies,
    connect,
    connectOf,
    affected,
    touches: (r) => connectOf.get(r)!.length > 0 || (ruleWriteVerbs(r).length > 0 && writesAffected(r)),
    namespacesOf: (r) => (r.namespaces === undefined ? [] : matcher.matching(r.namespaces)),
  };
}

/** Per rule with writes or connect targets: the layers that enforce it. */
export function writeLayerReports(plan: WritePlan): WriteLayerReport[] {
  return plan.policies.flatMap((p) =>
    p.rules.flatMap((r) => {
      if (r.nonResourceURLs) return [];
      const admission = plan.connectOf.get(r)!.map((t) => t.text);
      const rbacOnly = plan.connect.rbacOnly.filter((x) => coveredConnectVerbs(r, x.target).length > 0).map((x) => x.target.text);
      if (ruleWriteVerbs(r).length === 0 && admission.length === 0 && rbacOnly.length === 0) return [];
      const entry: WriteLayerReport = { policy: p.name, rule: r.index, verbs: ruleWriteVerbs(r), layer: plan.touches(r) ? "rbac+admission" : "rbac" };
      if (admission.length > 0 || rbacOnly.length > 0) entry.connect = { admission, rbacOnly };
      return [entry];
    }),
  );
}
