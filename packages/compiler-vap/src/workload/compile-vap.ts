// compileVap: one ValidatingAdmissionPolicy and binding per WorkloadPolicy.
import { diagnostic, normaliseWorkload, type Diagnostic, type RampartDocument, type WorkloadPolicyIR, type WorkloadRuleName } from "@rampart/core";
import { managedLabels, openApiDiagnostics, sourceAnnotations, sourceRef } from "@rampart/core/compiler";
import { checksOf } from "./catalogue.js";
import type { Check } from "./check.js";
import { COST_MODEL, estimateCost } from "./cost.js";
import { checkCustomCel, customCelReads } from "./custom-cel.js";
import { matchConditions, matchConstraints, updateCondition } from "./match.js";
import { validateObject } from "./openapi.js";
import { scopeExpression, validationOf, type VapValidation } from "./validation.js";
import { POLICY_VARIABLES } from "./variables.js";

/** Options of `compileVap`. */
export interface CompileVapOptions {
  /** The instant exemptions' `expires` is judged against (default: now). */
  now?: Date;
}

/** A generated admission object (ValidatingAdmissionPolicy or ValidatingAdmissionPolicyBinding). */
export type VapObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
};

/** One validation in the report: which check of which rule, and its estimated runtime cost. */
export interface ValidationReport {
  /** Index of the validation in the policy's `spec.validations`. */
  validation: number;
  /** The check id a violation names (rule name, or Pod Security check id). */
  check: string;
  /** Estimated runtime CEL cost for a pod with 100 containers and 100 volumes (see COST_MODEL). */
  cost: number;
}

/** One source rule in the report: the backend that enforces it and its validations. */
export interface WorkloadRuleReport {
  policy: string;
  /** Index of the rule in `spec.rules`. */
  rule: number;
  id: WorkloadRuleName;
  backend: "admission" | "none";
  /** The ValidatingAdmissionPolicy that carries it. */
  object: string;
  validations: ValidationReport[];
}

/** What `compileVap` reports besides the objects. */
export interface VapReport {
  rules: WorkloadRuleReport[];
  /** Per policy: the estimated cost of one admission (variables + every validation), against the 10,000,000 budget. */
  policies: { policy: string; object: string; variablesCost: number; totalCost: number }[];
  /** Live exemptions and how they are enforced; expired ones are in the diagnostics. */
  exemptions: { policy: string; exemption: number; owner: string; expires: string | undefined; enforcedBy: "matchCondition" | "validation" }[];
  /** The assumptions behind the cost figures. */
  costModel: string;
}

/** Result of `compileVap`. */
export interface CompileVapResult {
  objects: VapObject[];
  diagnostics: Diagnostic[];
  report: VapReport;
}

const ACTIONS = { deny: ["Deny"], warn: ["Warn", "Audit"], audit: ["Audit"] } as const;
/** The API server's runtime cost limit per expression (and per policy evaluation, ×10). */
const EXPRESSION_BUDGET = 1_000_000;
const POLICY_BUDGET = 10_000_000;

/** Exemptions that skip every rule of the policy by namespace alone: compiled into matchConditions. */
function policyWideExemptions(policy: WorkloadPolicyIR): Set<number> {
  const names = new Set(policy.rules.map((r) => r.rule.name));
  return new Set(policy.exemptions.filter((e) => !e.images && (!e.rules || [...names].every((n) => e.rules!.includes(n)))).map((e) => e.index));
}

/** The scope variables of a policy: the containers left after image exemptions, one variable per distinct exemption condition. */
function scopeVariables(): {
  scope: (list: "containers" | "resourceContainers", exempt: string) => string;
  variables: () => { name: string; expression: string }[];
} {
  const scopes = new Map<string, { name: string; expression: string }>();
  const scope = (list: "containers" | "resourceContainers", exempt: string) => {
    const expression = scopeExpression(list, exempt);
    let v = scopes.get(expression);
    if (!v) {
      const count = [...scopes.values()].filter((s) => s.name.startsWith(`${list}InScope`)).length;
      scopes.set(expression, (v = { name: `${list}InScope${count ? count + 1 : ""}`, expression }));
    }
    return v.name;
  };
  return { scope, variables: () => [...scopes.values()] };
}

/** A policy's rules compiled: its validations and scope variables, each rule's report row, and the object paths custom CEL reads; `failed` when a custom expression does not compile. */
interface CompiledRules {
  validations: VapValidation[];
  scopes: { name: string; expression: string }[];
  rows: WorkloadRuleReport[];
  customReads: (readonly string[] | undefined)[];
  failed: boolean;
}

/** Compiles each rule of a policy into validations (one per check), warning where a check's estimated cost nears the budget. */
function compileRules(policy: WorkloadPolicyIR, wide: ReadonlySet<number>, variablesCost: number, diagnostics: Diagnostic[]): CompiledRules {
  const out: CompiledRules = { validations: [], scopes: [], rows: [], customReads: [], failed: false };
  const scopes = scopeVariables();
  const podsOnly = policy.match.kinds.every((k) => k === "Pod");
  for (const { index, rule } of policy.rules) {
    if (rule.name === "cel") {
      const problem = checkCustomCel(policy.name, index, rule.expression, rule.expressionSource);
      if (problem) {
        diagnostics.push(problem);
        out.failed = true;
        continue;
      }
      const reads = customCelReads(policy.name, index, rule.expression, rule.expressionSource, podsOnly);
      diagnostics.push(...reads.diagnostics);
      out.customReads.push(reads.objectPaths);
    }
    const exemptions = policy.exemptions.filter((e) => !wide.has(e.index) && (!e.rules || e.rules.includes(rule.name)));
    const row: WorkloadRuleReport = {
      policy: policy.name,
      rule: index,
      id: rule.name,
      backend: "admission",
      object: `rampart-${policy.name}`,
      validations: [],
    };
    for (const check of checksOf(rule) as Check[]) {
      const v = validationOf(check, exemptions, scopes.scope);
      const cost = estimateCost(v.expression);
      row.validations.push({ validation: out.validations.length, check: check.id, cost });
      if (cost + variablesCost > EXPRESSION_BUDGET / 10) {
        diagnostics.push(
          diagnostic(
            "cel-cost",
            "warning",
            `check \`${check.id}\` of WorkloadPolicy \`${policy.name}\` costs an estimated ${cost} for a pod with 100 containers and 100 volumes (limit ${EXPRESSION_BUDGET} per expression)`,
            policy.rules[index]!.source,
            "simplify the rule or split the policy",
          ),
        );
      }
      out.validations.push(v);
    }
    out.rows.push(row);
  }
  out.scopes = scopes.variables();
  return out;
}

/** The ValidatingAdmissionPolicy of a compiled policy and its binding. */
function policyObjects(policy: WorkloadPolicyIR, wide: ReadonlySet<number>, compiled: CompiledRules): VapObject[] {
  const name = `rampart-${policy.name}`;
  const labels = managedLabels(policy.name);
  const update = updateCondition(policy, compiled.customReads);
  const conditions = [...matchConditions(policy, wide), ...(update ? [update] : [])];
  return [
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name, labels, annotations: sourceAnnotations(sourceRef(policy.source)) },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: matchConstraints(policy),
        ...(conditions.length ? { matchConditions: conditions } : {}),
        variables: [...POLICY_VARIABLES.map((v) => ({ ...v })), ...compiled.scopes],
        validations: compiled.validations,
      },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name, labels, annotations: sourceAnnotations(sourceRef(policy.source)) },
      spec: { policyName: name, validationActions: [...ACTIONS[policy.action]] },
    },
  ];
}

/**
 * Compiles the WorkloadPolicies among `documents` into ValidatingAdmissionPolicies and bindings
 * (admissionregistration.k8s.io/v1): one validation per check, exemptions as matchConditions or
 * CEL filters, every object validated against the Kubernetes OpenAPI schema. Deterministic.
 */
export function compileVap(documents: readonly RampartDocument[], options: CompileVapOptions = {}): CompileVapResult {
  const { policies, diagnostics } = normaliseWorkload(documents, options.now ? { now: options.now } : {});
  const objects: VapObject[] = [];
  const report: VapReport = { rules: [], policies: [], exemptions: [], costModel: COST_MODEL };
  const variablesCost = POLICY_VARIABLES.reduce((sum, v) => sum + estimateCost(v.expression), 0);
  for (const policy of [...policies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const wide = policyWideExemptions(policy);
    for (const e of policy.exemptions)
      report.exemptions.push({
        policy: policy.name,
        exemption: e.index,
        owner: e.owner,
        expires: e.expires?.text,
        enforcedBy: wide.has(e.index) ? "matchCondition" : "validation",
      });
    const compiled = compileRules(policy, wide, variablesCost, diagnostics);
    report.rules.push(...compiled.rows);
    if (compiled.failed) continue;
    const scopeCost = compiled.scopes.reduce((sum, v) => sum + estimateCost(v.expression), 0);
    const totalCost =
      variablesCost + scopeCost + report.rules.filter((r) => r.policy === policy.name).reduce((s, r) => s + r.validations.reduce((t, v) => t + v.cost, 0), 0);
    report.policies.push({ policy: policy.name, object: `rampart-${policy.name}`, variablesCost: variablesCost + scopeCost, totalCost });
    if (totalCost > POLICY_BUDGET / 10) {
      diagnostics.push(
        diagnostic(
          "cel-cost",
          "warning",
          `WorkloadPolicy \`${policy.name}\` costs an estimated ${totalCost} per admission of a pod with 100 containers and 100 volumes (limit ${POLICY_BUDGET})`,
          policy.source,
          "split the policy",
        ),
      );
    }
    objects.push(...policyObjects(policy, wide, compiled));
  }
  diagnostics.push(...openApiDiagnostics(objects, validateObject, "Kubernetes 1.35"));
  return { objects, diagnostics, report };
}
