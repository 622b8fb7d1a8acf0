import { createEvaluator, documentsOfKind, loadDocuments, type AccessPolicyIR, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";
import { principalsOf, tokensOf } from "./principals.js";

/**
 * "Does a deny of any policy that a requester may also match apply to this request?", answered
 * by the evaluator itself: every deny rule is copied into a policy per closure token (see
 * principals.ts), identical denies once, and a requester asks with its closure tokens as groups.
 * Returns the deny that applies (`rule 2 of \`team-a\``), or undefined when there are no denies.
 */
export function createDenyClosure(
  documents: readonly RampartDocument[],
  policies: readonly AccessPolicyIR[],
  inventory: Inventory,
  now: Date,
): ((request: AccessRequest, closure: readonly string[]) => string | undefined) | undefined {
  const docs = new Map(documentsOfKind(documents, "AccessPolicy").map((d) => [d.metadata.name, d]));
  const byToken = new Map<string, Map<string, { rule: unknown; origin: string }>>();
  for (const p of policies) {
    const doc = docs.get(p.name);
    if (!doc) continue;
    const denies = doc.spec.rules.flatMap((rule, index) => (rule.effect === "deny" ? [{ rule, origin: `rule ${index} of \`${p.name}\`` }] : []));
    if (denies.length === 0) continue;
    const tokens = new Set(principalsOf(p).flatMap(tokensOf));
    for (const token of tokens) {
      let rules = byToken.get(token);
      if (!rules) byToken.set(token, (rules = new Map()));
      for (const d of denies) {
        const { reason: _reason, ...rule } = d.rule;
        const key = JSON.stringify(rule);
        if (!rules.has(key)) rules.set(key, { rule, origin: d.origin });
      }
    }
  }
  if (byToken.size === 0) return undefined;
  const origins = new Map<string, string>();
  const values = [...byToken].map(([token, rules], i) => {
    [...rules.values()].forEach((r, j) => origins.set(`c${i}#${j}`, r.origin));
    return {
      apiVersion: "rampart.dev/v1alpha1",
      kind: "AccessPolicy",
      metadata: { name: `c${i}` },
      spec: { subjects: [{ group: token }], rules: [...rules.values()].map((r) => r.rule) },
    };
  });
  const evaluator = createEvaluator(loadDocuments(values, "<deny-closure>").documents, { inventory, now });
  return (request, closure) => {
    const d = evaluator.decide({ ...request, user: "", groups: closure });
    const m = d.matched[0];
    return m && m.effect === "deny" ? (origins.get(`${m.policy}#${m.rule}`) ?? `rule ${m.rule}`) : undefined;
  };
}
