// The axes of an access matrix: the resources and verbs rules reach, and the namespace classes they are decided in.
import { KNOWN_VERBS, resourceRefMatches, type AccessRuleIR, type Inventory } from "@rampart/core";

/** Verbs every matrix shows; other verbs appear when a rule names them. */
const BASE_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
/** Stands for every namespace or name that no rule lists: not a DNS label, so only `*`-like globs match it. */
export const OTHER = "~other~";

/** A resource (or subresource) row of the matrix. */
export interface Res {
  group: string;
  resource: string;
  subresource: string;
  namespaced: boolean;
  label: string;
}

/** The resources the rules can reach: inventory resources matched by a rule, plus resources rules name literally. */
export function reachableResources(rules: readonly AccessRuleIR[], inventory: Inventory): Res[] {
  const out = new Map<string, Res>();
  const add = (group: string, resource: string, subresource: string) => {
    const main = resource + (group ? `.${group}` : "");
    const label = subresource ? `${main}/${subresource}` : main;
    if (!out.has(label)) out.set(label, { group, resource, subresource, namespaced: inventory.resource(group, resource)?.namespaced ?? true, label });
  };
  for (const r of inventory.resources) {
    if (rules.some((rule) => rule.resources.some((ref) => resourceRefMatches(ref, r.group, r.resource, "")))) add(r.group, r.resource, "");
  }
  for (const rule of rules) {
    for (const ref of rule.resources) {
      if (ref.everything || ref.group === "*" || ref.resource === "*" || ref.subresource === "*") continue;
      add(ref.group, ref.resource, ref.subresource);
    }
  }
  return [...out.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The matrix's verbs: the base verbs and those rules name, known verbs first in their order, then the others sorted. */
export function matrixVerbs(rules: readonly AccessRuleIR[]): string[] {
  const verbSet = new Set(BASE_VERBS);
  for (const rule of rules) for (const v of rule.verbs) if (v !== "*") verbSet.add(v);
  return [...KNOWN_VERBS.filter((v) => verbSet.has(v)), ...[...verbSet].filter((v) => !(KNOWN_VERBS as readonly string[]).includes(v)).sort()];
}

/** Namespace classes: inventory namespaces, namespaces rules name, one sample per glob (`team-*` → `team-x`), then `*` for any other. */
export function namespaceClasses(rules: readonly AccessRuleIR[], inventory: Inventory): { namespaces: string[]; samples: string[] } {
  const nsSample = new Map<string, string>(inventory.namespaces.map((n) => [n, n]));
  for (const rule of rules) for (const g of rule.namespaces ?? []) if (g.literal) nsSample.set(g.source, g.source);
  for (const rule of rules)
    for (const g of rule.namespaces ?? []) if (!g.literal && !g.any && !nsSample.has(g.source)) nsSample.set(g.source, g.source.replace(/[*?]/g, "x"));
  const namespaces = [...[...nsSample.keys()].sort(), "*"];
  return { namespaces, samples: namespaces.map((n) => (n === "*" ? OTHER : nsSample.get(n)!)) };
}

/** Per rule: the resource indices and verb indices it reaches (computed once, not per subject). */
export function ruleReach(
  rules: readonly AccessRuleIR[],
  resources: readonly Res[],
  verbs: readonly string[],
): Map<AccessRuleIR, { res: number[]; verbs: number[] }> {
  const reach = new Map<AccessRuleIR, { res: number[]; verbs: number[] }>();
  for (const rule of rules) {
    const res: number[] = [];
    resources.forEach((r, i) => rule.resources.some((ref) => resourceRefMatches(ref, r.group, r.resource, r.subresource)) && res.push(i));
    const vs: number[] = [];
    verbs.forEach((v, i) => (rule.anyVerb || rule.verbs.includes(v)) && vs.push(i));
    reach.set(rule, { res, verbs: vs });
  }
  return reach;
}

/** Per rule, memoised: the namespace classes its non-`*` globs match (literal names are looked up, only patterns scan the classes). */
export function namespaceClassesOfRule(namespaces: readonly string[], samples: readonly string[]): (rule: AccessRuleIR) => number[] {
  const sampleIndex = new Map(namespaces.map((n, i) => [n, i]));
  const memo = new Map<AccessRuleIR, number[]>();
  return (rule) => {
    let list = memo.get(rule);
    if (!list) {
      const globs = (rule.namespaces ?? []).filter((g) => !g.any);
      const patterns = globs.filter((g) => !g.literal);
      const found = new Set(globs.flatMap((g) => (g.literal ? [sampleIndex.get(g.source)!] : [])));
      if (patterns.length > 0) samples.forEach((n, i) => n !== OTHER && patterns.some((g) => g.test(n)) && found.add(i));
      list = [...found].sort((a, b) => a - b);
      memo.set(rule, list);
    }
    return list;
  };
}
