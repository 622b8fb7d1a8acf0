import {
  clusterFor,
  createInventory,
  diagnostic,
  type AccessPolicyIR,
  type AccessRuleIR,
  type ClusterIR,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import { managedLabels, openApiDiagnostics, sourceAnnotations } from "@rampart/core/compiler";
import { validateObject } from "../workload/openapi.js";
import { broadenedCel, NAMESPACED, ruleCel, ruleSummary, subjectCel } from "./access-cel.js";
import { celString, celStringList } from "./cel-text.js";
import { coveredConnectVerbs, refinable, type ConnectTarget } from "./connect-targets.js";
import { planWrites, writeLayerReports, type AffectedResource, type WriteLayerReport, type WritePlan } from "./write-plan.js";

export type { WriteLayerReport } from "./write-plan.js";

/** Options of `compileAccessAdmission`. */
export interface CompileAccessAdmissionOptions {
  /** The resolved cluster whose tags select the policies, or its name (default: the only or `default` cluster). */
  cluster?: ClusterIR | string;
  /** Inventory the resources, subresources and namespace globs expand against (default: built-in). */
  inventory?: Inventory;
  /** Time at which `expires` is judged (default: now). */
  now?: Date;
}

/** A generated Kubernetes object. */
export type AdmissionObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
};

/** What `compileAccessAdmission` reports besides the objects: the layers that enforce each rule. */
export interface AccessAdmissionReport {
  rules: WriteLayerReport[];
}

/** The result of `compileAccessAdmission`: the policy and binding (or none), diagnostics and the report. */
export interface CompileAccessAdmissionResult {
  objects: AdmissionObject[];
  diagnostics: Diagnostic[];
  report: AccessAdmissionReport;
}

/** The name of the write-path ValidatingAdmissionPolicy (and its binding). */
export const ACCESS_WRITES_POLICY = "rampart-access-writes";

/** A CEL expression with a name or a message, as `spec.variables` and `spec.validations` hold them. */
type Variable = { name: string; expression: string };
type Validation = { expression: string; messageExpression: string; reason: string };

/** The policies with rules admission looks at, each with its index (its subject variable is `subject<i>`). */
type Relevant = { p: AccessPolicyIR; i: number; rules: AccessRuleIR[] }[];

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

/** The request's user, groups, object name and verb, then each relevant policy's subject test. */
function requestVariables(relevant: Relevant): Variable[] {
  return [
    { name: "user", expression: "request.userInfo.username" },
    { name: "groups", expression: "has(request.userInfo.groups) ? request.userInfo.groups : []" },
    {
      name: "name",
      expression: 'request.name != "" ? request.name : (object != null && has(object.metadata) && has(object.metadata.name) ? object.metadata.name : "")',
    },
    {
      name: "verb",
      expression:
        'request.operation == "CONNECT" ? "connect" : request.operation == "CREATE" ? "create" : request.operation == "DELETE" ? "delete" : (has(request.options) && request.options != null && has(request.options.kind) && request.options.kind == "PatchOptions" ? "patch" : "update")',
    },
    ...relevant.map(({ p, i }) => ({ name: `subject${i}`, expression: subjectCel(p, "variables.user", "variables.groups") })),
  ];
}

/**
 * The variables and validations of the policy: a deny rule rejects what it names; a
 * name-restricted allow, whose names RBAC dropped, rejects the broadened grant unless some allow
 * rule applies (`variables.allowed`).
 */
function policyExpressions(plan: WritePlan, relevant: Relevant): { variables: Variable[]; validations: Validation[] } {
  const subjectOf = new Map(relevant.flatMap(({ i, rules }) => rules.map((r) => [r, `variables.subject${i}`] as const)));
  const ofEffect = (effect: "allow" | "deny") => relevant.flatMap(({ rules }) => rules.filter((r) => r.effect === effect));
  const cel = (r: AccessRuleIR) => ruleCel(r, subjectOf.get(r)!, "variables.verb", "variables.name", plan.connectOf.get(r)!);
  const variables = requestVariables(relevant);
  const named = ofEffect("allow").filter((r) => r.names);
  if (named.length > 0)
    variables.push({
      name: "allowed",
      expression: ofEffect("allow")
        .map((r) => `(${cel(r)})`)
        .join(" || "),
    });
  const target =
    'variables.verb + " " + request.resource.resource + (request.subResource != "" ? "/" + request.subResource : "") + " " + (request.namespace != "" ? request.namespace + "/" : "") + variables.name';
  const refuse = (reason: string) => `"rampart: " + variables.user + " may not " + ${target} + ${reason}`;
  const validations = [
    ...ofEffect("deny").map((r) => ({
      expression: `!(${cel(r)})`,
      messageExpression: refuse(celString(`: denied by rule ${r.index} of AccessPolicy \`${r.policy}\` (${ruleSummary(r, plan.connectOf.get(r)!)})`)),
      reason: "Forbidden",
    })),
    ...named.map((r) => ({
      expression: `!(${broadenedCel(r, subjectOf.get(r)!, "variables.verb", plan.connectOf.get(r)!, plan.namespacesOf(r))}) || variables.allowed`,
      messageExpression: refuse(
        `": rampart's RBAC grants this " + (variables.verb == "connect" ? "request" : "write") + ${celString(` only for names ${r.names!.map((g) => `\`${g.source}\``).join(", ")} (rule ${r.index} of AccessPolicy \`${r.policy}\`) and no AccessPolicy rule allows it`)}`,
      ),
      reason: "Forbidden",
    })),
  ];
  return { variables, validations };
}

/** `matchConstraints.resourceRules`: one per API group, with its affected resources and operations. */
function resourceRules(affected: readonly AffectedResource[]) {
  const byGroup = new Map<string, { resources: Set<string>; ops: Set<string> }>();
  for (const a of affected) {
    const e = byGroup.get(a.group) ?? { resources: new Set(), ops: new Set() };
    e.resources.add(a.sub ? `${a.resource}/${a.sub}` : a.resource);
    for (const o of a.ops) e.ops.add(o);
    byGroup.set(a.group, e);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, e]) => ({ apiGroups: [group], apiVersions: ["*"], operations: [...e.ops].sort(), resources: [...e.resources].sort(), scope: "*" }));
}

/** The ValidatingAdmissionPolicy `rampart-access-writes` and its binding. */
function accessWritesObjects(plan: WritePlan, inventory: Inventory): AdmissionObject[] {
  const relevant: Relevant = plan.policies
    .map((p, i) => ({ p, i, rules: p.rules.filter((r) => !r.nonResourceURLs && plan.touches(r)) }))
    .filter((x) => x.rules.length > 0);
  const { variables, validations } = policyExpressions(plan, relevant);
  if ([...variables, ...validations].some((x) => x.expression.includes(NAMESPACED))) {
    const namespaced = [
      ...new Set(plan.affected.filter((a) => inventory.resource(a.group, a.resource)?.namespaced).map((a) => `${a.group}/${a.resource}`)),
    ].sort();
    variables.splice(4, 0, { name: "namespaced", expression: `(request.resource.group + "/" + request.resource.resource) in ${celStringList(namespaced)}` });
  }
  const labels = managedLabels("access-writes");
  const sources = [...new Set(relevant.map(({ p }) => `${p.source.file}:${p.source.line}`))].sort().join(", ");
  // Only requesters a refined rule names can be rejected: the others are not matched at all.
  const matched = relevant.filter(({ rules }) => rules.some(refinable));
  const subjects = matched
    .map(({ p }) => `(${subjectCel(p, "request.userInfo.username", "(has(request.userInfo.groups) ? request.userInfo.groups : [])")})`)
    .join(" || ");
  const policy: AdmissionObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: ACCESS_WRITES_POLICY, labels, annotations: sourceAnnotations(sources) },
    spec: {
      failurePolicy: "Fail",
      matchConstraints: { resourceRules: resourceRules(plan.affected) },
      // matchConditions cannot see variables: the subject test is spelled out on `request`.
      matchConditions: [{ name: "rampart-subjects", expression: subjects }],
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
  return [policy, binding];
}

/**
 * Compiles the write and connect rules RBAC cannot express exactly into one
 * ValidatingAdmissionPolicy and its binding. A request is rejected only when a deny rule names it,
 * or when rampart's RBAC granted it through a name-restricted allow whose names were dropped
 * (see writeEnvelope) and no allow rule applies; everything else is left to the cluster's RBAC.
 */
export function compileAccessAdmission(documents: readonly RampartDocument[], options: CompileAccessAdmissionOptions = {}): CompileAccessAdmissionResult {
  const inventory = options.inventory ?? createInventory();
  const cluster = clusterFor(documents, options.cluster);
  if ("severity" in cluster) return { objects: [], diagnostics: [cluster], report: { rules: [] } };
  const plan = planWrites(documents, cluster, inventory, (options.now ?? new Date()).getTime());
  const diagnostics = connectDiagnostics(plan.connect.rbacOnly);
  const report = { rules: writeLayerReports(plan) };
  if (plan.affected.length === 0) return { objects: [], diagnostics, report };
  const objects = accessWritesObjects(plan, inventory);
  return { objects, diagnostics: [...diagnostics, ...openApiDiagnostics(objects, validateObject, "Kubernetes 1.35")], report };
}
