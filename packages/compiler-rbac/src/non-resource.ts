import type { AccessRuleIR } from "@rampart/core";
import type { Gap } from "./grants.js";
import type { PolicyRule } from "./rbac-types.js";

/** Verbs of non-resource requests (lowercase HTTP methods), for expanding `*` around a deny. */
const HTTP_VERBS = ["delete", "get", "head", "options", "patch", "post", "put"];

/** An RBAC-expressible URL glob: a literal path, `*`, or a prefix ending in `*`. */
const expressible = (u: string) => u === "*" || (!u.includes("?") && !u.slice(0, -1).includes("*"));

/** The literal prefix of a glob (up to its first wildcard). */
const literalPrefix = (g: string) => g.slice(0, g.search(/[*?]|$/));

/** How a deny glob relates to an allowed RBAC URL entry. */
function relation(allow: string, deny: { test(s: string): boolean; source: string }): "disjoint" | "covers" | "partial" {
  if (deny.source === "*") return "covers";
  if (!allow.endsWith("*")) return deny.test(allow) ? "covers" : "disjoint";
  const p = allow.slice(0, -1);
  const d = deny.source;
  if (expressible(d) && d.endsWith("*") && p.startsWith(d.slice(0, -1))) return "covers";
  const q = literalPrefix(d);
  return q.startsWith(p) || p.startsWith(q) ? "partial" : "disjoint";
}

/** RBAC rules for the non-resource allow rules of a policy, minus the denies. */
export function nonResourceRules(
  policy: string,
  rules: readonly AccessRuleIR[],
  denies: readonly AccessRuleIR[],
): { rules: PolicyRule[]; gaps: Omit<Gap, "policy">[] } {
  const out: PolicyRule[] = [];
  const gaps: Omit<Gap, "policy">[] = [];
  for (const rule of rules) {
    if (rule.effect !== "allow" || !rule.nonResourceURLs) continue;
    const verbs = rule.anyVerb ? HTTP_VERBS : rule.verbs;
    for (const glob of rule.nonResourceURLs) {
      if (!expressible(glob.source)) {
        gaps.push({
          rule: rule.index,
          verbs: [...verbs],
          reason: `non-resource URL \`${glob.source}\` uses \`?\` or an inner \`*\`, which RBAC cannot express (only a trailing \`*\`): not granted`,
        });
        continue;
      }
      const kept: string[] = [];
      for (const verb of verbs) {
        const applicable = denies.filter((d) => d.nonResourceURLs && (d.anyVerb || d.verbs.includes(verb)));
        const rel = applicable.flatMap((d) => d.nonResourceURLs!.map((g) => relation(glob.source, g)));
        if (rel.includes("covers")) {
          const foreign = applicable.filter((d) => d.policy !== policy && d.nonResourceURLs!.some((g) => relation(glob.source, g) === "covers"));
          if (foreign.length > 0 && !applicable.some((d) => d.policy === policy && d.nonResourceURLs!.some((g) => relation(glob.source, g) === "covers"))) {
            gaps.push({
              rule: rule.index,
              verbs: [verb],
              reason: `non-resource URL \`${glob.source}\` is denied by ${foreign.map((d) => `rule ${d.index} of \`${d.policy}\``).join(", ")}: a requester may match both policies and RBAC cannot tell, so that deny applies here too`,
            });
          }
          continue;
        }
        if (rel.includes("partial")) {
          gaps.push({
            rule: rule.index,
            verbs: [verb],
            reason: `non-resource URL \`${glob.source}\` overlaps a denied URL that RBAC cannot carve out: not granted`,
          });
          continue;
        }
        kept.push(verb);
      }
      if (kept.length === 0) continue;
      out.push({
        nonResourceURLs: [glob.source],
        verbs: rule.anyVerb && kept.length === HTTP_VERBS.length && denies.every((d) => !d.nonResourceURLs) ? ["*"] : kept.sort(),
      });
    }
  }
  // Merge URLs that share a verb set.
  const byVerbs = new Map<string, string[]>();
  for (const r of out) byVerbs.set(r.verbs.join(","), [...(byVerbs.get(r.verbs.join(",")) ?? []), ...r.nonResourceURLs!]);
  const merged = [...byVerbs].map(([verbs, urls]) => ({ nonResourceURLs: [...new Set(urls)].sort(), verbs: verbs.split(",") }));
  return { rules: merged.sort((a, b) => (a.nonResourceURLs[0]! < b.nonResourceURLs[0]! ? -1 : 1)), gaps };
}
