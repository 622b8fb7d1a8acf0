import { documentsOfKind, formatResourceRef, KNOWN_VERBS, parseResourceRef, resourceRefMatches, withSource, sourceOf, type AccessPolicy, type Inventory, type RampartDocument, type ResourceRef } from "@rampart/core";

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

/** Splits a rule's verbs into its write verbs and the rest (`*` expanded over every known verb). */
function splitVerbs(rule: Rule, every: readonly string[]): { write: string[]; other: string[] } {
  const verbs = rule.verbs.includes("*") ? every : rule.verbs;
  return { write: verbs.filter((v) => WRITE.has(v)), other: verbs.filter((v) => !WRITE.has(v)) };
}

/** Subresources whose writes reach admission as CONNECT (no verb to tell apart): left to RBAC alone. */
export const CONNECT_SUBRESOURCES = new Set(["exec", "attach", "portforward", "proxy"]);

/** The concrete resource strings a rule's resources cover, split into CONNECT targets and the rest. */
function concreteRefs(rule: Rule, inventory: Inventory | undefined): { plain: string[]; connect: string[] } {
  const refs = (rule.resources ?? []).map((r) => parseResourceRef(r)).filter((r): r is ResourceRef => !("error" in r));
  const plain: string[] = [];
  const connect: string[] = [];
  for (const res of inventory?.resources ?? []) {
    for (const sub of ["", ...res.subresources.map((s) => s.name)]) {
      if (!refs.some((ref) => resourceRefMatches(ref, res.group, res.resource, sub))) continue;
      const text = formatResourceRef({ group: res.group, resource: res.resource, subresource: sub, everything: false });
      (CONNECT_SUBRESOURCES.has(sub) ? connect : plain).push(text);
    }
  }
  return { plain, connect };
}

/**
 * The RBAC envelope of AccessPolicies for the combined layers. For write verbs RBAC grants the
 * broader write it can express — allows without their name patterns, denies left out — and the
 * write-path admission policy enforces names and denies exactly on the request's user, groups,
 * name and namespace. Reads, and writes to CONNECT subresources (exec, attach, portforward,
 * proxy), stay with RBAC alone as written. `*` verbs are expanded over every known verb.
 */
export function writeEnvelope(documents: readonly RampartDocument[], inventory?: Inventory): RampartDocument[] {
  const every = allVerbs(inventory);
  return documents.map((doc) => {
    if (doc.kind !== "AccessPolicy") return doc;
    const rules: Rule[] = [];
    const origin: number[] = []; // envelope rule index → source rule index, for positions
    const appended: { rule: Rule; from: number }[] = [];
    doc.spec.rules.forEach((rule, i) => {
      const { write, other } = splitVerbs(rule, every);
      const relaxed = rule.resources !== undefined && write.length > 0 && (rule.effect === "deny" || rule.names !== undefined);
      if (!relaxed) {
        rules.push(rule);
        origin.push(i);
        return;
      }
      const { plain, connect } = concreteRefs(rule, inventory);
      if (other.length > 0) {
        rules.push({ ...rule, verbs: other });
        origin.push(i);
      }
      if (connect.length > 0) appended.push({ rule: { ...rule, verbs: write, resources: connect }, from: i });
      if (rule.effect === "allow" && plain.length > 0) {
        const { names: _names, ...unnamed } = rule;
        appended.push({ rule: { ...unnamed, verbs: write, resources: plain }, from: i });
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

/** True when any AccessPolicy has a write rule that admission refines (a deny, or an allow by name). */
export function needsWriteAdmission(documents: readonly RampartDocument[]): boolean {
  return documentsOfKind(documents, "AccessPolicy").some((p) => p.spec.rules.some((r) => r.resources !== undefined && (r.effect === "deny" || r.names !== undefined) && (r.verbs.includes("*") || r.verbs.some((v) => WRITE.has(v)))));
}
