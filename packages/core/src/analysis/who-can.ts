import type { RampartDocument } from "../documents.js";
import { createEvaluator, type Evaluator, type EvaluatorOptions } from "../evaluator/evaluator.js";
import type { AccessRequest, MatchedRule } from "../evaluator/types.js";
import { serviceAccountUser } from "../compiler/service-accounts.js";
import { normaliseAccess } from "../ir/access.js";
import { indirectRoutes } from "./indirect-paths.js";

/** A subject that the policies name. */
export interface NamedSubject {
  kind: "User" | "Group" | "ServiceAccount";
  name: string;
  namespace?: string;
}

/** One subject allowed by `whoCan`, with the rule that allows it (for an indirect entry: the rule allowing its first step). */
export interface WhoCanEntry {
  subject: NamedSubject;
  rule: MatchedRule;
  reason: string;
  /** Reached only through another grant (e.g. creating a Deployment runs pods). */
  indirect?: true;
  /** The steps of the indirect path, the first being the enabling grant. */
  path?: string[];
}

/** Every subject named by any AccessPolicy, sorted and unique. */
export function namedSubjects(documents: readonly RampartDocument[]): NamedSubject[] {
  const seen = new Map<string, NamedSubject>();
  for (const p of normaliseAccess(documents)) {
    for (const u of p.users) seen.set(`User/${u}`, { kind: "User", name: u });
    for (const g of p.groups) seen.set(`Group/${g}`, { kind: "Group", name: g });
    for (const sa of p.serviceAccounts)
      seen.set(`ServiceAccount/${sa.namespace}/${sa.name}`, { kind: "ServiceAccount", name: sa.name, namespace: sa.namespace });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s);
}

/** The request a subject makes: a group subject is a user holding only that group. */
export function subjectRequest(subject: NamedSubject, request: Omit<AccessRequest, "user" | "groups">): AccessRequest {
  if (subject.kind === "Group") return { ...request, user: "", groups: [subject.name] };
  if (subject.kind === "ServiceAccount") return { ...request, user: serviceAccountUser(subject.namespace ?? "", subject.name), groups: [] };
  return { ...request, user: subject.name, groups: [] };
}

/** A few values a glob matches (stars as nothing, `x` or `q7`; `?` as `x` or `q`). */
const samples = (glob: string) => [glob.replace(/\*/g, "").replace(/\?/g, "x"), glob.replace(/[*?]/g, "x"), glob.replace(/\*/g, "q7").replace(/\?/g, "q")];

/** Options of `whoCan`. */
export interface WhoCanOptions extends EvaluatorOptions {
  /** Also list subjects that reach the request through another grant (default true). */
  indirect?: boolean;
}

/**
 * Decides whether a subject reaches `request` indirectly, and how: the first route (fixed
 * order) whose enabling request the evaluator allows. A create is tried without a name, with a
 * name no pattern matches, and with sample names of the allow rules' patterns (the object's name
 * is the creator's choice; the samples stand for the names those patterns admit).
 */
export function createIndirectFinder(documents: readonly RampartDocument[], evaluator: Evaluator) {
  const rules = normaliseAccess(documents).flatMap((p) => p.rules);
  const narrow = rules.flatMap((r) => r.names ?? []).filter((g) => !/^\*+$/.test(g.source));
  // A name no pattern but `*` matches: passes every unnamed allow and escapes every narrow deny
  // (a deny restricted by names also applies to a nameless create).
  const fresh = Array.from({ length: 64 }, (_, i) => `q${i}`).find((n) => !narrow.some((g) => g.test(n)));
  // Samples of the allow patterns: an allow restricted by names applies only to a name it matches.
  const allowed = rules.flatMap((r) => (r.effect === "allow" && r.names ? r.names : [])).flatMap((g) => samples(g.source));
  const names = [...new Set(["", ...(fresh ? [fresh] : []), ...[...new Set(allowed)].filter((n) => n !== "").sort()])];
  return (
    subject: NamedSubject,
    request: Omit<AccessRequest, "user" | "groups">,
  ): { rule: MatchedRule; reason: string; path: string[]; how: string } | undefined => {
    for (const route of indirectRoutes(request)) {
      const candidates = route.enabling.verb === "create" ? names : [route.enabling.name ?? ""];
      for (const name of candidates) {
        const d = evaluator.decide(subjectRequest(subject, { ...route.enabling, name }));
        if (d.decision === "allow")
          return { rule: d.matched[0]!, reason: `indirect: ${route.path.join(" → ")}; the first step is ${d.reason}`, path: [...route.path], how: route.how };
      }
    }
    return undefined;
  };
}

/**
 * Which of the named subjects the policies allow to make `request` (each on its own account):
 * directly, then (unless `indirect: false`) through an indirect path such as creating a
 * Deployment to run pods. An indirect path exists only where its enabling grant is allowed,
 * denies included.
 */
export function whoCan(documents: readonly RampartDocument[], request: Omit<AccessRequest, "user" | "groups">, options: WhoCanOptions = {}): WhoCanEntry[] {
  const evaluator = createEvaluator(documents, options);
  const indirect = options.indirect === false ? undefined : createIndirectFinder(documents, evaluator);
  const out: WhoCanEntry[] = [];
  for (const subject of namedSubjects(documents)) {
    const d = evaluator.decide(subjectRequest(subject, request));
    if (d.decision === "allow") {
      out.push({ subject, rule: d.matched[0]!, reason: d.reason });
      continue;
    }
    const via = indirect?.(subject, request);
    if (via) out.push({ subject, rule: via.rule, reason: via.reason, indirect: true, path: via.path });
  }
  return out;
}
