import { subjectRequest, type AccessRuleIR, type Decision, type Evaluator, type NamedSubject } from "@rampart/core";
import { sameRules } from "./applicable-rules.js";
import type { AccessChange, RuleRef } from "./types.js";
import { expressClasses, valueClasses } from "./value-classes.js";

/** The verbs of non-resource requests (lowercase HTTP methods, as RBAC names them). */
export const NON_RESOURCE_VERBS = ["delete", "get", "head", "options", "patch", "post", "put"] as const;

const refs = (d: Decision): RuleRef[] => d.matched.map((m) => ({ policy: m.policy, rule: m.rule }));

/**
 * The non-resource requests of one subject whose decision flips: URL classes split by the
 * `nonResourceURLs` globs of its rules on either side, expressed back as globs, merged across verbs.
 */
export function diffUrls(subject: NamedSubject, rb: readonly AccessRuleIR[], rh: readonly AccessRuleIR[], base: Evaluator, head: Evaluator): AccessChange[] {
  const isUrl = (r: AccessRuleIR) => r.nonResourceURLs !== undefined;
  const ub = rb.filter(isUrl);
  const uh = rh.filter(isUrl);
  if (sameRules(ub, uh)) return [];
  const urls = valueClasses([...ub, ...uh].flatMap((r) => r.nonResourceURLs!.map((g) => g.source)));
  const rows = new Map<string, { before: Decision; after: Decision; entries: readonly string[]; except: readonly string[]; rep: string; verbs: string[] }>();
  for (const verb of NON_RESOURCE_VERBS) {
    const perKey = new Map<string, { before: Decision; after: Decision; classes: Set<number> }>();
    for (let k = 1; k < urls.reps.length; k++) {
      const request = subjectRequest(subject, { verb, nonResourceURL: urls.reps[k]! });
      const before = base.decide(request);
      const after = head.decide(request);
      if (before.decision === after.decision) continue;
      const key = JSON.stringify([before.decision, after.decision, refs(before), refs(after)]);
      const entry = perKey.get(key) ?? { before, after, classes: new Set<number>() };
      entry.classes.add(k);
      perKey.set(key, entry);
    }
    for (const [key, { before, after, classes }] of perKey) {
      for (const cover of expressClasses(urls, classes)) {
        const id = JSON.stringify([key, cover.entries, cover.except]);
        const row = rows.get(id);
        if (row === undefined) rows.set(id, { before, after, entries: cover.entries, except: cover.except, rep: urls.reps[cover.classes[0]!]!, verbs: [verb] });
        else row.verbs.push(verb);
      }
    }
  }
  return [...rows.values()].map((row) => {
    const example = subjectRequest(subject, { verb: row.verbs[0]!, nonResourceURL: row.rep });
    const change: AccessChange = {
      subject,
      verbs: row.verbs,
      apiGroup: "",
      resource: "",
      subresource: "",
      namespaces: [""],
      names: [""],
      nonResourceURLs: [...row.entries],
      before: row.before.decision,
      after: row.after.decision,
      because: { before: refs(row.before), after: refs(row.after) },
      example: {
        user: example.user ?? "",
        groups: [...(example.groups ?? [])],
        verb: example.verb,
        apiGroup: "",
        resource: "",
        subresource: "",
        namespace: "",
        name: "",
        nonResourceURL: row.rep,
      },
    };
    if (row.except.length > 0) change.exceptNonResourceURLs = [...row.except];
    return change;
  });
}
