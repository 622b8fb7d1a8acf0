import {
  createEvaluator,
  createInventory,
  namedSubjects,
  normaliseAccess,
  subjectRequest,
  type AccessPolicyIR,
  type AccessRuleIR,
  type Evaluator,
  type Inventory,
  type NamedSubject,
  type RampartDocument,
} from "@rampart/core";
import { matrixVerbs, namespaceClasses, namespaceClassesOfRule, OTHER, reachableResources, ruleReach, type Res } from "./matrix-axes.js";
import { MatrixTables } from "./matrix-tables.js";
import { CellState, type AccessMatrix } from "./types.js";

/** Options of `buildAccessMatrix`. */
export interface AccessMatrixOptions {
  cluster?: string;
  inventory?: Inventory;
  /** The evaluation instant (default: now). */
  now?: Date;
}

/** Verbs whose requests carry no object name. */
const COLLECTION_VERBS = new Set(["list", "watch", "create", "deletecollection"]);
const subjectLabel = (s: NamedSubject) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);

/** What every cell of one matrix is decided with. */
interface MatrixContext {
  evaluator: Evaluator;
  policies: readonly AccessPolicyIR[];
  resources: readonly Res[];
  verbs: string[];
  /** Namespace classes, the last `*` (any other namespace), and the namespace each is evaluated in. */
  namespaces: string[];
  samples: readonly string[];
  /** Per rule: the resource and verb indices it reaches. */
  reach: ReadonlyMap<AccessRuleIR, { res: number[]; verbs: number[] }>;
  /** The namespace classes a rule's non-`*` globs list or match. */
  nsClassesOf(rule: AccessRuleIR): number[];
  ruleOf: ReadonlyMap<string, AccessRuleIR>;
  tables: MatrixTables;
  /** Namespace sets by the allowed/denied pattern of a cell's classes. */
  nsSetMemo: Map<string, number>;
}

/** The context of a matrix: its axes, the evaluator, and per-rule lookups. */
function matrixContext(documents: readonly RampartDocument[], options: AccessMatrixOptions): MatrixContext & { subjects: NamedSubject[] } {
  const inventory = options.inventory ?? createInventory();
  const policies = normaliseAccess(documents);
  const allRules = policies.flatMap((p) => p.rules).filter((r) => r.nonResourceURLs === undefined);
  const evaluator = createEvaluator(documents, {
    inventory,
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const resources = reachableResources(allRules, inventory);
  const verbs = matrixVerbs(allRules);
  const { namespaces, samples } = namespaceClasses(allRules, inventory);
  const ruleOf = new Map<string, AccessRuleIR>(allRules.map((r) => [`${r.policy}#${r.index}`, r]));
  const reach = ruleReach(allRules, resources, verbs);
  return {
    subjects: namedSubjects(documents),
    evaluator,
    policies,
    resources,
    verbs,
    namespaces,
    samples,
    reach,
    nsClassesOf: namespaceClassesOfRule(namespaces, samples),
    ruleOf,
    tables: new MatrixTables(ruleOf),
    nsSetMemo: new Map(),
  };
}

/** The rules of the given policies that reach each cell (key: resource × verbs + verb). */
function relevantRules(ctx: MatrixContext, policyIds: readonly number[]): Map<number, AccessRuleIR[]> {
  const relevant = new Map<number, AccessRuleIR[]>();
  for (const pi of policyIds) {
    for (const rule of ctx.policies[pi]!.rules) {
      const r = ctx.reach.get(rule);
      if (!r) continue;
      for (const ri of r.res) {
        for (const vi of r.verbs) {
          const k = ri * ctx.verbs.length + vi;
          const list = relevant.get(k);
          if (list) list.push(rule);
          else relevant.set(k, [rule]);
        }
      }
    }
  }
  return relevant;
}

/** One cell decided over its namespace and name classes. */
interface DecidedCell {
  state: CellState;
  /** Keys of the rules that matched any of its requests. */
  matched: Set<string>;
  nsClasses: number[];
  /** Whether each namespace class allowed some request. */
  nsAllowed: Map<number, boolean>;
  /** Some namespace class both allowed and denied (by name). */
  mixedInNamespace: boolean;
}

/** Decides a cell: one request per namespace class (those a relevant rule's glob lists or matches, plus any other) and name class. */
function decideCell(ctx: MatrixContext, subject: NamedSubject, res: Res, verb: string, cellRules: readonly AccessRuleIR[]): DecidedCell {
  const other = ctx.namespaces.length - 1;
  const nsClasses = res.namespaced ? [...new Set(cellRules.flatMap(ctx.nsClassesOf))].sort((a, b) => a - b).concat(other) : [];
  // Name classes: names rules list, one sample per name pattern (`lead-*` → `lead-x`), any other name.
  const names = COLLECTION_VERBS.has(verb)
    ? [""]
    : [...new Set(cellRules.flatMap((r) => (r.names ?? []).filter((g) => !g.any).map((g) => (g.literal ? g.source : g.source.replace(/[*?]/g, "x"))))), OTHER];
  let allows = 0;
  let total = 0;
  const matched = new Set<string>();
  const nsAllowed = new Map<number, boolean>();
  let mixedInNamespace = false;
  for (const ni of res.namespaced ? nsClasses : [-1]) {
    let nsAllow = false;
    let nsDeny = false;
    for (const name of names) {
      const d = ctx.evaluator.decide(
        subjectRequest(subject, {
          verb,
          apiGroup: res.group,
          resource: res.resource,
          subresource: res.subresource,
          namespace: ni < 0 ? "" : ctx.samples[ni]!,
          name,
        }),
      );
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
  return { state, matched, nsClasses, nsAllowed, mixedInNamespace };
}

/** The namespaces a partial cell allows, listed only when each namespace is wholly allowed or wholly denied (else -1). */
function allowedNamespaces(ctx: MatrixContext, res: Res, cell: DecidedCell): number {
  if (cell.state !== CellState.Partial || !res.namespaced || cell.mixedInNamespace) return -1;
  const { nsClasses, nsAllowed } = cell;
  const key = nsClasses.map((i) => (nsAllowed.get(i) ? i : -i - 1)).join(",");
  let set = ctx.nsSetMemo.get(key);
  if (set === undefined) {
    const otherAllowed = nsAllowed.get(ctx.namespaces.length - 1)!;
    // Unlisted namespaces decide like `other`: when it denies, only the evaluated classes can allow.
    set = ctx.tables.namespaceSet(
      otherAllowed ? ctx.namespaces.map((_, i) => i).filter((i) => nsAllowed.get(i) ?? true) : nsClasses.filter((i) => nsAllowed.get(i)),
    );
    ctx.nsSetMemo.set(key, set);
  }
  return set;
}

/** A subject's profile: the kind of each cell some rule of its naming policies reaches (default denies left out). */
function subjectProfile(ctx: MatrixContext, subject: NamedSubject, policyIds: readonly number[]): number {
  const rows = new Map<number, number[]>(); // resource → kind per verb
  const relevant = relevantRules(ctx, policyIds);
  for (const k of [...relevant.keys()].sort((a, b) => a - b)) {
    const ri = Math.floor(k / ctx.verbs.length);
    const vi = k % ctx.verbs.length;
    const res = ctx.resources[ri]!;
    const cell = decideCell(ctx, subject, res, ctx.verbs[vi]!, relevant.get(k)!);
    if (cell.state === CellState.Deny && cell.matched.size === 0) continue;
    const nsSet = allowedNamespaces(ctx, res, cell);
    const keys = [...cell.matched].sort((a, b) => ctx.ruleOf.get(a)!.ordinal - ctx.ruleOf.get(b)!.ordinal);
    const kind = ctx.tables.kind(cell.state, ctx.tables.ruleSet(keys), nsSet);
    let row = rows.get(ri);
    if (!row) rows.set(ri, (row = new Array<number>(ctx.verbs.length).fill(-1)));
    row[vi] = kind;
  }
  return ctx.tables.profile(rows);
}

/**
 * The access matrix of a cluster: every named subject × reachable resource × verb. Cells no rule of the
 * subject's policies can reach are default denies and are not stored; the others are decided by the
 * evaluator over the namespace and name classes the relevant rules distinguish.
 */
export function buildAccessMatrix(documents: readonly RampartDocument[], options: AccessMatrixOptions = {}): AccessMatrix {
  const ctx = matrixContext(documents, options);
  const naming = namingPolicies(ctx.policies);
  // Subjects that the same policies name decide alike: computed once per set of naming policies.
  const byPolicies = new Map<string, number>();
  const subjectProfiles = ctx.subjects.map((subject) => {
    const ids = naming(subject);
    const key = ids.join(",");
    let profile = byPolicies.get(key);
    if (profile === undefined) byPolicies.set(key, (profile = subjectProfile(ctx, subject, ids)));
    return profile;
  });
  const { rules, ruleSets, namespaceSets, kinds, patterns, profiles } = ctx.tables;
  const { resources, verbs, namespaces } = ctx;
  return {
    subjects: ctx.subjects.map(subjectLabel),
    resources: resources.map((r) => r.label),
    namespaced: resources.map((r) => r.namespaced),
    verbs,
    namespaces,
    rules,
    ruleSets,
    namespaceSets,
    kinds,
    patterns,
    profiles,
    subjectProfile: subjectProfiles,
  };
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
    const keys =
      s.kind === "User"
        ? [`u:${s.name}`]
        : s.kind === "Group"
          ? [`g:${s.name}`]
          : [`s:${s.namespace}/${s.name}`, "g:system:serviceaccounts", `g:system:serviceaccounts:${s.namespace}`];
    return [...new Set([...keys, "g:system:authenticated"].flatMap(get))].sort((a, b) => a - b);
  };
}
