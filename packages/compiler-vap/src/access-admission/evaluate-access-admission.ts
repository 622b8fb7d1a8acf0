import { Environment } from "@marcbachmann/cel-js";
import type { AccessRequest } from "@rampart/core";
import type { AdmissionObject } from "./compile-access-admission.js";
import { CONNECT_SUBRESOURCES } from "./connect-targets.js";

const env = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });
type Compiled = (ctx: Record<string, unknown>) => unknown;
const cache = new Map<string, Compiled>();
function cel(expression: string): Compiled {
  let fn = cache.get(expression);
  if (!fn) cache.set(expression, (fn = env.parse(expression) as unknown as Compiled));
  return fn;
}

const OPERATION: Record<string, string> = { create: "CREATE", update: "UPDATE", patch: "UPDATE", delete: "DELETE" };
/** Verbs of connect subresources: each reaches admission as CONNECT (websocket `get`, SPDY `create`, proxied HTTP methods). */
const CONNECT_VERBS = new Set(["get", "create", "update", "patch", "delete"]);

/** The outcome of the write-path admission layer for one request. */
export interface AccessAdmissionOutcome {
  /** False when a binding's policy matched the request and a validation failed. */
  admitted: boolean;
  /** True when the policy matched the request at all (resource, operation and subject). */
  matched: boolean;
  messages: string[];
}

interface ResourceRule {
  apiGroups: string[];
  operations: string[];
  resources: string[];
}

function ruleMatches(rule: ResourceRule, group: string, resource: string, sub: string, op: string): boolean {
  const target = sub ? `${resource}/${sub}` : resource;
  return (
    (rule.apiGroups.includes("*") || rule.apiGroups.includes(group)) &&
    (rule.operations.includes("*") || rule.operations.includes(op)) &&
    (rule.resources.includes("*") || rule.resources.includes(target))
  );
}

/**
 * Evaluates the emitted write-path ValidatingAdmissionPolicies on an access request, with the
 * expressions exactly as emitted (same strings, run by cel-js). Reads are never admission's;
 * requests to connect subresources (exec, attach, portforward, proxy) arrive as CONNECT with the
 * pod's name and a connect-options object, whatever their RBAC verb.
 */
export function evaluateAccessAdmission(objects: readonly AdmissionObject[], request: AccessRequest): AccessAdmissionOutcome {
  const connect = CONNECT_SUBRESOURCES.has(request.subresource ?? "") && CONNECT_VERBS.has(request.verb);
  const op = connect ? "CONNECT" : OPERATION[request.verb];
  if (!op || request.nonResourceURL) return { admitted: true, matched: false, messages: [] };
  const bound = new Set(objects.filter((o) => o.kind === "ValidatingAdmissionPolicyBinding").map((o) => String(o.spec.policyName)));
  const name = request.name ?? "";
  const ctx: Record<string, unknown> = {
    request: {
      operation: op,
      options: connect
        ? null
        : request.verb === "patch"
          ? { kind: "PatchOptions" }
          : request.verb === "update"
            ? { kind: "UpdateOptions" }
            : request.verb === "create"
              ? { kind: "CreateOptions" }
              : { kind: "DeleteOptions" },
      name,
      namespace: request.namespace ?? "",
      resource: { group: request.apiGroup ?? "", version: "v1", resource: request.resource ?? "" },
      subResource: request.subresource ?? "",
      userInfo: { username: request.user ?? "", groups: [...(request.groups ?? [])] },
    },
    object: op === "DELETE" ? null : connect ? { kind: "PodExecOptions" } : { metadata: { name } },
    oldObject: op === "UPDATE" ? { metadata: { name } } : null,
  };
  const out: AccessAdmissionOutcome = { admitted: true, matched: false, messages: [] };
  for (const policy of objects) {
    if (policy.kind !== "ValidatingAdmissionPolicy" || !bound.has(policy.metadata.name)) continue;
    const spec = policy.spec as {
      matchConstraints: { resourceRules: ResourceRule[] };
      matchConditions?: { expression: string }[];
      variables?: { name: string; expression: string }[];
      validations: { expression: string; messageExpression?: string; message?: string }[];
    };
    if (!spec.matchConstraints.resourceRules.some((r) => ruleMatches(r, request.apiGroup ?? "", request.resource ?? "", request.subresource ?? "", op)))
      continue;
    if (!(spec.matchConditions ?? []).every((m) => cel(m.expression)(ctx) === true)) continue;
    out.matched = true;
    const variables: Record<string, unknown> = {};
    const scope = { ...ctx, variables };
    for (const v of spec.variables ?? []) variables[v.name] = cel(v.expression)(scope);
    for (const v of spec.validations) {
      if (cel(v.expression)(scope) !== true) {
        out.admitted = false;
        out.messages.push(v.messageExpression ? String(cel(v.messageExpression)(scope)) : (v.message ?? "denied"));
      }
    }
  }
  return out;
}
