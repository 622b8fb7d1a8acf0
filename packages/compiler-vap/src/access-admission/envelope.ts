import {
  documentsOfKind,
  formatResourceRef,
  KNOWN_VERBS,
  normaliseAccess,
  parseResourceRef,
  resourceRefMatches,
  withSource,
  sourceOf,
  type AccessPolicy,
  type AccessRuleIR,
  type Inventory,
  type RampartDocument,
  type ResourceRef,
} from "@rampart/core";
import { CONNECT_SUBRESOURCES, coveredConnectVerbs, planConnect, type ConnectTarget } from "./connect-targets.js";

/** The write verbs that admission can enforce exactly (admission does not see reads). */
export const ADMISSION_WRITE_VERBS = ["create", "update", "patch", "delete"] as const;
const WRITE = new Set<string>(ADMISSION_WRITE_VERBS);

type Rule = AccessPolicy["spec"]["rules"][number];

/** Every verb the inventory serves plus the authorization-only ones: what `*` stands for. */
function allVerbs(inventory: Inventory | undefined): string[] {
  const verbs = new Set<string>(KNOWN_VERBS);
  for (const r of inventory?.resources ?? []) {
    for (const v of r.verbs) verbs.add(v);
    for (const s of r.subresources) for (const v of s.verbs) verbs.add(v);
  }
  return [...verbs].sort();
}

/** A concrete resource string a rule covers and the verbs of it that admission refines. */
interface Covered {
  text: string;
  relaxed: string[];
}

/** A concrete resource or subresource of the inventory, as text. */
interface Concrete {
  text: string;
  sub: string;
}

/** The inventory's concrete resources a list of resource patterns names, matched once per distinct list (rules repeat lists). */
function concreteResources(inventory: Inventory | undefined): (resources: readonly string[]) => readonly Concrete[] {
  const byList = new Map<string, Concrete[]>();
  return (resources) => {
    const key = resources.join("\u0000");
    let out = byList.get(key);
    if (out !== undefined) return out;
    const refs = resources.map((r) => parseResourceRef(r)).filter((r): r is ResourceRef => !("error" in r));
    out = [];
    for (const res of inventory?.resources ?? []) {
      for (const sub of ["", ...res.subresources.map((s) => s.name)]) {
        if (!refs.some((ref) => resourceRefMatches(ref, res.group, res.resource, sub))) continue;
        out.push({ text: formatResourceRef({ group: res.group, resource: res.resource, subresource: sub, everything: false }), sub });
      }
    }
    byList.set(key, out);
    return out;
  };
}

/**
 * The concrete resources a rule covers, each with the verbs RBAC may grant broadly because
 * admission refines them: the write verbs of ordinary resources, the connect verbs of connect
 * subresources admission enforces, nothing on connect subresources that stay RBAC-only.
 */
function coveredResources(concrete: readonly Concrete[], ir: AccessRuleIR, verbs: readonly string[], enforced: ReadonlyMap<string, ConnectTarget>): Covered[] {
  const writes = verbs.filter((v) => WRITE.has(v));
  return concrete.map(({ text, sub }) => {
    const connect = enforced.get(text);
    return { text, relaxed: connect ? coveredConnectVerbs(ir, connect) : CONNECT_SUBRESOURCES.has(sub) ? [] : writes };
  });
}

/** Groups resources by a verb list: one rule per distinct list, in first-seen order. */
function byVerbs(entries: readonly { text: string; verbs: readonly string[] }[]): { verbs: string[]; resources: string[] }[] {
  const groups = new Map<string, { verbs: string[]; resources: string[] }>();
  for (const e of entries) {
    if (e.verbs.length === 0) continue;
    const key = e.verbs.join(",");
    const g = groups.get(key) ?? { verbs: [...e.verbs], resources: [] };
    g.resources.push(e.text);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * The RBAC envelope of AccessPolicies for the combined layers. For write verbs RBAC grants the
 * broader write it can express — allows without their name patterns, denies left out — and the
 * write-path admission policy enforces names and denies exactly on the request's user, groups,
 * name and namespace. Connect subresources (exec, attach, portforward, proxy) are treated alike
 * for all their connect verbs where every rule decides those verbs alike (see planConnect), and
 * stay with RBAC as written otherwise. Reads stay with RBAC alone. `*` verbs are expanded.
 */
export function writeEnvelope(documents: readonly RampartDocument[], inventory?: Inventory): RampartDocument[] {
  const every = allVerbs(inventory);
  // Judged over every policy of every cluster, expired rules included: a target enforced here is
  // enforced by the admission policy of any cluster (which sees a subset of these rules).
  const policies = normaliseAccess(documents);
  const plan = planConnect(
    policies.flatMap((p) => p.rules),
    inventory,
  );
  const enforced = new Map(plan.enforced.map((t) => [t.text, t]));
  const irOf = new Map(policies.map((p) => [p.name, p]));
  const concreteOf = concreteResources(inventory);
  return documents.map((doc) => {
    if (doc.kind !== "AccessPolicy") return doc;
    const ir = irOf.get(doc.metadata.name);
    const rules: Rule[] = [];
    const origin: number[] = []; // envelope rule index → source rule index, for positions
    const appended: { rule: Rule; from: number }[] = [];
    doc.spec.rules.forEach((rule, i) => {
      const verbs = rule.verbs.includes("*") ? every : rule.verbs;
      const irRule = ir?.rules[i];
      const covered =
        irRule && rule.resources !== undefined && (rule.effect === "deny" || rule.names !== undefined)
          ? coveredResources(concreteOf(rule.resources), irRule, verbs, enforced)
          : [];
      if (!covered.some((c) => c.relaxed.length > 0)) {
        rules.push(rule);
        origin.push(i);
        return;
      }
      // Verbs some covered resource relaxes are split per resource; the rest stays on the rule as written.
      const split = new Set(covered.flatMap((c) => c.relaxed));
      for (const v of verbs) if (WRITE.has(v)) split.add(v);
      const base = verbs.filter((v) => !split.has(v));
      if (base.length > 0) {
        rules.push({ ...rule, verbs: base });
        origin.push(i);
      }
      const asWritten = byVerbs(covered.map((c) => ({ text: c.text, verbs: verbs.filter((v) => split.has(v) && !c.relaxed.includes(v)) })));
      for (const g of asWritten) appended.push({ rule: { ...rule, verbs: g.verbs, resources: g.resources }, from: i });
      if (rule.effect === "allow") {
        const { names: _names, ...unnamed } = rule;
        for (const g of byVerbs(covered.map((c) => ({ text: c.text, verbs: c.relaxed }))))
          appended.push({ rule: { ...unnamed, verbs: g.verbs, resources: g.resources }, from: i });
      }
    });
    for (const a of appended) {
      rules.push(a.rule);
      origin.push(a.from);
    }
    const source = sourceOf(doc);
    const locate: typeof source.locate = (path, key) =>
      path[0] === "spec" && path[1] === "rules" && typeof path[2] === "number"
        ? source.locate(["spec", "rules", origin[path[2]] ?? path[2], ...path.slice(3)], key)
        : source.locate(path, key);
    return withSource({ ...doc, spec: { ...doc.spec, rules } } as AccessPolicy, { ...source, locate });
  });
}

/** True when any AccessPolicy has a write or connect rule that admission refines (a deny, or an allow by name). */
export function needsWriteAdmission(documents: readonly RampartDocument[]): boolean {
  // `get` matters only where a resource pattern can reach a connect subresource (`*`, `x/*`, `*/proxy`, `pods/exec`).
  const connect = (resources: readonly string[]) =>
    resources.some((r) => r === "*" || r.endsWith("/*") || [...CONNECT_SUBRESOURCES].some((s) => r.endsWith(`/${s}`)));
  return documentsOfKind(documents, "AccessPolicy").some((p) =>
    p.spec.rules.some(
      (r) =>
        r.resources !== undefined &&
        (r.effect === "deny" || r.names !== undefined) &&
        (r.verbs.includes("*") || r.verbs.some((v) => WRITE.has(v)) || (r.verbs.includes("get") && connect(r.resources))),
    ),
  );
}
