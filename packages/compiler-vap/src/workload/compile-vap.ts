import { Environment } from "@marcbachmann/cel-js";
import { createOpenApiValidator, diagnostic, documentsOfKind, positionOf, timestampMillis, type Diagnostic, type OpenApiBundle, type RampartDocument, type WorkloadPolicy } from "@rampart/core";
import schemas from "../../data/openapi-admissionregistration-v1.35.json" with { type: "json" };
import { celGlob, celString } from "../access-admission/cel-text.js";
import { catalogueRule } from "./catalogue.js";

/** Options of `compileVap`. */
export interface CompileVapOptions {
  /** Time at which exemptions' `expires` is judged (default: now). */
  now?: Date;
}

/** A generated admission object. */
export type VapObject = { apiVersion: string; kind: string; metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> }; spec: Record<string, unknown> };

const KINDS: Record<string, [string, string]> = {
  Pod: ["", "pods"], Deployment: ["apps", "deployments"], StatefulSet: ["apps", "statefulsets"], DaemonSet: ["apps", "daemonsets"],
  ReplicaSet: ["apps", "replicasets"], ReplicationController: ["", "replicationcontrollers"], Job: ["batch", "jobs"], CronJob: ["batch", "cronjobs"],
};
const ACTIONS = { deny: ["Deny"], warn: ["Warn", "Audit"], audit: ["Audit"] } as const;
const validate = createOpenApiValidator(schemas as OpenApiBundle);
const cel = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });
const literal = (g: string) => !g.includes("*") && !g.includes("?");

/** Variables shared by every validation: the pod spec and its containers, extracted once. */
const VARIABLES = [
  { name: "podSpec", expression: 'object.kind == "Pod" ? object.spec : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec)' },
  { name: "containers", expression: "variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : []) + (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])" },
  { name: "containersWithResources", expression: "variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])" },
];

/**
 * Compiles WorkloadPolicies into ValidatingAdmissionPolicies and bindings: kinds and CREATE/UPDATE
 * in matchConstraints, namespaces by selector (exact names) or matchConditions (globs), one
 * validation per rule with a message naming the rule, the object and the containers.
 */
export function compileVap(documents: readonly RampartDocument[], options: CompileVapOptions = {}): { objects: VapObject[]; diagnostics: Diagnostic[]; report: { rules: { policy: string; rule: number; id: string; backend: "admission" | "none" }[] } } {
  const now = (options.now ?? new Date()).getTime();
  const objects: VapObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const report: { policy: string; rule: number; id: string; backend: "admission" | "none" }[] = [];
  for (const doc of documentsOfKind(documents, "WorkloadPolicy")) {
    const name = `rampart-${doc.metadata.name}`;
    const spec = doc.spec;
    const exemptions = (spec.exemptions ?? []).filter((e, i) => {
      if (e.expires === undefined || timestampMillis(e.expires) > now) return true;
      diagnostics.push(diagnostic("exemption-expired", "warning", `exemption ${i} of WorkloadPolicy \`${doc.metadata.name}\` (owner ${e.owner}) expired on ${e.expires}: its rules apply again`, positionOf(doc, ["spec", "exemptions", i, "expires"]), "remove the exemption, or renew it with its owner"));
      return false;
    });
    const validations: Record<string, unknown>[] = [];
    spec.rules.forEach((rule, i) => {
      const c = catalogueRule(rule);
      const id = c?.id ?? Object.keys(rule)[0]!;
      if (!c) {
        report.push({ policy: doc.metadata.name, rule: i, id, backend: "none" });
        diagnostics.push(diagnostic("rule-not-supported", "warning", `rule ${i} of WorkloadPolicy \`${doc.metadata.name}\` (\`${id}\`) is not compiled by this version: nothing enforces it`, positionOf(doc, ["spec", "rules", i]), "track the Pod Security Standards support of @rampart/compiler-vap"));
        return;
      }
      if (c.id === "cel") {
        try {
          cel.parse(c.check);
        } catch (error) {
          diagnostics.push(diagnostic("invalid-cel", "error", `invalid CEL in rule ${i} of WorkloadPolicy \`${doc.metadata.name}\`: ${(error as Error).message.split("\n")[0]}`, positionOf(doc, ["spec", "rules", i, "cel", "expression"]), "fix the expression; `object`, `oldObject`, `request` and `namespaceObject` are available"));
          return;
        }
      }
      report.push({ policy: doc.metadata.name, rule: i, id: c.id, backend: "admission" });
      const mine = exemptions.filter((e) => !e.rules || e.rules.includes(id as never));
      const nsCond = (e: (typeof mine)[number]) => (e.namespaces ? `(${e.namespaces.map((g) => celGlob("request.namespace", g)).join(" || ")})` : "true");
      const imgCond = (e: (typeof mine)[number]) => (e.images ? `(${e.images.map((g) => celGlob("c.image", g)).join(" || ")})` : "true");
      const podExempt = mine.filter((e) => !e.images).map(nsCond);
      if (c.scope === "container") {
        const list = c.containers === "all" ? "variables.containers" : "variables.containersWithResources";
        const exempt = mine.filter((e) => e.images).map((e) => `(${nsCond(e)} && ${imgCond(e)})`);
        const ok = exempt.length ? `(${exempt.join(" || ")}) || (${c.check})` : `(${c.check})`;
        const expression = [...podExempt, `${list}.all(c, ${ok})`].join(" || ");
        validations.push({
          expression,
          messageExpression: `${celString(`${c.id}: `)} + object.kind + " " + object.metadata.name + ": container " + ${list}.filter(c, !(${ok})).map(c, c.name).join(", ") + ${celString(` ${c.fix}`)}`,
          reason: "Invalid",
        });
      } else {
        const exempt = mine.map((e) => `(${nsCond(e)} && variables.containers.all(c, ${imgCond(e)}))`);
        validations.push({
          expression: [...exempt, `(${c.check})`].join(" || "),
          messageExpression: `${celString(`${c.id}: `)} + object.kind + " " + object.metadata.name + ${celString(`: ${c.fix}`)}`,
          reason: "Invalid",
        });
      }
    });
    const match = spec.match ?? {};
    const kinds = match.kinds ?? Object.keys(KINDS);
    const byGroup = new Map<string, string[]>();
    for (const k of kinds) byGroup.set(KINDS[k]![0], [...(byGroup.get(KINDS[k]![0]) ?? []), KINDS[k]![1]]);
    const expressions: Record<string, unknown>[] = [];
    if (match.namespaces?.every(literal)) expressions.push({ key: "kubernetes.io/metadata.name", operator: "In", values: [...match.namespaces].sort() });
    if (match.excludeNamespaces?.every(literal)) expressions.push({ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...match.excludeNamespaces].sort() });
    const selector: Record<string, unknown> = {};
    if (match.namespaceLabels && Object.keys(match.namespaceLabels).length) selector.matchLabels = match.namespaceLabels;
    if (expressions.length) selector.matchExpressions = expressions;
    const conditions: Record<string, unknown>[] = [];
    if (match.namespaces && !match.namespaces.every(literal)) conditions.push({ name: "rampart-namespaces", expression: match.namespaces.map((g) => celGlob("request.namespace", g)).join(" || ") });
    if (match.excludeNamespaces && !match.excludeNamespaces.every(literal)) conditions.push({ name: "rampart-exclude-namespaces", expression: `!(${match.excludeNamespaces.map((g) => celGlob("request.namespace", g)).join(" || ")})` });
    const labels = { "app.kubernetes.io/managed-by": "rampart", "rampart.dev/policy": doc.metadata.name };
    const source = positionOf(doc, []);
    if (validations.length === 0) continue;
    objects.push({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name, labels, annotations: { "rampart.dev/source": `${source.file}:${source.line}` } },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [...byGroup.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, resources]) => ({ apiGroups: [g], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: resources.sort() })),
          ...(Object.keys(selector).length ? { namespaceSelector: selector } : {}),
        },
        ...(conditions.length ? { matchConditions: conditions } : {}),
        variables: VARIABLES,
        validations,
      },
    });
    objects.push({ apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding", metadata: { name, labels }, spec: { policyName: name, validationActions: [...ACTIONS[spec.action]] } });
  }
  for (const o of objects) {
    const errors = validate(o);
    if (errors.length) diagnostics.push(diagnostic("openapi-invalid", "error", `generated ${o.kind} \`${o.metadata.name}\` is invalid: ${errors.join("; ")}`, { file: "<generated>", line: 0, column: 0 }, "this is a bug in rampart"));
  }
  return { objects, diagnostics, report: { rules: report } };
}

/** Used by `admit` to know which names the kinds have. */
export const WORKLOAD_RESOURCES = KINDS;
