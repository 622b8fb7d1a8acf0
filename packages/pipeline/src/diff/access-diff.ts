import {
  createEvaluator,
  normaliseAccess,
  normaliseClusters,
  resourceKey,
  resourceRefMatches,
  selectorMatches,
  subjectRequest,
  type AccessPolicyIR,
  type AccessRuleIR,
  type Decision,
  type Evaluator,
  type Inventory,
  type NamedSubject,
  type RampartDocument,
} from "@rampart/core";
import { PolicyIndex, samePolicies, sameRules } from "./applicable-rules.js";
import type { AccessChange, RuleRef } from "./types.js";
import { inventoryNames, MAX_PREFERRED, namespaced, universe, type UniverseResource } from "./diff-universe.js";
import { diffUrls } from "./url-diff.js";
import { expressClasses, valueClasses, type Cover, type ValueClasses } from "./value-classes.js";

/** One version of the policies, as the access diff sees it for one cluster. */
export interface AccessSide {
  readonly documents: readonly RampartDocument[];
  readonly inventory: Inventory;
}

interface PreparedSide {
  policies: AccessPolicyIR[];
  index: PolicyIndex;
  inventory: Inventory;
}

function prepare(side: AccessSide, cluster: string, now: Date): PreparedSide {
  const c = normaliseClusters(side.documents).find((x) => x.name === cluster);
  const policies = c === undefined ? [] : normaliseAccess(side.documents).filter((p) => selectorMatches(p.clusters, c.tags));
  return { policies, index: new PolicyIndex(policies, now.getTime()), inventory: side.inventory };
}

/**
 * An evaluator over the Clusters and only the AccessPolicies that name one of the changed
 * subjects: the evaluator reads no other policy for their requests, and keeping load order keeps
 * the deciding rule.
 */
function evaluatorFor(side: AccessSide, relevant: ReadonlySet<string>, cluster: string, now: Date): Evaluator {
  const documents = side.documents.filter((d) => d.kind === "Cluster" || (d.kind === "AccessPolicy" && relevant.has(d.metadata.name)));
  return createEvaluator(documents, { cluster, now, inventory: side.inventory });
}

/** Names of the AccessPolicies whose document is the same in both versions. */
function unchangedPolicies(base: readonly RampartDocument[], head: readonly RampartDocument[]): Set<string> {
  const specs = new Map<string, string>();
  for (const d of base) if (d.kind === "AccessPolicy") specs.set(d.metadata.name, JSON.stringify(d.spec));
  const out = new Set<string>();
  for (const d of head) if (d.kind === "AccessPolicy" && specs.get(d.metadata.name) === JSON.stringify(d.spec)) out.add(d.metadata.name);
  return out;
}

/** The subjects the policies of one cluster name. */
function subjectsOf(policies: readonly AccessPolicyIR[], out: Map<string, NamedSubject>): void {
  for (const p of policies) {
    for (const u of p.users) out.set(`User/${u}`, { kind: "User", name: u });
    for (const g of p.groups) out.set(`Group/${g}`, { kind: "Group", name: g });
    for (const sa of p.serviceAccounts)
      out.set(`ServiceAccount/${sa.namespace}/${sa.name}`, { kind: "ServiceAccount", name: sa.name, namespace: sa.namespace });
  }
}

const refs = (d: Decision): RuleRef[] => d.matched.map((m) => ({ policy: m.policy, rule: m.rule }));

/** Memoised classes per glob set (many subjects share the same patterns). */
class ClassCache {
  private readonly cache = new Map<string, ValueClasses>();
  get(patterns: readonly string[], preferred: () => readonly string[], scope = ""): ValueClasses {
    const sorted = [...new Set(patterns)].sort();
    const key = `${scope}\n${sorted.join("\n")}`;
    let v = this.cache.get(key);
    if (v === undefined) this.cache.set(key, (v = valueClasses(sorted, preferred())));
    return v;
  }
}

/**
 * The classes of access requests whose decision differs between `base` and `head` in one
 * cluster. The requester of a class is its subject alone: a User with no groups, a Group as a
 * user holding only that group, a ServiceAccount as its username (with the groups it implies).
 */
export function diffAccess(base: AccessSide, head: AccessSide, cluster: string, now: Date): AccessChange[] {
  const b = prepare(base, cluster, now);
  const h = prepare(head, cluster, now);
  const resources = universe(base.inventory, head.inventory);
  const subjects = new Map<string, NamedSubject>();
  subjectsOf(b.policies, subjects);
  subjectsOf(h.policies, subjects);
  const namespaces = [...new Set([...base.inventory.namespaces, ...head.inventory.namespaces])].sort().slice(0, MAX_PREFERRED);
  // Subjects whose applicable rules say the same on both sides cannot change decision.
  const changed: { subject: NamedSubject; rb: AccessRuleIR[]; rh: AccessRuleIR[] }[] = [];
  const relevant = new Set<string>();
  const unchanged = unchangedPolicies(base.documents, head.documents);
  for (const key of [...subjects.keys()].sort()) {
    const subject = subjects.get(key)!;
    const requester = subjectRequest(subject, { verb: "" });
    // Fast path: the same policies, none of them edited.
    if (samePolicies(b.index.policiesFor(requester), h.index.policiesFor(requester), unchanged)) continue;
    const rb = b.index.rulesFor(requester);
    const rh = h.index.rulesFor(requester);
    if (sameRules(rb, rh)) continue;
    changed.push({ subject, rb, rh });
    for (const r of [...rb, ...rh]) relevant.add(r.policy);
  }
  if (changed.length === 0) return [];
  const eb = evaluatorFor(base, relevant, cluster, now);
  const eh = evaluatorFor(head, relevant, cluster, now);
  const nsCache = new ClassCache();
  const nameCache = new ClassCache();
  const out: AccessChange[] = [];
  for (const { subject, rb, rh } of changed) {
    out.push(...diffUrls(subject, rb, rh, eb, eh));
    for (const r of resources) {
      const covers = (rule: AccessRuleIR) => rule.resources.some((ref) => resourceRefMatches(ref, r.group, r.resource, r.subresource));
      const sb = rb.filter(covers);
      const sh = rh.filter(covers);
      if (namespaced(b.inventory, r) === namespaced(h.inventory, r) && sameRules(sb, sh)) continue;
      const verbs = r.verbs.filter((v) => {
        const has = (rule: AccessRuleIR) => rule.anyVerb || rule.verbs.includes(v);
        return !sameRules(sb.filter(has), sh.filter(has));
      });
      if (verbs.length === 0) continue;
      const rules = [...sb, ...sh];
      const nsClasses = r.namespaced
        ? nsCache.get(
            rules.flatMap((x) => x.namespaces?.map((g) => g.source) ?? []),
            () => namespaces,
          )
        : undefined;
      const nameClasses = nameCache.get(
        rules.flatMap((x) => x.names?.map((g) => g.source) ?? []),
        () => inventoryNames(base.inventory, head.inventory, r),
        resourceKey(r.group, r.resource),
      );
      out.push(...diffResource(subject, r, verbs, nsClasses, nameClasses, eb, eh));
    }
  }
  return out;
}

/** A flip of one verb for the cells of (namespace class, name class) with the same outcome. */
interface Flip {
  key: string;
  before: Decision;
  after: Decision;
}

function diffResource(
  subject: NamedSubject,
  r: UniverseResource,
  verbs: readonly string[],
  nsClasses: ValueClasses | undefined,
  names: ValueClasses,
  base: Evaluator,
  head: Evaluator,
): AccessChange[] {
  const nsReps = nsClasses?.reps ?? [""];
  // (outcome key, namespace cover, name cover) → verbs, so verbs with the same shape merge into one class.
  const rows = new Map<string, { flip: Flip; ns: Cover; name: Cover; verbs: string[] }>();
  for (const verb of verbs) {
    // Per namespace class: the changed name classes, per outcome.
    const byNs: Map<string, Set<number>>[] = [];
    const flips = new Map<string, Flip>();
    for (let n = 0; n < nsReps.length; n++) {
      const perKey = new Map<string, Set<number>>();
      for (let k = 0; k < names.reps.length; k++) {
        const request = subjectRequest(subject, {
          verb,
          apiGroup: r.group,
          resource: r.resource,
          subresource: r.subresource,
          namespace: nsReps[n]!,
          name: names.reps[k]!,
        });
        const before = base.decide(request);
        const after = head.decide(request);
        if (before.decision === after.decision) continue;
        const key = JSON.stringify([before.decision, after.decision, refs(before), refs(after)]);
        if (!flips.has(key)) flips.set(key, { key, before, after });
        let set = perKey.get(key);
        if (set === undefined) perKey.set(key, (set = new Set()));
        set.add(k);
      }
      byNs.push(perKey);
    }
    // Namespace classes that share an outcome and the same changed names form one rectangle.
    const groups = new Map<string, { flip: Flip; names: Cover[]; ns: Set<number> }>();
    for (let n = 0; n < byNs.length; n++) {
      for (const [key, set] of byNs[n]!) {
        const covers = expressClasses(names, set);
        const g = `${key}\n${JSON.stringify(covers.map((c) => [c.entries, c.except]))}`;
        let group = groups.get(g);
        if (group === undefined) groups.set(g, (group = { flip: flips.get(key)!, names: covers, ns: new Set() }));
        group.ns.add(n);
      }
    }
    for (const group of groups.values()) {
      const nsCovers = nsClasses === undefined ? [{ entries: [""], except: [], classes: [0] }] : expressClasses(nsClasses, group.ns);
      for (const ns of nsCovers) {
        for (const name of group.names) {
          const id = JSON.stringify([group.flip.key, ns.entries, ns.except, name.entries, name.except]);
          const row = rows.get(id);
          if (row === undefined) rows.set(id, { flip: group.flip, ns, name, verbs: [verb] });
          else row.verbs.push(verb);
        }
      }
    }
  }
  return [...rows.values()].map(({ flip, ns, name, verbs: vs }) => {
    const pick = (c: Cover, reps: readonly string[]) => reps[c.classes.find((k) => k !== 0) ?? c.classes[0]!]!;
    const example = subjectRequest(subject, {
      verb: vs[0]!,
      apiGroup: r.group,
      resource: r.resource,
      subresource: r.subresource,
      namespace: pick(ns, nsReps),
      name: pick(name, names.reps),
    });
    const change: AccessChange = {
      subject,
      verbs: [...vs].sort(),
      apiGroup: r.group,
      resource: r.resource,
      subresource: r.subresource,
      namespaces: [...ns.entries],
      names: [...name.entries],
      before: flip.before.decision,
      after: flip.after.decision,
      because: { before: refs(flip.before), after: refs(flip.after) },
      example: {
        user: example.user ?? "",
        groups: [...(example.groups ?? [])],
        verb: example.verb,
        apiGroup: r.group,
        resource: r.resource,
        subresource: r.subresource,
        namespace: example.namespace ?? "",
        name: example.name ?? "",
      },
    };
    if (ns.except.length > 0) change.exceptNamespaces = [...ns.except];
    if (name.except.length > 0) change.exceptNames = [...name.except];
    return change;
  });
}
