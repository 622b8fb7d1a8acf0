import {
  didYouMean,
  diagnostic,
  resourceRefMatches,
  documentsOfKind,
  formatResourceRef,
  KNOWN_VERBS,
  parseResourceRef,
  positionOf,
  resourceKey,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import { allTargets } from "./targets.js";

/** Errors for resources, groups, subresources and verbs the inventory does not know, with "did you mean". */
export function checkRefs(documents: readonly RampartDocument[], inventory: Inventory): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = new Set(inventory.resources.map((r) => r.group));
  const keys = inventory.resources.map((r) => resourceKey(r.group, r.resource));
  const verbs = new Set<string>(KNOWN_VERBS);
  for (const r of inventory.resources) {
    for (const v of r.verbs) verbs.add(v);
    for (const s of r.subresources) for (const v of s.verbs) verbs.add(v);
  }
  const targets = allTargets(inventory);
  // Many rules name the same resources: match each distinct text against the targets once.
  const byText = new Map<string, { matched: boolean; verbs: readonly string[] }>();
  const servedBy = (text: string, ref: Exclude<ReturnType<typeof parseResourceRef>, { error: string }>) => {
    let s = byText.get(text);
    if (!s) {
      const matched = targets.filter((t) => resourceRefMatches(ref, t.group, t.resource, t.sub));
      byText.set(text, (s = { matched: matched.length > 0, verbs: [...new Set(matched.flatMap((t) => t.verbs))] }));
    }
    return s;
  };
  for (const doc of documentsOfKind(documents, "AccessPolicy")) {
    doc.spec.rules.forEach((rule, i) => {
      rule.verbs.forEach((verb, j) => {
        if (verb === "*" || verbs.has(verb) || rule.nonResourceURLs) return;
        out.push(
          diagnostic(
            "unknown-verb",
            "error",
            `verb \`${verb}\` is not served by any resource of the inventory`,
            positionOf(doc, ["spec", "rules", i, "verbs", j]),
            didYouMean(verb, verbs) ?? "check the spelling, or add the resource that serves it to the inventory",
          ),
        );
      });
      // A verb that none of an allow rule's resources serves grants nothing: say so.
      if (rule.effect === "allow" && rule.resources) {
        const served = new Set<string>();
        let known = true;
        for (const text of rule.resources) {
          const ref = parseResourceRef(text);
          if ("error" in ref) continue;
          const s = servedBy(text, ref);
          if (!s.matched) known = false;
          for (const v of s.verbs) served.add(v);
        }
        rule.verbs.forEach((verb, j) => {
          if (!known || verb === "*" || served.has(verb) || !verbs.has(verb)) return;
          out.push(
            diagnostic(
              "rbac-verb-not-served",
              "warning",
              `verb \`${verb}\` is not served by any of ${rule.resources!.map((r) => `\`${r}\``).join(", ")}: rule ${i} of AccessPolicy \`${doc.metadata.name}\` grants nothing for it`,
              positionOf(doc, ["spec", "rules", i, "verbs", j]),
              `they serve ${
                [...served]
                  .sort()
                  .map((v) => `\`${v}\``)
                  .join(", ") || "no verbs"
              }; remove the verb or add the resource that serves it`,
            ),
          );
        });
      }
      (rule.resources ?? []).forEach((text, j) => {
        const ref = parseResourceRef(text);
        if ("error" in ref || ref.everything) return;
        const at = positionOf(doc, ["spec", "rules", i, "resources", j]);
        if (!groups.has(ref.group)) {
          out.push(
            diagnostic(
              "unknown-api-group",
              "error",
              `API group \`${ref.group}\` of \`${text}\` is not in the inventory`,
              at,
              didYouMean(ref.group, groups) ?? "add its CRDs to the inventory (`spec.resources`)",
            ),
          );
          return;
        }
        if (ref.resource === "*") return;
        const res = inventory.resource(ref.group, ref.resource);
        if (!res) {
          const key = resourceKey(ref.group, ref.resource);
          out.push(
            diagnostic(
              "unknown-resource",
              "error",
              `resource \`${key}\` is not in the inventory`,
              at,
              didYouMean(key, keys) ?? "add it to the inventory (`spec.resources`), e.g. with `rampart inventory pull`",
            ),
          );
          return;
        }
        if (ref.subresource !== "" && ref.subresource !== "*" && !res.subresources.some((s) => s.name === ref.subresource)) {
          const subs = res.subresources.map((s) => s.name);
          out.push(
            diagnostic(
              "unknown-subresource",
              "error",
              `\`${formatResourceRef(ref)}\`: \`${key(ref.group, ref.resource)}\` has no subresource \`${ref.subresource}\``,
              at,
              didYouMean(ref.subresource, subs) ?? (subs.length ? `its subresources: ${subs.map((s) => `\`${s}\``).join(", ")}` : "it has no subresources"),
            ),
          );
        }
      });
    });
  }
  return out;
}

const key = (g: string, r: string) => resourceKey(g, r);
