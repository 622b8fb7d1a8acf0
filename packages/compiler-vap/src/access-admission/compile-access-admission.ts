import { normaliseAccess, normaliseClusters, resourceRefMatches, selectorMatches, type Diagnostic, type Inventory, type RampartDocument, type AccessRuleIR } from "@rampart/core";
import { ruleCel, ruleSummary, ruleWriteVerbs, subjectCel } from "./access-cel.js";
import { celString } from "./cel-text.js";
import { CONNECT_SUBRESOURCES } from "./envelope.js";

/** Options of `compileAccessAdmission`. */
export interface AccessAdmissionOptions {
  cluster?: string;
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
}

const OPERATIONS: Record<string, string> = { create: "CREATE", update: "UPDATE", patch: "UPDATE", delete: "DELETE" };
const POLICY_NAME = "rampart-access-writes";

/**
 * Compiles the write rules that RBAC cannot express exactly (name patterns, denies by name)
 * into one ValidatingAdmissionPolicy and its binding: for the subjects the policies name, on the
 * affected resources, a write is admitted only when the access semantics allow it.
 */
export function compileAccessAdmission(documents: readonly RampartDocument[], options: AccessAdmissionOptions): { objects: AdmissionObject[]; diagnostics: Diagnostic[]; report: WriteLayerReport[] } {
  const now = (options.now ?? new Date()).getTime();
  const clusters = normaliseClusters(documents);
  const cluster = clusters.find((c) => c.name === (options.cluster ?? clusters[0]!.name)) ?? clusters[0]!;
  const policies = normaliseAccess(documents)
    .filter((p) => selectorMatches(p.clusters, cluster.tags))
    .map((p) => ({ ...p, rules: p.rules.filter((r) => r.expires === undefined || now < r.expires) }));
  const diagnostics: Diagnostic[] = [];

  // The concrete resources some name-restricted write rule touches.
  const affected: { group: string; resource: string; sub: string; ops: Set<string> }[] = [];
  // Rules admission refines (see writeEnvelope): denies and name-restricted allows, for write verbs.
  const named = policies.flatMap((p) => p.rules.filter((r) => (r.names || r.effect === "deny") && !r.nonResourceURLs && ruleWriteVerbs(r).length > 0));
  for (const res of options.inventory.resources) {
    // Operations follow the rules' verbs, not the verbs discovery lists: a stale inventory must not open a gap.
    for (const t of [{ sub: "" }, ...res.subresources.filter((s) => !CONNECT_SUBRESOURCES.has(s.name)).map((s) => ({ sub: s.name }))]) {
      const ops = new Set<string>();
      for (const r of named) {
        if (!r.resources.some((ref) => resourceRefMatches(ref, res.group, res.resource, t.sub))) continue;
        for (const v of ruleWriteVerbs(r)) ops.add(OPERATIONS[v]!);
      }
      if (ops.size > 0) affected.push({ group: res.group, resource: res.resource, sub: t.sub, ops });
    }
  }
  const touches = (r: AccessRuleIR) => !r.nonResourceURLs && ruleWriteVerbs(r).length > 0 && affected.some((a) => r.resources.some((ref) => resourceRefMatches(ref, a.group, a.resource, a.sub)));
  const report: WriteLayerReport[] = policies.flatMap((p) =>
    p.rules.filter((r) => !r.nonResourceURLs && ruleWriteVerbs(r).length > 0).map((r) => ({ policy: p.name, rule: r.index, verbs: ruleWriteVerbs(r), layer: touches(r) ? ("rbac+admission" as const) : ("rbac" as const) })),
  );
  if (affected.length === 0) return { objects: [], diagnostics, report };

  const relevant = policies.map((p, i) => ({ p, i, rules: p.rules.filter(touches) })).filter((x) => x.rules.length > 0);
  const variables = [
    { name: "user", expression: "request.userInfo.username" },
    { name: "groups", expression: "has(request.userInfo.groups) ? request.userInfo.groups : []" },
    { name: "name", expression: 'request.name != "" ? request.name : (object != null && has(object.metadata) && has(object.metadata.name) ? object.metadata.name : "")' },
    { name: "verb", expression: 'request.operation == "CREATE" ? "create" : request.operation == "DELETE" ? "delete" : (has(request.options) && request.options != null && has(request.options.kind) && request.options.kind == "PatchOptions" ? "patch" : "update")' },
    ...relevant.map(({ p, i }) => ({ name: `subject${i}`, expression: subjectCel(p, "variables.user", "variables.groups") })),
  ];
  const conds = (effect: "allow" | "deny") =>
    relevant.flatMap(({ i, rules }) => rules.filter((r) => r.effect === effect).map((r) => ({ r, cel: ruleCel(r, `variables.subject${i}`, "variables.verb", "variables.name") })));
  const target = 'variables.verb + " " + request.resource.resource + (request.subResource != "" ? "/" + request.subResource : "") + " " + (request.namespace != "" ? request.namespace + "/" : "") + variables.name';
  const validations = [
    ...conds("deny").map(({ r, cel }) => ({
      expression: `!(${cel})`,
      messageExpression: `"rampart: " + variables.user + " may not " + ${target} + ${celString(`: denied by rule ${r.index} of AccessPolicy \`${r.policy}\` (${ruleSummary(r)})`)}`,
      reason: "Forbidden",
    })),
    {
      expression: conds("allow").map(({ cel }) => `(${cel})`).join(" || ") || "false",
      messageExpression: `"rampart: " + variables.user + " may not " + ${target} + ": no AccessPolicy rule allows this write"`,
      reason: "Forbidden",
    },
  ];
  const byGroup = new Map<string, { resources: Set<string>; ops: Set<string> }>();
  for (const a of affected) {
    const e = byGroup.get(a.group) ?? { resources: new Set(), ops: new Set() };
    e.resources.add(a.sub ? `${a.resource}/${a.sub}` : a.resource);
    for (const o of a.ops) e.ops.add(o);
    byGroup.set(a.group, e);
  }
  const labels = { "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": "access-writes" };
  const sources = [...new Set(relevant.map(({ p }) => `${p.source.file}:${p.source.line}`))].sort().join(", ");
  const policy: AdmissionObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: POLICY_NAME, labels, annotations: { "rampart.dev/source": sources } },
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
      matchConditions: [{ name: "rampart-subjects", expression: relevant.map(({ p }) => `(${subjectCel(p, "request.userInfo.username", "(has(request.userInfo.groups) ? request.userInfo.groups : [])")})`).join(" || ") }],
      variables,
      validations,
    },
  };
  const binding: AdmissionObject = {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: POLICY_NAME, labels },
    spec: { policyName: POLICY_NAME, validationActions: ["Deny"] },
  };
  return { objects: [policy, binding], diagnostics, report };
}
