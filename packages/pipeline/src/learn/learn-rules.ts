import { createInventory, KNOWN_VERBS, type Inventory } from "@rampart/core";
import type { AuditRecord } from "./audit-event.js";
import { inferNames } from "./generated-names.js";
import { policyNames, subjectKey, subjectOf, type LearnedSubject } from "./subjects.js";

/** One learned allow rule; `count`, `first` and `last` say how it was observed. */
export interface LearnedRule {
  verbs: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  /** Absent: cluster-scoped (or a resource the inventory does not know, requested without a namespace). */
  namespaces?: string[];
  names?: string[];
  count: number;
  first: number;
  last: number;
}

/** A learned AccessPolicy before emission. */
export interface LearnedPolicy {
  name: string;
  subject: LearnedSubject;
  rules: LearnedRule[];
  /** Kept requests it was learned from. */
  requests: number;
}

/** Options of `learnPolicies`. */
export interface LearnPoliciesOptions {
  /** Groups whose members are pooled into one policy per group (first match wins). */
  byGroup?: readonly string[];
  /** Tells namespaced from cluster-scoped resources; its namespaces allow `namespaces: ["*"]`. */
  inventory?: Inventory;
}

/** Verbs RBAC cannot restrict by `resourceNames` on a resource itself. */
const NEVER_NAMED = new Set(["list", "watch", "deletecollection"]);
const VERB_ORDER = new Map<string, number>(KNOWN_VERBS.map((v, i) => [v, i]));

/** `pods`, `deployments.apps`, `pods/exec`. */
export function resourceString(apiGroup: string, resource: string, subresource: string): string {
  return `${apiGroup === "" ? resource : `${resource}.${apiGroup}`}${subresource === "" ? "" : `/${subresource}`}`;
}

/** True when RBAC can restrict the request by name: not a collection, not creating an object. */
export function nameScoped(r: Pick<AuditRecord, "verb" | "subresource" | "name">): boolean {
  return r.name !== "" && !NEVER_NAMED.has(r.verb) && !(r.verb === "create" && r.subresource === "");
}

/** The namespaces key of a request: `""` cluster-scoped, `"*"` across all namespaces, else the namespace. */
export function namespaceKey(r: Pick<AuditRecord, "apiGroup" | "resource" | "namespace">, inventory: Inventory): string {
  const known = inventory.resource(r.apiGroup, r.resource);
  if (known && !known.namespaced) return "";
  if (r.namespace !== "") return r.namespace;
  // A known namespaced resource without a namespace is a request across all namespaces.
  return known ? "*" : "";
}

interface Stats {
  count: number;
  first: number;
  last: number;
}
const add = (s: Stats, o: Stats) => {
  s.count += o.count;
  s.first = Math.min(s.first, o.first);
  s.last = Math.max(s.last, o.last);
};
const sortVerbs = (verbs: Iterable<string>) =>
  [...new Set(verbs)].sort((a, b) => (VERB_ORDER.get(a) ?? 99) - (VERB_ORDER.get(b) ?? 99) || (a < b ? -1 : a > b ? 1 : 0));
const SEP = "\u0000";

interface Cell extends Stats {
  names: Set<string>;
  unnamed: boolean;
}

/** Groups `items` by a key, merging each group with `merge`. */
function groupBy<T, G>(items: Iterable<T>, key: (t: T) => string, start: (t: T) => G, merge: (g: G, t: T) => void): G[] {
  const out = new Map<string, G>();
  for (const t of items) {
    const k = key(t);
    const g = out.get(k);
    if (g === undefined) out.set(k, start(t));
    else merge(g, t);
  }
  return [...out.values()];
}

interface Learner {
  subject: LearnedSubject;
  cells: Map<string, Cell>;
  urls: Map<string, Stats & { verb: string; url: string }>;
  /** Forbidden names by verb × resource × namespace key, so no glob covers them. */
  forbidden: Map<string, string[]>;
  /** verb × resource of forbidden requests, so no namespace list is widened over them. */
  forbiddenResources: Set<string>;
  requests: number;
}

/**
 * Learns one AccessPolicy per subject from the allowed requests: exact names where RBAC can
 * use them (generated ones as a glob), no widened verbs, subresources separate, namespaces
 * listed (or `*` when the subject touched every namespace of the inventory), and rules merged
 * only where every verb × resource × namespace × name they grant was observed.
 */
export function learnPolicies(records: Iterable<AuditRecord>, options: LearnPoliciesOptions = {}): LearnedPolicy[] {
  const inventory = options.inventory ?? createInventory();
  const byGroup = options.byGroup ?? [];
  const learners = new Map<string, Learner>();
  const learnerOf = (r: AuditRecord): Learner => {
    const subject = subjectOf(r.user, r.groups, byGroup);
    const key = subjectKey(subject);
    let l = learners.get(key);
    if (!l) learners.set(key, (l = { subject, cells: new Map(), urls: new Map(), forbidden: new Map(), forbiddenResources: new Set(), requests: 0 }));
    return l;
  };
  for (const r of records) {
    if (r.outcome !== "allowed" && r.outcome !== "forbidden") continue;
    const l = learnerOf(r);
    if (r.nonResourceURL !== "") {
      if (r.outcome !== "allowed") continue;
      l.requests += r.count;
      const k = r.verb + SEP + r.nonResourceURL;
      const u = l.urls.get(k);
      if (u) add(u, { count: r.count, first: r.time, last: r.lastTime });
      else l.urls.set(k, { verb: r.verb, url: r.nonResourceURL, count: r.count, first: r.time, last: r.lastTime });
      continue;
    }
    const res = resourceString(r.apiGroup, r.resource, r.subresource);
    const ns = namespaceKey(r, inventory);
    const k = r.verb + SEP + res + SEP + ns;
    if (r.outcome === "forbidden") {
      l.forbiddenResources.add(r.verb + SEP + res);
      if (r.name !== "") (l.forbidden.get(k) ?? l.forbidden.set(k, []).get(k)!).push(r.name);
      continue;
    }
    l.requests += r.count;
    let c = l.cells.get(k);
    if (!c) l.cells.set(k, (c = { count: 0, first: r.time, last: r.lastTime, names: new Set(), unnamed: false }));
    add(c, { count: r.count, first: r.time, last: r.lastTime });
    if (nameScoped(r)) c.names.add(r.name);
    else c.unnamed = true;
  }
  const ordered = [...learners.values()].filter((l) => l.requests > 0).sort((a, b) => (subjectKey(a.subject) < subjectKey(b.subject) ? -1 : 1));
  const names = policyNames(ordered.map((l) => l.subject));
  return ordered.map((l, i) => ({ name: names[i]!, subject: l.subject, rules: rulesOf(l, inventory), requests: l.requests }));
}

function rulesOf(l: Learner, inventory: Inventory): LearnedRule[] {
  // 1. Each verb × resource × namespace: its names (globs where generated), or none when unnamed.
  const cells = [...l.cells].map(([k, c]) => {
    const [verb, res, ns] = k.split(SEP) as [string, string, string];
    const names = c.unnamed ? [] : inferNames(c.names, l.forbidden.get(k) ?? []);
    return { verb, res, ns, names, namesKey: names.join(SEP), stats: { count: c.count, first: c.first, last: c.last } };
  });
  // 2. Namespaces of the same verb × resource × names; cluster-scoped ("") and all-namespace ("*") stay apart.
  const allNs = inventory.namespaces;
  const byNs = groupBy(
    cells,
    (c) => [c.verb, c.res, c.namesKey, c.ns === "" || c.ns === "*" ? c.ns : "+"].join(SEP),
    (c) => ({ ...c, nss: new Set([c.ns]), stats: { ...c.stats } }),
    (g, c) => {
      g.nss.add(c.ns);
      add(g.stats, c.stats);
    },
  ).map((g) => {
    const widen = allNs.length > 0 && !g.nss.has("") && !g.nss.has("*") && allNs.every((n) => g.nss.has(n)) && !l.forbiddenResources.has(g.verb + SEP + g.res);
    const nss = widen ? ["*"] : [...g.nss].sort();
    return { ...g, nsKey: nss.join(SEP) };
  });
  // 3. Verbs of the same resource × namespaces × names; 4. resources of the same verbs × namespaces × names.
  const byVerb = groupBy(
    byNs,
    (g) => [g.res, g.nsKey, g.namesKey].join(SEP),
    (g) => ({ ...g, verbs: new Set([g.verb]), stats: { ...g.stats } }),
    (v, g) => {
      v.verbs.add(g.verb);
      add(v.stats, g.stats);
    },
  ).map((v) => ({ ...v, verbList: sortVerbs(v.verbs) }));
  const byRes = groupBy(
    byVerb,
    (v) => [v.verbList.join(","), v.nsKey, v.namesKey].join(SEP),
    (v) => ({ ...v, resources: new Set([v.res]), stats: { ...v.stats } }),
    (r, v) => {
      r.resources.add(v.res);
      add(r.stats, v.stats);
    },
  );
  const rules: LearnedRule[] = byRes.map((r) => {
    const rule: LearnedRule = { verbs: r.verbList, resources: [...r.resources].sort(), ...r.stats };
    if (r.nsKey !== "") rule.namespaces = r.nsKey.split(SEP);
    if (r.namesKey !== "") rule.names = r.namesKey.split(SEP);
    return rule;
  });
  // Non-resource URLs: verbs per URL, then URLs per verb set.
  const perUrl = groupBy(
    l.urls.values(),
    (u) => u.url,
    (u) => ({ url: u.url, verbs: new Set([u.verb]), stats: { count: u.count, first: u.first, last: u.last } }),
    (g, u) => {
      g.verbs.add(u.verb);
      add(g.stats, u);
    },
  );
  const urlRules = groupBy(
    perUrl.map((g) => ({ ...g, verbList: sortVerbs(g.verbs) })),
    (g) => g.verbList.join(","),
    (g) => ({ verbs: g.verbList, urls: new Set([g.url]), stats: { ...g.stats } }),
    (r, g) => {
      r.urls.add(g.url);
      add(r.stats, g.stats);
    },
  ).map((r): LearnedRule => ({ verbs: r.verbs, nonResourceURLs: [...r.urls].sort(), ...r.stats }));
  return [...rules.sort(compareRules), ...urlRules.sort(compareRules)];
}

const ruleKey = (r: LearnedRule) =>
  [(r.resources ?? r.nonResourceURLs ?? []).join(","), (r.namespaces ?? []).join(","), r.verbs.join(","), (r.names ?? []).join(",")].join(SEP);
function compareRules(a: LearnedRule, b: LearnedRule): number {
  const x = ruleKey(a);
  const y = ruleKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
