import type { AccessPolicyIR, AccessRuleIR } from "@rampart/core";
import type { NamespaceMatcher } from "@rampart/core/compiler";
import { closureOf, principalsOf, tokensOf } from "./principals.js";
import { refCovers, type Target } from "./targets.js";

/** The denies that may apply to one policy's requesters, indexed for the questions compilation asks. */
export interface PolicyDenies {
  /** Every such deny: the policy's own first, then other policies' in order; identical denies once. */
  readonly all: readonly AccessRuleIR[];
  /** The first deny (in `all` order) that may take (verb, target) away and restricts namespaces (not `*`). */
  firstNamespaceRestricted(verb: string, t: Target): AccessRuleIR | undefined;
  /** The denies that take (verb, target) away in a namespace ("" = cluster-wide or across all namespaces). */
  applicable(verb: string, t: Target, namespace: string): AccessRuleIR[];
}

/** What a deny covers, to count identical denies of many policies once. */
const denyKey = (r: AccessRuleIR) =>
  JSON.stringify([r.verbs, r.resources, r.nonResourceURLs?.map((g) => g.source), r.namespaces?.map((g) => g.source), r.names?.map((g) => g.source)]);

/** A distinct deny (by content), with what it covers precomputed. */
interface DenyEntry {
  readonly id: number;
  readonly rule: AccessRuleIR;
  readonly targets: ReadonlySet<Target>;
  /** Restricted to some namespaces (has `namespaces`, not `*`). */
  readonly restricted: boolean;
}

const verbMatches = (rule: AccessRuleIR, verb: string) => rule.anyVerb || rule.verbs.includes(verb);

/** A deny as one policy sees it: the rule of the first policy (own first) that has it, and its rank. */
type Ranked = { rule: AccessRuleIR; rank: number };

/** The distinct denies of all policies, indexed by target and by namespace. */
interface DenyTables {
  readonly entryOf: ReadonlyMap<AccessRuleIR, DenyEntry>;
  readonly unrestrictedByTarget: ReadonlyMap<Target, DenyEntry[]>;
  readonly restrictedByTarget: ReadonlyMap<Target, DenyEntry[]>;
  /** Namespace → the namespace-restricted denies whose globs match it. */
  readonly byNamespace: ReadonlyMap<string, DenyEntry[]>;
}

/** Indexes every distinct deny once: the targets it covers and the namespaces its globs match. */
function denyTables(policies: readonly AccessPolicyIR[], targets: readonly Target[], matcher: NamespaceMatcher): DenyTables {
  const entries = new Map<string, DenyEntry>();
  const entryOf = new Map<AccessRuleIR, DenyEntry>();
  const unrestrictedByTarget = new Map<Target, DenyEntry[]>();
  const restrictedByTarget = new Map<Target, DenyEntry[]>();
  const byNamespace = new Map<string, DenyEntry[]>();
  for (const p of policies) {
    for (const r of p.rules) {
      if (r.effect !== "deny") continue;
      const key = denyKey(r);
      let e = entries.get(key);
      if (!e) {
        const covered = r.nonResourceURLs ? [] : targets.filter((t) => r.resources.some((ref) => refCovers(ref, t)));
        const restricted = r.namespaces !== undefined && !r.anyNamespace;
        entries.set(key, (e = { id: entries.size, rule: r, targets: new Set(covered), restricted }));
        for (const t of covered) push(restricted ? restrictedByTarget : unrestrictedByTarget, t, e);
        if (restricted) for (const ns of matcher.matching(r.namespaces!)) push(byNamespace, ns, e);
      }
      entryOf.set(r, e);
    }
  }
  return { entryOf, unrestrictedByTarget, restrictedByTarget, byNamespace };
}

/** Wider than this many policies, a token is shared (a team group, any person) rather than one user's. */
const WIDE = 8;

/**
 * `reach(policy)`: the denies of every policy whose subjects a requester of `policy` may also
 * match (see principals.ts), first occurrence in policy order. Computed per set of policies and
 * shared: the wide tokens decide the set, and the few policies a narrow token (one user) adds are
 * usually in it already, so that most policies share one set.
 */
function reachGroups(
  policies: readonly AccessPolicyIR[],
  entryOf: ReadonlyMap<AccessRuleIR, DenyEntry>,
): (policy: AccessPolicyIR) => ReadonlyMap<number, Ranked> {
  const withDenies = policies.filter((p) => p.rules.some((r) => r.effect === "deny"));
  const byToken = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  withDenies.forEach((q, i) => {
    push(byName, q.name, i);
    for (const token of new Set(principalsOf(q).flatMap(tokensOf))) push(byToken, token, i);
  });
  type Group = { members: Uint8Array; denies: Map<number, Ranked> };
  const groups = new Map<string, Group>();
  const makeGroup = (key: string, indices: () => Iterable<number>): Group => {
    let group = groups.get(key);
    if (group) return group;
    const members = new Uint8Array(withDenies.length);
    for (const i of indices()) members[i] = 1;
    const denies = new Map<number, Ranked>();
    for (let i = 0; i < members.length; i++) {
      if (!members[i]) continue;
      for (const r of withDenies[i]!.rules) {
        if (r.effect !== "deny") continue;
        const e = entryOf.get(r)!;
        if (!denies.has(e.id)) denies.set(e.id, { rule: r, rank: denies.size });
      }
    }
    groups.set(key, (group = { members, denies }));
    return group;
  };
  return (policy) => {
    const tokens = [...new Set(principalsOf(policy).flatMap(closureOf))].filter((t) => byToken.has(t)).sort();
    const wide = tokens.filter((t) => byToken.get(t)!.length > WIDE);
    // Same name: always the same requesters.
    const narrow = [...tokens.filter((t) => byToken.get(t)!.length <= WIDE).flatMap((t) => byToken.get(t)!), ...(byName.get(policy.name) ?? [])];
    const base = makeGroup(`w:${wide.join("\u0000")}`, () => wide.flatMap((t) => byToken.get(t)!));
    if (narrow.every((i) => base.members[i])) return base.denies;
    const all = new Set([...wide.flatMap((t) => byToken.get(t)!), ...narrow]);
    return makeGroup(`a:${[...all].sort((x, y) => x - y).join(",")}`, () => all).denies;
  };
}

/**
 * The denies of one policy: its own first (ranks 0…k-1), then those it reaches (ranks k + their
 * rank in the group); the first occurrence of a deny wins, as in a scan of the policies in order.
 */
function policyDenies(policy: AccessPolicyIR, tables: DenyTables, reached: ReadonlyMap<number, Ranked>): PolicyDenies {
  const own = new Map<number, Ranked>();
  for (const r of policy.rules) {
    if (r.effect !== "deny") continue;
    const e = tables.entryOf.get(r)!;
    if (!own.has(e.id)) own.set(e.id, { rule: r, rank: own.size });
  }
  const k = own.size;
  const lookup = (id: number): Ranked | undefined => {
    const o = own.get(id);
    if (o) return o;
    const g = reached.get(id);
    return g && { rule: g.rule, rank: k + g.rank };
  };
  let all: AccessRuleIR[] | undefined;
  return {
    get all() {
      if (!all) all = [...own.values(), ...[...reached].filter(([id]) => !own.has(id)).map(([, g]) => g)].map((m) => m.rule);
      return all;
    },
    firstNamespaceRestricted(verb, t) {
      let best: Ranked | undefined;
      for (const e of tables.restrictedByTarget.get(t) ?? []) {
        const m = lookup(e.id);
        if (m && verbMatches(e.rule, verb) && (!best || m.rank < best.rank)) best = m;
      }
      return best?.rule;
    },
    applicable(verb, t, ns) {
      const out: AccessRuleIR[] = [];
      for (const e of tables.unrestrictedByTarget.get(t) ?? []) {
        const m = lookup(e.id);
        if (m && verbMatches(e.rule, verb) && (!e.rule.namespaces || t.namespaced)) out.push(m.rule);
      }
      if (ns !== "" && t.namespaced) {
        for (const e of tables.byNamespace.get(ns) ?? []) {
          const m = lookup(e.id);
          if (m && e.targets.has(t) && verbMatches(e.rule, verb)) out.push(m.rule);
        }
      }
      return out;
    },
  };
}

/**
 * Indexes the deny rules of all policies once: per target the distinct denies that cover it,
 * per namespace the namespace-restricted ones that match it (globs expanded once per pattern by
 * the matcher), and per requester token the policies whose denies may reach it. `forPolicy`
 * then answers per policy without rescanning every deny.
 */
export function createDenyIndex(
  policies: readonly AccessPolicyIR[],
  targets: readonly Target[],
  matcher: NamespaceMatcher,
): { forPolicy(policy: AccessPolicyIR): PolicyDenies } {
  const tables = denyTables(policies, targets, matcher);
  const reach = reachGroups(policies, tables.entryOf);
  return { forPolicy: (policy) => policyDenies(policy, tables, reach(policy)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
