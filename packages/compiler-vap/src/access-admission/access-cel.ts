import { formatResourceRef, type AccessPolicyIR, type AccessRuleIR, type ResourceRef } from "@rampart/core";
import { serviceAccountUser } from "@rampart/core/compiler";
import { celGlob, celString, celStringList } from "./cel-text.js";
import type { ConnectTarget } from "./connect-targets.js";
import { ADMISSION_WRITE_VERBS } from "./envelope.js";

const WRITE = new Set<string>(ADMISSION_WRITE_VERBS);

/** CEL for "the request comes from one of the policy's subjects". */
export function subjectCel(policy: AccessPolicyIR, users: string, groups: string): string {
  const names = [...policy.users, ...policy.serviceAccounts.map((s) => serviceAccountUser(s.namespace, s.name))];
  const parts: string[] = [];
  if (names.length) parts.push(`${users} in ${celStringList(names)}`);
  if (policy.groups.length) parts.push(`${groups}.exists(g, g in ${celStringList(policy.groups)})`);
  return parts.length ? parts.join(" || ") : "false";
}

/** The write verbs of a rule (all of them for `*`). */
export function ruleWriteVerbs(rule: AccessRuleIR): string[] {
  return rule.anyVerb ? [...ADMISSION_WRITE_VERBS] : rule.verbs.filter((v) => WRITE.has(v));
}

function refCel(ref: ResourceRef): string {
  if (ref.everything) return "true";
  const parts = [`request.resource.group == ${celString(ref.group)}`];
  if (ref.resource !== "*") parts.push(`request.resource.resource == ${celString(ref.resource)}`);
  parts.push(
    ref.subresource === ""
      ? `request.subResource == ""`
      : ref.subresource === "*"
        ? `request.subResource != ""`
        : `request.subResource == ${celString(ref.subresource)}`,
  );
  return parts.join(" && ");
}

const targetCel = (t: ConnectTarget) =>
  `request.resource.group == ${celString(t.group)} && request.resource.resource == ${celString(t.resource)} && request.subResource == ${celString(t.sub)}`;

const anyOf = (parts: readonly string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`);
const allOf = (parts: readonly string[]) => parts.map((p) => (p.includes("||") && !p.startsWith("(") ? `(${p})` : p)).join(" && ");

/**
 * CEL for the verb and resource of a request a rule covers: its write verbs on its resources, and
 * CONNECT (`verb == "connect"`) on the enforced connect subresources whose every connect verb it covers.
 */
function verbResourceCel(rule: AccessRuleIR, verb: string, connect: readonly ConnectTarget[]): string {
  const parts: string[] = [];
  const writes = ruleWriteVerbs(rule);
  if (writes.length > 0) {
    const resources = anyOf(rule.resources.map((r) => `(${refCel(r)})`));
    parts.push(allOf([rule.anyVerb ? `${verb} != "connect"` : `${verb} in ${celStringList(writes)}`, resources]));
  }
  if (connect.length > 0) parts.push(allOf([`${verb} == "connect"`, anyOf(connect.map((t) => `(${targetCel(t)})`))]));
  return parts.length === 0 ? "false" : parts.length === 1 ? parts[0]! : `(${parts.map((p) => `(${p})`).join(" || ")})`;
}

/** The admission variable that tells whether the requested resource is namespaced. */
export const NAMESPACED = "variables.namespaced";

/**
 * CEL that is true when the rule applies to the admission request, with the evaluator's
 * semantics: namespaced rules never apply to cluster-scoped objects; an allow with names needs a
 * name that matches; a deny with names (or namespaces) also applies without a name (or namespace).
 */
export function ruleCel(rule: AccessRuleIR, subject: string, verb: string, name: string, connect: readonly ConnectTarget[]): string {
  const parts = [subject, verbResourceCel(rule, verb, connect)];
  if (rule.namespaces) {
    // Rules with namespaces apply to namespaced resources only (`variables.namespaced`; a Namespace
    // object's requests carry its own name as namespace). A request without a namespace spans every
    // namespace: `*` covers it, and so does any deny with namespaces.
    const globs = anyOf(rule.namespaces.map((g) => celGlob("request.namespace", g.source)));
    parts.push(NAMESPACED);
    if (!rule.anyNamespace) parts.push(rule.effect === "allow" ? `request.namespace != "" && ${globs}` : `(request.namespace == "" || ${globs})`);
  }
  if (rule.names) {
    const globs = anyOf(rule.names.map((g) => celGlob(name, g.source)));
    parts.push(rule.effect === "allow" ? `${name} != "" && ${globs}` : `(${name} == "" || ${globs})`);
  }
  return allOf(parts);
}

/**
 * CEL that is true when rampart's RBAC grants the request through the envelope of a
 * name-restricted allow (its names dropped): the subject, verb and resource it covers, in the
 * namespaces RBAC binds it in (`namespaces`: the known namespaces its globs match).
 */
export function broadenedCel(rule: AccessRuleIR, subject: string, verb: string, connect: readonly ConnectTarget[], namespaces: readonly string[]): string {
  const parts = [subject, verbResourceCel(rule, verb, connect)];
  // `*` is bound cluster-wide, which RBAC also applies to requests without a namespace.
  if (rule.namespaces && !rule.anyNamespace)
    parts.push(namespaces.length === 1 ? `request.namespace == ${celString(namespaces[0]!)}` : `request.namespace in ${celStringList(namespaces)}`);
  return allOf(parts);
}

/** One line describing a rule for messages, e.g. `create, delete on pods named nginx*`. */
export function ruleSummary(rule: AccessRuleIR, connect: readonly ConnectTarget[]): string {
  const names = rule.names ? ` named ${rule.names.map((g) => g.source).join(", ")}` : "";
  const verbs = [...ruleWriteVerbs(rule), ...(connect.length > 0 ? ["connect"] : [])];
  return `${verbs.join(", ")} on ${rule.resources.map(formatResourceRef).join(", ")}${names}`;
}
