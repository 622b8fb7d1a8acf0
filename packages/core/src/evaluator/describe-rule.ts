import type { AccessRuleIR } from "../ir/access.js";
import { formatResourceRef } from "../resource-ref.js";

const list = (items: readonly { source: string }[] | readonly string[]): string => items.map((i) => (typeof i === "string" ? i : i.source)).join(", ");

/** One-line description of what a rule covers, e.g. "get, list on pods in namespaces team-a". */
export function describeRule(rule: AccessRuleIR): string {
  const verbs = rule.anyVerb ? "every verb" : list(rule.verbs);
  if (rule.nonResourceURLs) return `${verbs} on non-resource URLs ${list(rule.nonResourceURLs)}`;
  const what = rule.resources.map(formatResourceRef).join(", ");
  const where = rule.namespaces === undefined ? "cluster-wide" : rule.anyNamespace ? "in every namespace" : `in namespaces ${list(rule.namespaces)}`;
  const names = rule.names ? ` named ${list(rule.names)}` : "";
  return `${verbs} on ${what}${names} ${where}`;
}

/** The sentence that explains a decision taken by `rule`. */
export function decisionReason(rule: AccessRuleIR): string {
  const expiry = rule.expires !== undefined ? ` until ${new Date(rule.expires).toISOString()}` : "";
  const why = rule.reason ? ` (${rule.reason})` : "";
  return rule.effect === "deny"
    ? `denied by rule ${rule.index} of AccessPolicy \`${rule.policy}\`, which denies ${describeRule(rule)}${why}; a matching deny always wins`
    : `allowed by rule ${rule.index} of AccessPolicy \`${rule.policy}\`, which allows ${describeRule(rule)}${expiry}${why}, and no deny rule matches`;
}

/** Reason of the default deny. */
export const DEFAULT_DENY_REASON = "denied by default: no allow rule of a policy whose subjects and clusters match applies to this request";
