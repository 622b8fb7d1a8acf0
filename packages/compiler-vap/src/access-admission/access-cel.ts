import { formatResourceRef, type AccessPolicyIR, type AccessRuleIR, type ResourceRef } from "@rampart/core";
import { celGlob, celString, celStringList } from "./cel-text.js";
import { ADMISSION_WRITE_VERBS } from "./envelope.js";

const WRITE = new Set<string>(ADMISSION_WRITE_VERBS);

/** CEL for "the request comes from one of the policy's subjects". */
export function subjectCel(policy: AccessPolicyIR, users: string, groups: string): string {
  const names = [...policy.users, ...policy.serviceAccounts.map((s) => `system:serviceaccount:${s.namespace}:${s.name}`)];
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
  parts.push(ref.subresource === "" ? `request.subResource == ""` : ref.subresource === "*" ? `request.subResource != ""` : `request.subResource == ${celString(ref.subresource)}`);
  return parts.join(" && ");
}

const anyOf = (parts: readonly string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`);

/**
 * CEL that is true when the rule applies to the admission request, with the evaluator's
 * semantics: namespaced rules never apply to cluster-scoped objects (empty namespace); an
 * allow with names needs a name that matches; a deny with names also applies without a name.
 */
export function ruleCel(rule: AccessRuleIR, subject: string, verb: string, name: string): string {
  const verbs = ruleWriteVerbs(rule);
  const parts = [subject];
  if (!rule.anyVerb) parts.push(`${verb} in ${celStringList(verbs)}`);
  parts.push(anyOf(rule.resources.map((r) => `(${refCel(r)})`)));
  if (rule.namespaces) parts.push(rule.anyNamespace ? `request.namespace != ""` : `request.namespace != "" && ${anyOf(rule.namespaces.map((g) => celGlob("request.namespace", g.source)))}`);
  if (rule.names) {
    const globs = anyOf(rule.names.map((g) => celGlob(name, g.source)));
    parts.push(rule.effect === "allow" ? `${name} != "" && ${globs}` : `(${name} == "" || ${globs})`);
  }
  return parts.map((p) => (p.includes("||") && !p.startsWith("(") ? `(${p})` : p)).join(" && ");
}

/** One line describing a rule for messages, e.g. `create, delete on pods named nginx*`. */
export function ruleSummary(rule: AccessRuleIR): string {
  const names = rule.names ? ` named ${rule.names.map((g) => g.source).join(", ")}` : "";
  return `${ruleWriteVerbs(rule).join(", ")} on ${rule.resources.map(formatResourceRef).join(", ")}${names}`;
}
