import { Environment } from "@marcbachmann/cel-js";
import type { RampartDocument } from "@rampart/core";
import { compileVap, WORKLOAD_RESOURCES, type VapObject } from "./compile-vap.js";

const env = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });
const cache = new Map<string, (ctx: Record<string, unknown>) => unknown>();
const run = (expr: string, ctx: Record<string, unknown>) => {
  let fn = cache.get(expr);
  if (!fn) cache.set(expr, (fn = env.parse(expr) as unknown as (c: Record<string, unknown>) => unknown));
  return fn(ctx);
};

/** Integers reach CEL as int (BigInt), as the API server passes them. */
function toCel(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCel(x)]));
  return v;
}

/** One violated validation. */
export interface Violation {
  policy: string;
  /** The rule id of the catalogue (`readOnlyRootFilesystem`, …), from the message prefix. */
  rule: string;
  message: string;
  actions: readonly string[];
}

/** The admission outcome of one manifest. */
export interface AdmitResult {
  kind: string;
  name: string;
  namespace: string;
  decision: "allow" | "deny" | "warn";
  violations: Violation[];
}

type Spec = { matchConstraints: { resourceRules: { apiGroups: string[]; resources: string[] }[]; namespaceSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values: string[] }[] } }; matchConditions?: { expression: string }[]; variables: { name: string; expression: string }[]; validations: { expression: string; messageExpression: string }[] };

/**
 * Runs the emitted ValidatingAdmissionPolicies offline, with the very expressions they carry,
 * on manifests (CREATE). `namespaceLabels` gives the labels of namespaces (name is implied).
 */
export function admitWithObjects(objects: readonly VapObject[], manifests: readonly Record<string, unknown>[], namespaceLabels: (ns: string) => Record<string, string> = () => ({})): AdmitResult[] {
  const bindings = new Map(objects.filter((o) => o.kind === "ValidatingAdmissionPolicyBinding").map((o) => [String(o.spec.policyName), (o.spec.validationActions as string[]) ?? []]));
  const results: AdmitResult[] = [];
  for (const manifest of manifests) {
    const kind = String(manifest.kind ?? "");
    const res = WORKLOAD_RESOURCES[kind];
    if (!res) continue;
    const meta = (manifest.metadata ?? {}) as { name?: string; namespace?: string };
    const ns = meta.namespace ?? "default";
    const labels = { "kubernetes.io/metadata.name": ns, ...namespaceLabels(ns) };
    const object = toCel(manifest);
    const ctx: Record<string, unknown> = { object, oldObject: null, request: { namespace: ns, name: meta.name ?? "", operation: "CREATE", kind: { kind } }, namespaceObject: { metadata: { name: ns, labels } } };
    const result: AdmitResult = { kind, name: meta.name ?? "", namespace: ns, decision: "allow", violations: [] };
    for (const policy of objects) {
      if (policy.kind !== "ValidatingAdmissionPolicy") continue;
      const actions = bindings.get(policy.metadata.name);
      if (!actions) continue;
      const spec = policy.spec as unknown as Spec;
      if (!spec.matchConstraints.resourceRules.some((r) => r.apiGroups.includes(res[0]) && r.resources.includes(res[1]))) continue;
      const sel = spec.matchConstraints.namespaceSelector;
      if (sel && !Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k as keyof typeof labels] === v)) continue;
      if (sel && !(sel.matchExpressions ?? []).every((e) => (e.operator === "In" ? e.values.includes(labels[e.key as keyof typeof labels] ?? "") : !e.values.includes(labels[e.key as keyof typeof labels] ?? "")))) continue;
      if (!(spec.matchConditions ?? []).every((m) => run(m.expression, ctx) === true)) continue;
      const variables: Record<string, unknown> = {};
      const scope = { ...ctx, variables };
      for (const v of spec.variables) variables[v.name] = run(v.expression, scope);
      for (const v of spec.validations) {
        let ok: unknown;
        try {
          ok = run(v.expression, scope);
        } catch {
          ok = false; // an evaluation error fails closed (failurePolicy: Fail)
        }
        if (ok === true) continue;
        const message = String(run(v.messageExpression, scope));
        result.violations.push({ policy: policy.metadata.name, rule: message.split(":")[0]!, message, actions });
        if (actions.includes("Deny")) result.decision = "deny";
        else if (result.decision === "allow" && actions.includes("Warn")) result.decision = "warn";
      }
    }
    results.push(result);
  }
  return results;
}

/** Compiles the WorkloadPolicies and admits the manifests against them. */
export function admit(documents: readonly RampartDocument[], manifests: readonly Record<string, unknown>[], options: { now?: Date; namespaceLabels?: (ns: string) => Record<string, string> } = {}): AdmitResult[] {
  return admitWithObjects(compileVap(documents, options.now ? { now: options.now } : {}).objects, manifests, options.namespaceLabels);
}
