// Offline admission: runs the emitted ValidatingAdmissionPolicies — the very expression strings
// they carry, parsed back from the objects — on manifests, as the API server would on CREATE.
import type { RampartDocument, WorkloadRuleName } from "@rampart/core";
import { program, toCel, type CelProgram } from "./cel-env.js";
import { compileVap, type VapObject } from "./compile-vap.js";
import { CATALOGUE } from "./catalogue.js";
import { applyPodDefaults } from "./defaults.js";
import { KIND_RESOURCES } from "./match.js";
import { POD_SECURITY_CHECK_IDS } from "./pod-security.js";

/** A validation action of a binding. */
export type ValidationAction = "Deny" | "Warn" | "Audit";

/** One failed validation. */
export interface Violation {
  /** The WorkloadPolicy. */
  policy: string;
  /** What was violated, as the message names it: the rule name, or the Pod Security check id (`runAsNonRoot`). */
  rule: string;
  /** The policy rule it comes from (`podSecurity` for Pod Security checks). */
  ruleName: WorkloadRuleName;
  message: string;
  actions: readonly ValidationAction[];
}

/** The admission outcome of one manifest. */
export interface AdmitResult {
  kind: string;
  name: string;
  namespace: string;
  /** `deny` when a Deny violation exists, `warn` when a Warn one does, else `allow` (Audit violations are listed). */
  decision: "allow" | "deny" | "warn";
  violations: Violation[];
}

/** Options of `admit`. */
export interface AdmitOptions {
  /** The instant exemptions' `expires` is judged against (default: now). */
  now?: Date;
  /** Labels of a namespace (its `kubernetes.io/metadata.name` label is implied). */
  namespaceLabels?: (namespace: string) => Record<string, string>;
  /** Namespace of manifests that name none (default `default`). */
  namespace?: string;
  /** The stored object a manifest replaces: when it returns one, the request is an UPDATE of it (default: CREATE). */
  oldObject?: (manifest: Record<string, unknown>) => Record<string, unknown> | undefined;
}

interface Spec {
  matchConstraints: {
    resourceRules: { apiGroups: string[]; resources: string[] }[];
    namespaceSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  };
  matchConditions?: { expression: string }[];
  variables?: { name: string; expression: string }[];
  validations: { expression: string; message?: string; messageExpression?: string }[];
}

interface Prepared {
  policy: string;
  resources: Set<string>;
  selector: Spec["matchConstraints"]["namespaceSelector"];
  conditions: CelProgram[];
  variables: [string, CelProgram][];
  validations: { run: CelProgram; message: CelProgram | undefined; text: string; rule: string; ruleName: WorkloadRuleName }[];
  actions: ValidationAction[];
}

const PSS = new Set(POD_SECURITY_CHECK_IDS);
const CATALOGUE_IDS = new Set<string>(CATALOGUE.map((c) => c.id));

/** The policy rule a violation's name comes from: a Pod Security check, a catalogue rule, or a named custom rule. */
const ruleNameOf = (rule: string): WorkloadRuleName => (PSS.has(rule) ? "podSecurity" : CATALOGUE_IDS.has(rule) ? (rule as WorkloadRuleName) : "cel");

function prepare(objects: readonly VapObject[]): Prepared[] {
  const bindings = new Map<string, ValidationAction[]>();
  for (const o of objects)
    if (o.kind === "ValidatingAdmissionPolicyBinding") bindings.set(String(o.spec.policyName), [...((o.spec.validationActions as ValidationAction[]) ?? [])]);
  const out: Prepared[] = [];
  for (const o of objects) {
    if (o.kind !== "ValidatingAdmissionPolicy" || !bindings.has(o.metadata.name)) continue;
    const spec = o.spec as unknown as Spec;
    out.push({
      policy: o.metadata.labels["rampart.dev/policy"] ?? o.metadata.name,
      resources: new Set(spec.matchConstraints.resourceRules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)))),
      selector: spec.matchConstraints.namespaceSelector,
      conditions: (spec.matchConditions ?? []).map((c) => program(c.expression)),
      variables: (spec.variables ?? []).map((v) => [v.name, program(v.expression)]),
      validations: spec.validations.map((v) => {
        const text = v.message ?? "";
        const rule = text.includes(": ") ? text.slice(0, text.indexOf(": ")) : "cel";
        return { run: program(v.expression), message: v.messageExpression ? program(v.messageExpression) : undefined, text, rule, ruleName: ruleNameOf(rule) };
      }),
      actions: bindings.get(o.metadata.name)!,
    });
  }
  return out;
}

function selects(selector: Prepared["selector"], labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const ok =
      e.operator === "In"
        ? has && (e.values ?? []).includes(labels[e.key]!)
        : e.operator === "NotIn"
          ? !has || !(e.values ?? []).includes(labels[e.key]!)
          : e.operator === "Exists"
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

const safe = (p: CelProgram, ctx: Record<string, unknown>): { value?: unknown; error?: string } => {
  try {
    return { value: p(ctx) };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0]! };
  }
};

/** Manifests with `kind: List` expanded into their items. */
function flatten(manifests: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return manifests.flatMap((m) => (m && m.kind === "List" && Array.isArray(m.items) ? flatten(m.items as Record<string, unknown>[]) : m ? [m] : []));
}

/**
 * Runs compiled ValidatingAdmissionPolicies and their bindings on manifests (as CREATE requests,
 * or UPDATEs of what `options.oldObject` returns), with the expressions they carry. Manifests of kinds no policy can match are left out.
 */
export function admitWithObjects(
  objects: readonly VapObject[],
  manifests: readonly Record<string, unknown>[],
  options: Omit<AdmitOptions, "now"> = {},
): AdmitResult[] {
  const policies = prepare(objects);
  const results: AdmitResult[] = [];
  for (const manifest of flatten(manifests)) {
    const kind = String(manifest.kind ?? "");
    const entry = KIND_RESOURCES[kind as keyof typeof KIND_RESOURCES];
    if (!entry) continue;
    const resource = `${entry[0]}/${entry[1][0]}`;
    const meta = (manifest.metadata ?? {}) as { name?: string; namespace?: string };
    const namespace = meta.namespace ?? options.namespace ?? "default";
    const labels = { ...(options.namespaceLabels?.(namespace) ?? {}), "kubernetes.io/metadata.name": namespace };
    const apiVersion = String(manifest.apiVersion ?? "v1");
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    const object = toCel(manifest) as Record<string, unknown>;
    applyPodDefaults(object);
    const previous = options.oldObject?.(manifest);
    const oldObject = previous === undefined ? null : (toCel(previous) as Record<string, unknown>);
    if (oldObject) applyPodDefaults(oldObject);
    const request = {
      kind: { group, version, kind },
      resource: { group: entry[0], version, resource: entry[1][0] },
      name: meta.name ?? "",
      namespace,
      operation: oldObject ? "UPDATE" : "CREATE",
      userInfo: { username: "rampart-admit", groups: [] },
      dryRun: false,
    };
    const base = { object, oldObject, request, namespaceObject: { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels } } };
    const result: AdmitResult = { kind, name: meta.name ?? "", namespace, decision: "allow", violations: [] };
    for (const p of policies) {
      if (!p.resources.has(resource) || !selects(p.selector, labels)) continue;
      if (!p.conditions.every((c) => safe(c, base).value === true)) continue;
      const variables: Record<string, unknown> = {};
      const ctx = { ...base, variables };
      for (const [name, run] of p.variables) {
        const r = safe(run, ctx);
        if (r.error === undefined) variables[name] = r.value;
      }
      for (const v of p.validations) {
        const r = safe(v.run, ctx);
        if (r.value === true) continue;
        let message: string;
        if (r.error !== undefined) message = `${v.text} (the expression failed: ${r.error})`;
        else {
          const m = v.message ? safe(v.message, ctx).value : undefined;
          message = typeof m === "string" && !/[\r\n]/.test(m) ? m : v.text;
        }
        result.violations.push({ policy: p.policy, rule: v.rule, ruleName: v.ruleName, message, actions: p.actions });
        if (p.actions.includes("Deny")) result.decision = "deny";
        else if (result.decision === "allow" && p.actions.includes("Warn")) result.decision = "warn";
      }
    }
    results.push(result);
  }
  return results;
}

/** Compiles the WorkloadPolicies among `documents` and admits the manifests against them, offline. */
export function admit(documents: readonly RampartDocument[], manifests: readonly Record<string, unknown>[], options: AdmitOptions = {}): AdmitResult[] {
  const { objects } = compileVap(documents, options.now ? { now: options.now } : {});
  const { now: _now, ...rest } = options;
  return admitWithObjects(objects, manifests, rest);
}
