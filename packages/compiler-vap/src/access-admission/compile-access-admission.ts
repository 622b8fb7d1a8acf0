import { clusterFor, diagnostic, normaliseAccess, resourceRefMatches, selectorMatches, type AccessRuleIR, type ClusterIR, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { managedLabels, openApiDiagnostics, sourceAnnotations } from "@rampart/core/compiler";
import { validateObject } from "../workload/openapi.js";
import { broadenedCel, NAMESPACED, ruleCel, ruleSummary, ruleWriteVerbs, subjectCel } from "./access-cel.js";
import { celString, celStringList } from "./cel-text.js";
import { CONNECT_SUBRESOURCES, coveredConnectVerbs, coversConnect, planConnect, refinable, type ConnectTarget } from "./connect-targets.js";

/** Options of `compileAccessAdmission`. */
export interface AccessAdmissionOptions {
  /** The resolved cluster whose tags select the policies, or its name (default: the only or `default` cluster). */
  cluster?: ClusterIR | string;
  inventory: Inventory;
  now?: Date;
}

/** A generated Kubernetes object. */
export type AdmissionObject = { apiVersion: string; kind: string; metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> }; spec: Record<string, unknown> };

/** Per source rule and verb: which layer enforces it. */
export interface WriteLayerReport {
  policy: string;
  rule: number;
  verbs: string[];
  layer: "rbac" | "rbac+admission";
  /** Connect subresources the rule covers: enforced by name in admission, or left to RBAC (verbs told apart). */
  connect?: { admission: string[]; rbacOnly: string[] };
}

/** The result of `compileAccessAdmission`: the policy and binding (or none), diagnostics and the per-rule layers. */
export interface CompileAccessAdmissionResult {
  objects: AdmissionObject[];
  diagnostics: Diagnostic[];
  report: WriteLayerReport[];
}

/** The name of the write-path ValidatingAdmissionPolicy (and its binding). */
export const ACCESS_WRITES_POLICY = "rampart-access-writes";

const OPERATIONS: Record<string, string> = { create: "CREATE", update: "UPDATE", patch: "UPDATE", delete: "DELETE" };

/** Connect-verb diagnostics: a rule that tells the verbs of a connect subresource apart keeps it RBAC-only. */
function connectDiagnostics(rbacOnly: readonly { target: ConnectTarget; rules: readonly AccessRuleIR[] }[]): Diagnostic[] {
  const byRule = new Map<AccessRuleIR, ConnectTarget[]>();
  for (const { target, rules } of rbacOnly) for (const r of rules) byRule.set(r, [...(byRule.get(r) ?? []), target]);
  return [...byRule.entries()].map(([r, targets]) => {
    const t = targets[0]!;
    const covered = coveredConnectVerbs(r, t);
    const missing = t.verbs.filter((v) => !covered.includes(v));
    const list = targets.map((x) => `\`${x.text}\``).join(", ");
    return diagnostic(
      "connect-verbs-differ",
      "warning",
      `rule ${r.index} of AccessPolicy \`${r.policy}\` allows or denies ${covered.map((v) => `\`${v}\``).join(", ")} but not ${missing.map((v) => `\`${v}\``).join(", ")} on ${list}: admission sees these verbs as one CONNECT request, so names and denies on ${list} stay RBAC-only, which grants less where it cannot express them`,
      r.source,
      `list all of ${t.verbs.map((v) => `\`${v}\``).join(", ")} or none of them for ${list} in this rule`,
    );
  });
}

/**
 * Compiles the write and connect rules RBAC cannot express exactly into one
 * ValidatingAdmissionPolicy and its binding. A request is rejected only when a deny rule names it,
 * or when rampart's RBAC granted it through a name-restricted allow whose names were dropped
 * (see writeEnvelope) and no allow rule applies; everything else is left to the cluster's RBAC.
 */
export function compileAccessAdmission(documents: readonly RampartDocument[], options: AccessAdmissionOptions): CompileAccessAdmissionResult {
  const now = (options.now ?? new Date()).getTime();
  const cluster = clusterFor(documents, options.cluster);
  if ("severity" in cluster) return { objects: [], diagnostics: [cluster], report: [] };
  const selected = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const policies = selected.map((p) => ({ ...p, rules: p.rules.filter((r) => r.expires === undefined || now < r.expires) }));
  const live = policies.flatMap((p) => p.rules.filter((r) => !r.nonResourceURLs));
  const plan = planConnect(live, options.inventory);
  const diagnostics = connectDiagnostics(plan.rbacOnly);
  const connectOf = new Map(live.map((r) => [r, plan.enforced.filter((t) => coversConnect(r, t))]));
  // The namespaces RBAC binds a namespace glob in (as compileRbac: the inventory's plus literal ones).
  const known = new Set(options.inventory.namespaces);
  for (const p of selected) for (const r of p.rules) for (const g of r.namespaces ?? []) if (g.literal) known.add(g.source);
  const namespacesOf = (r: AccessRuleIR) => [...known].filter((n) => r.namespaces?.some((g) => g.test(n))).sort();

  // The concrete resources a refined rule (a deny, or an allow by name) touches, with their operations.
  const affected: { group: string; resource: string; sub: string; ops: Set<string> }[] = [];
  const refined = live.filter((r) => refinable(r) && ruleWriteVerbs(r).length > 0);
  for (const res of options.inventory.resources) {
    // Operations follow the rules' verbs, not the verbs discovery lists: a stale inventory must not open a gap.
    for (const sub of ["", ...res.subresources.filter((s) => !CONNECT_SUBRESOURCES.has(s.name)).map((s) => s.name)]) {
      const ops = new Set<string>();
      for (const r of refined) if (r.resources.some((ref) => resourceRefMatches(ref, res.group, res.resource, sub))) for (const v of ruleWriteVerbs(r)) ops.add(OPERATIONS[v]!);
      if (ops.size > 0) affected.push({ group: res.group, resource: res.resource, sub, ops });
    }
  }
  for (const t of plan.enforced) affected.push({ group: t.group, resource: t.resource, sub: t.sub, ops: new Set(["CONNECT"]) });
  const touches = (r: AccessRuleIR) => connectOf.get(r)!.length > 0 || (ruleWriteVerbs(r).length > 0 && affected.some((a) => !CONNECT_SUBRESOURCES.has(a.sub) && r.resources.some((ref) => resourceRefMatches(ref, a.group, a.resource, a.sub))));
  const report: WriteLayerReport[] = policies.flatMap((p) =>
    p.rules.flatMap((r) => {
      if (r.nonResourceURLs) return [];
      const admission = connectOf.get(r)!.map((t) => t.text);
      const rbacOnly = plan.rbacOnly.filter((x) => coveredConnectVerbs(r, x.target).length > 0).map((x) => x.target.text);
      if (ruleWriteVerbs(r).length === 0 && admission.length === 0 && rbacOnly.length === 0) return [];
      const entry: WriteLayerReport = { policy: p.name, rule: r.index, verbs: ruleWriteVerbs(r), layer: touches(r) ? "rbac+admission" : "rbac" };
      if (admission.length > 0 || rbacOnly.length > 0) entry.connect = { admission, rbacOnly };
      return [entry];
    }),
  );
  if (affected.length === 0) return { objects: [], diagnostics, report };

  const namespacedAffected = [...new Set(affected.filter((a) => options.inventory.resource(a.group, a.resource)?.namespaced).map((a) => `${a.group}/${a.resource}`))].sort();
  const relevant = policies.map((p, i) => ({ p, i, rules: p.rules.filter((r) => !r.nonResourceURLs && touches(r)) })).filter((x) => x.rules.length > 0);
  const subjectOf = new Map(relevant.flatMap(({ i, rules }) => rules.map((r) => [r, `variables.subject${i}`] as const)));
  const ofEffect = (effect: "allow" | "deny") => relevant.flatMap(({ rules }) => rules.filter((r) => r.effect === effect));
  const cel = (r: AccessRuleIR) => ruleCel(r, subjectOf.get(r)!, "variables.verb", "variables.name", connectOf.get(r)!);
  const variables = [
    { name: "user", expression: "request.userInfo.username" },
    { name: "groups", expression: "has(request.userInfo.groups) ? request.userInfo.groups : []" },
    { name: "name", expression: 'request.name != "" ? request.name : (object != null && has(object.metadata) && has(object.metadata.name) ? object.metadata.name : "")' },
    {
      name: "verb",
      expression: 'request.operation == "CONNECT" ? "connect" : request.operation == "CREATE" ? "create" : request.operation == "DELETE" ? "delete" : (has(request.options) && request.options != null && has(request.options.kind) && request.options.kind == "PatchOptions" ? "patch" : "update")',
    },
    ...relevant.map(({ p, i }) => ({ name: `subject${i}`, expression: subjectCel(p, "variables.user", "variables.groups") })),
  ];
  const named = ofEffect("allow").filter((r) => r.names);
  if (named.length > 0) variables.push({ name: "allowed", expression: ofEffect("allow").map((r) => `(${cel(r)})`).join(" || ") });
  const target = 'variables.verb + " " + request.resource.resource + (request.subResource != "" ? "/" + request.subResource : "") + " " + (request.namespace != "" ? request.namespace + "/" : "") + variables.name';
  const refuse = (reason: string) => `"rampart: " + variables.user + " may not " + ${target} + ${reason}`;
  const validations = [
    ...ofEffect("deny").map((r) => ({
      expression: `!(${cel(r)})`,
      messageExpression: refuse(celString(`: denied by rule ${r.index} of AccessPolicy \`${r.policy}\` (${ruleSummary(r, connectOf.get(r)!)})`)),
      reason: "Forbidden",
    })),
    ...named.map((r) => ({
        expression: `!(${broadenedCel(r, subjectOf.get(r)!, "variables.verb", connectOf.get(r)!, namespacesOf(r))}) || variables.allowed`,
        messageExpression: refuse(
          `": rampart's RBAC grants this " + (variables.verb == "connect" ? "request" : "write") + ${celString(` only for names ${r.names!.map((g) => `\`${g.source}\``).join(", ")} (rule ${r.index} of AccessPolicy \`${r.policy}\`) and no AccessPolicy rule allows it`)}`,
        ),
        reason: "Forbidden",
      })),
  ];
  if ([...variables, ...validations].some((x) => x.expression.includes(NAMESPACED))) {
    variables.splice(4, 0, { name: "namespaced", expression: `(request.resource.group + "/" + request.resource.resource) in ${celStringList(namespacedAffected)}` });
  }
  const byGroup = new Map<string, { resources: Set<string>; ops: Set<string> }>();
  for (const a of affected) {
    const e = byGroup.get(a.group) ?? { resources: new Set(), ops: new Set() };
    e.resources.add(a.sub ? `${a.resource}/${a.sub}` : a.resource);
    for (const o of a.ops) e.ops.add(o);
    byGroup.set(a.group, e);
  }
  const labels = managedLabels("access-writes");
  const sources = [...new Set(relevant.map(({ p }) => `${p.source.file}:${p.source.line}`))].sort().join(", ");
  // Only requesters a refined rule names can be rejected: the others are not matched at all.
  const matched = relevant.filter(({ rules }) => rules.some(refinable));
  const policy: AdmissionObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: ACCESS_WRITES_POLICY, labels, annotations: sourceAnnotations(sources) },
    spec: {
      failurePolicy: "Fail",
      matchConstraints: {
        resourceRules: [...byGroup.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, e]) => ({
          apiGroups: [group],
          apiVersions: ["*"],
          operations: [...e.ops].sort(),
          resources: [...e.resources].sort(),
          scope: "*",
        })),
      },
      // matchConditions cannot see variables: the subject test is spelled out on `request`.
      matchConditions: [{ name: "rampart-subjects", expression: matched.map(({ p }) => `(${subjectCel(p, "request.userInfo.username", "(has(request.userInfo.groups) ? request.userInfo.groups : [])")})`).join(" || ") }],
      variables,
      validations,
    },
  };
  const binding: AdmissionObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: ACCESS_WRITES_POLICY, labels },
    spec: { policyName: ACCESS_WRITES_POLICY, validationActions: ["Deny"] },
  };
  const objects = [policy, binding];
  return { objects, diagnostics: [...diagnostics, ...openApiDiagnostics(objects, validateObject, "Kubernetes 1.35")], report };
}
