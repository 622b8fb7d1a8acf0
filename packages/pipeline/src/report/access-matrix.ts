import { createEvaluator, createInventory, describeRule, KNOWN_VERBS, namedSubjects, normaliseAccess, resourceRefMatches, subjectRequest, type AccessPolicyIR, type AccessRuleIR, type Inventory, type NamedSubject, type RampartDocument } from "@rampart/core";
import { CellState, type AccessMatrix, type ReportRule } from "./types.js";

/** Options of `buildAccessMatrix`. */
export interface AccessMatrixOptions {
  cluster?: string;
  inventory?: Inventory;
  /** The evaluation instant (default: now). */
  now?: Date;
}

/** Verbs every matrix shows; other verbs appear when a rule names them. */
const BASE_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
/** Verbs whose requests carry no object name. */
const COLLECTION_VERBS = new Set(["list", "watch", "create", "deletecollection"]);
/** Stands for every namespace or name that no rule lists: not a DNS label, so only `*`-like globs match it. */
export const OTHER = "~other~";

interface Res {
  group: string;
  resource: string;
  subresource: string;
  namespaced: boolean;
  label: string;
}

const subjectLabel = (s: NamedSubject) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);

/** The resources the rules can reach: inventory resources matched by a rule, plus resources rules name literally. */
function reachableResources(rules: readonly AccessRuleIR[], inventory: Inventory): Res[] {
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

/**
 * The access matrix of a cluster: every named subject × reachable resource × verb. Cells no rule of the
 * subject's policies can reach are default denies and are not stored; the others are decided by the
 * evaluator over the namespace and name classes the relevant rules distinguish.
 */
export function buildAccessMatrix(documents: readonly RampartDocument[], options: AccessMatrixOptions = {}): AccessMatrix {
  const inventory = options.inventory ?? createInventory();
  const policies = normaliseAccess(documents);
  const allRules = policies.flatMap((p) => p.rules).filter((r) => r.nonResourceURLs === undefined);
  const evaluator = createEvaluator(documents, { inventory, ...(options.cluster ? { cluster: options.cluster } : {}), ...(options.now ? { now: options.now } : {}) });
  const subjects = namedSubjects(documents);
  const resources = reachableResources(allRules, inventory);
  const verbSet = new Set(BASE_VERBS);
  for (const rule of allRules) for (const v of rule.verbs) if (v !== "*") verbSet.add(v);
  const verbs = [...KNOWN_VERBS.filter((v) => verbSet.has(v)), ...[...verbSet].filter((v) => !(KNOWN_VERBS as readonly string[]).includes(v)).sort()];
  // Namespace classes: inventory namespaces, namespaces rules name, one sample per glob (`team-*` → `team-x`), any other.
  const nsSample = new Map<string, string>(inventory.namespaces.map((n) => [n, n]));
  for (const rule of allRules) for (const g of rule.namespaces ?? []) if (g.literal) nsSample.set(g.source, g.source);
  for (const rule of allRules) for (const g of rule.namespaces ?? []) if (!g.literal && !g.any && !nsSample.has(g.source)) nsSample.set(g.source, g.source.replace(/[*?]/g, "x"));
  const namespaces = [...[...nsSample.keys()].sort(), "*"];
  const samples = namespaces.map((n) => (n === "*" ? OTHER : nsSample.get(n)!));

  // Per rule: the resource indices and verb indices it reaches (computed once, not per subject).
  const reach = new Map<AccessRuleIR, { res: number[]; verbs: number[] }>();
  for (const rule of allRules) {
    const res: number[] = [];
    resources.forEach((r, i) => rule.resources.some((ref) => resourceRefMatches(ref, r.group, r.resource, r.subresource)) && res.push(i));
    const vs: number[] = [];
    verbs.forEach((v, i) => (rule.anyVerb || rule.verbs.includes(v)) && vs.push(i));
    reach.set(rule, { res, verbs: vs });
  }

  const rules: ReportRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleSets: number[][] = [];
  const ruleSetIndex = new Map<string, number>();
  const namespaceSets: number[][] = [];
  const namespaceSetIndex = new Map<string, number>();
  const ruleOf = new Map<string, AccessRuleIR>(allRules.map((r) => [`${r.policy}#${r.index}`, r]));
  const internRuleSet = (keys: readonly string[]): number => {
    const ids = keys.map((k) => {
      let id = ruleIndex.get(k);
      if (id === undefined) {
        const r = ruleOf.get(k)!;
        id = rules.push({ policy: r.policy, rule: r.index, effect: r.effect, text: describeRule(r), file: r.source.file, line: r.source.line }) - 1;
        ruleIndex.set(k, id);
      }
      return id;
    });
    const key = ids.join(",");
    let set = ruleSetIndex.get(key);
    if (set === undefined) ruleSetIndex.set(key, (set = ruleSets.push(ids) - 1));
    return set;
  };
  const internNsSet = (ids: number[]): number => {
    const key = ids.join(",");
    let set = namespaceSetIndex.get(key);
    if (set === undefined) namespaceSetIndex.set(key, (set = namespaceSets.push(ids) - 1));
    return set;
  };

  const kinds: number[] = [];
  const kindIndex = new Map<string, number>();
  const patterns: number[][] = [];
  const patternIndex = new Map<string, number>();
  const profiles: number[][] = [];
  const profileIndex = new Map<string, number>();
  const intern = (index: Map<string, number>, key: string, add: () => number): number => {
    let id = index.get(key);
    if (id === undefined) index.set(key, (id = add()));
    return id;
  };
  // Per rule: the namespace classes its non-`*` globs match (computed once, not per cell).
  const nsOfRule = new Map<AccessRuleIR, number[]>();
  const nsClassesOf = (rule: AccessRuleIR): number[] => {
    let list = nsOfRule.get(rule);
    if (!list) {
      const globs = (rule.namespaces ?? []).filter((g) => !g.any);
      const patterns = globs.filter((g) => !g.literal);
      const found = new Set(globs.flatMap((g) => (g.literal ? [sampleIndex.get(g.source)!] : [])));
      // Only patterns need a scan of every class; literal names are looked up.
      if (patterns.length > 0) samples.forEach((n, i) => n !== OTHER && patterns.some((g) => g.test(n)) && found.add(i));
      list = [...found].sort((a, b) => a - b);
      nsOfRule.set(rule, list);
    }
    return list;
  };
  const sampleIndex = new Map(namespaces.map((n, i) => [n, i]));
  const other = namespaces.length - 1;
  const naming = namingPolicies(policies);
  const nsSetMemo = new Map<string, number>();
  // Subjects that the same policies name decide alike: computed once per set of naming policies.
  const byPolicies = new Map<string, number>();
  const subjectProfile = subjects.map((subject) => {
    const ids = naming(subject);
    const memoKey = ids.join(",");
    const known = byPolicies.get(memoKey);
    if (known !== undefined) return known;
    const rows = new Map<number, number[]>(); // resource → kind per verb
    const relevant = new Map<number, AccessRuleIR[]>(); // resource * verbs.length + verb → rules
    for (const pi of ids) {
      for (const rule of policies[pi]!.rules) {
        const r = reach.get(rule);
        if (!r) continue;
        for (const ri of r.res) for (const vi of r.verbs) {
          const k = ri * verbs.length + vi;
          const list = relevant.get(k);
          if (list) list.push(rule);
          else relevant.set(k, [rule]);
        }
      }
    }
    for (const k of [...relevant.keys()].sort((a, b) => a - b)) {
      const ri = Math.floor(k / verbs.length);
      const vi = k % verbs.length;
      const res = resources[ri]!;
      const verb = verbs[vi]!;
      const cellRules = relevant.get(k)!;
      // Namespace classes: those a relevant rule's glob lists or matches, plus any other namespace.
      const nsClasses = res.namespaced ? [...new Set(cellRules.flatMap(nsClassesOf))].sort((a, b) => a - b).concat(other) : [];
      // Name classes: names rules list, one sample per name pattern (`lead-*` → `lead-x`), any other name.
      const names = COLLECTION_VERBS.has(verb) ? [""] : [...new Set(cellRules.flatMap((r) => (r.names ?? []).filter((g) => !g.any).map((g) => (g.literal ? g.source : g.source.replace(/[*?]/g, "x"))))), OTHER];
      let allows = 0;
      let total = 0;
      const matched = new Set<string>();
      const nsAllowed = new Map<number, boolean>();
      let mixedInNamespace = false;
      for (const ni of res.namespaced ? nsClasses : [-1]) {
        let nsAllow = false;
        let nsDeny = false;
        for (const name of names) {
          const d = evaluator.decide(subjectRequest(subject, { verb, apiGroup: res.group, resource: res.resource, subresource: res.subresource, namespace: ni < 0 ? "" : samples[ni]!, name }));
          total++;
          if (d.decision === "allow") {
            allows++;
            nsAllow = true;
          } else nsDeny = true;
          for (const m of d.matched) matched.add(`${m.policy}#${m.rule}`);
        }
        nsAllowed.set(ni, nsAllow);
        if (nsAllow && nsDeny) mixedInNamespace = true;
      }
      const state = allows === total ? CellState.Allow : allows === 0 ? CellState.Deny : CellState.Partial;
      if (state === CellState.Deny && matched.size === 0) continue;
      let nsSet = -1;
      // The allowed namespaces are listed only when each namespace is wholly allowed or wholly denied.
      if (state === CellState.Partial && res.namespaced && !mixedInNamespace) {
        const key = nsClasses.map((i) => (nsAllowed.get(i) ? i : -i - 1)).join(",");
        let set = nsSetMemo.get(key);
        if (set === undefined) {
          const otherAllowed = nsAllowed.get(other)!;
          // Unlisted namespaces decide like `other`: when it denies, only the evaluated classes can allow.
          set = internNsSet(otherAllowed ? namespaces.map((_, i) => i).filter((i) => nsAllowed.get(i) ?? true) : nsClasses.filter((i) => nsAllowed.get(i)));
          nsSetMemo.set(key, set);
        }
        nsSet = set;
      }
      const keys = [...matched].sort((a, b) => ruleOf.get(a)!.ordinal - ruleOf.get(b)!.ordinal);
      const rs = internRuleSet(keys);
      const kind = intern(kindIndex, `${state},${rs},${nsSet}`, () => kinds.push(state, rs, nsSet) / 3 - 1);
      let row = rows.get(ri);
      if (!row) rows.set(ri, (row = new Array<number>(verbs.length).fill(-1)));
      row[vi] = kind;
    }
    let profile = -1;
    if (rows.size > 0) {
      const flat: number[] = [];
      for (const ri of [...rows.keys()].sort((a, b) => a - b)) {
        const pattern = rows.get(ri)!;
        flat.push(ri, intern(patternIndex, pattern.join(","), () => patterns.push(pattern) - 1));
      }
      profile = intern(profileIndex, flat.join(","), () => profiles.push(flat) - 1);
    }
    byPolicies.set(memoKey, profile);
    return profile;
  });
  return { subjects: subjects.map(subjectLabel), resources: resources.map((r) => r.label), namespaced: resources.map((r) => r.namespaced), verbs, namespaces, rules, ruleSets, namespaceSets, kinds, patterns, profiles, subjectProfile };
}

/**
 * The policies (indices, ascending) that may apply to a subject's own request: those naming it, its
 * ServiceAccount groups, or `system:authenticated` — a superset: the evaluator decides.
 */
function namingPolicies(policies: readonly AccessPolicyIR[]): (s: NamedSubject) => number[] {
  const by = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = by.get(key);
    if (list) list.push(i);
    else by.set(key, [i]);
  };
  policies.forEach((p, i) => {
    for (const u of new Set(p.users)) add(`u:${u}`, i);
    for (const g of new Set(p.groups)) add(`g:${g}`, i);
    for (const sa of p.serviceAccounts) add(`s:${sa.namespace}/${sa.name}`, i);
  });
  const get = (key: string) => by.get(key) ?? [];
  return (s) => {
    const keys = s.kind === "User" ? [`u:${s.name}`] : s.kind === "Group" ? [`g:${s.name}`] : [`s:${s.namespace}/${s.name}`, "g:system:serviceaccounts", `g:system:serviceaccounts:${s.namespace}`];
    return [...new Set([...keys, "g:system:authenticated"].flatMap(get))].sort((a, b) => a - b);
  };
}
