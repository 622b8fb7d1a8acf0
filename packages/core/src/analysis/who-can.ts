import type { RampartDocument } from "../documents.js";
import { createEvaluator, type EvaluatorOptions } from "../evaluator/evaluator.js";
import type { AccessRequest, MatchedRule } from "../evaluator/types.js";
import { normaliseAccess, serviceAccountUser } from "../ir/access.js";

/** A subject that the policies name. */
export interface NamedSubject {
  kind: "User" | "Group" | "ServiceAccount";
  name: string;
  namespace?: string;
}

/** One subject allowed by `whoCan`, with the rule that allows it. */
export interface WhoCanEntry {
  subject: NamedSubject;
  rule: MatchedRule;
  reason: string;
}

/** Every subject named by any AccessPolicy, sorted and unique. */
export function namedSubjects(documents: readonly RampartDocument[]): NamedSubject[] {
  const seen = new Map<string, NamedSubject>();
  for (const p of normaliseAccess(documents)) {
    for (const u of p.users) seen.set(`User/${u}`, { kind: "User", name: u });
    for (const g of p.groups) seen.set(`Group/${g}`, { kind: "Group", name: g });
    for (const sa of p.serviceAccounts) seen.set(`ServiceAccount/${sa.namespace}/${sa.name}`, { kind: "ServiceAccount", name: sa.name, namespace: sa.namespace });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s);
}

/** The request a subject makes: a group subject is a user holding only that group. */
export function subjectRequest(subject: NamedSubject, request: Omit<AccessRequest, "user" | "groups">): AccessRequest {
  if (subject.kind === "Group") return { ...request, user: "", groups: [subject.name] };
  if (subject.kind === "ServiceAccount") return { ...request, user: serviceAccountUser(subject.namespace ?? "", subject.name), groups: [] };
  return { ...request, user: subject.name, groups: [] };
}

/** Which of the named subjects the policies allow to make `request` (each on its own account). */
export function whoCan(documents: readonly RampartDocument[], request: Omit<AccessRequest, "user" | "groups">, options: EvaluatorOptions = {}): WhoCanEntry[] {
  const evaluator = createEvaluator(documents, options);
  const out: WhoCanEntry[] = [];
  for (const subject of namedSubjects(documents)) {
    const d = evaluator.decide(subjectRequest(subject, request));
    if (d.decision === "allow") out.push({ subject, rule: d.matched[0]!, reason: d.reason });
  }
  return out;
}
