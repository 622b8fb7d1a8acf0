import { documentsOfKind, KNOWN_VERBS, withSource, sourceOf, type AccessPolicy, type Inventory, type RampartDocument } from "@rampart/core";

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

/**
 * The RBAC envelope of AccessPolicies for the combined layers: for write verbs, name patterns
 * are dropped from allows and name-restricted denies are dropped, so RBAC grants the broader
 * write it can express; the admission layer then enforces names exactly. Reads are unchanged.
 * A `*` verb is expanded over every verb the inventory knows, so nothing but the write verbs
 * changes.
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
      const named = rule.names !== undefined && rule.resources !== undefined;
      if (!named || write.length === 0) {
        rules.push(rule);
        origin.push(i);
        return;
      }
      // Reads keep the rule as written (RBAC enumerates names or subtracts the deny).
      if (other.length > 0) {
        rules.push({ ...rule, verbs: other });
        origin.push(i);
      }
      // Writes: an allow covers every name (admission narrows it); a deny by name is left to admission.
      if (rule.effect === "allow") {
        const { names: _names, ...unnamed } = rule;
        appended.push({ rule: { ...unnamed, verbs: write }, from: i });
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

/** True when any AccessPolicy has a write rule restricted by names (admission needed for exactness). */
export function needsWriteAdmission(documents: readonly RampartDocument[]): boolean {
  return documentsOfKind(documents, "AccessPolicy").some((p) => p.spec.rules.some((r) => r.names !== undefined && r.resources !== undefined && (r.verbs.includes("*") || r.verbs.some((v) => WRITE.has(v)))));
}
