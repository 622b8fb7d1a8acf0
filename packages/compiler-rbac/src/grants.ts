import { diagnostic, type AccessPolicyIR, type AccessRuleIR, type Diagnostic, type Inventory } from "@rampart/core";
import { targetsOf, type Target } from "./targets.js";

/** A grant RBAC can express: one verb on one target, cluster-wide or in one namespace, all or some names. */
export interface Atom {
  verb: string;
  target: Target;
  /** "" = cluster-wide (ClusterRoleBinding); otherwise one namespace (RoleBinding). */
  namespace: string;
  /** undefined = every name; otherwise resourceNames. */
  names: string[] | undefined;
  policy: string;
  rule: number;
}

/** What a rule's compilation left out, for the report and the diagnostics. */
export interface Gap {
  policy: string;
  rule: number;
  verbs: string[];
  reason: string;
}

const COLLECTION_VERBS = new Set(["create", "list", "watch", "deletecollection"]);

function verbMatches(rule: AccessRuleIR, verb: string): boolean {
  return rule.anyVerb || rule.verbs.includes(verb);
}

function targetMatches(rule: AccessRuleIR, t: Target): boolean {
  return rule.resources.some((ref) => ref.everything || (ref.group === t.group && (ref.resource === "*" || ref.resource === t.resource) && (ref.subresource === "*" ? t.sub !== "" : ref.subresource === t.sub)));
}

/** Inventory names of a target's resource in a namespace ("" = all namespaces, or cluster-scoped). */
function inventoryNames(inventory: Inventory, t: Target, namespace: string): string[] | undefined {
  if (!t.namespaced) return inventory.names(t.group, t.resource, "") ? [...inventory.names(t.group, t.resource, "")!] : undefined;
  if (namespace !== "") return inventory.names(t.group, t.resource, namespace) ? [...inventory.names(t.group, t.resource, namespace)!] : undefined;
  let any = false;
  const all = new Set<string>();
  for (const ns of inventory.namespaces) {
    const names = inventory.names(t.group, t.resource, ns);
    if (!names) continue;
    any = true;
    for (const n of names) all.add(n);
  }
  return any ? [...all].sort() : undefined;
}

/**
 * Expands the allow rules of one policy into atoms, minus every deny that may apply to its
 * subjects. Whatever cannot be expressed exactly is left out (never granted) and reported.
 */
export function policyAtoms(
  policy: AccessPolicyIR,
  denies: readonly AccessRuleIR[],
  inventory: Inventory,
  all: readonly Target[],
): { atoms: Atom[]; gaps: Gap[]; diagnostics: Diagnostic[] } {
  const atoms: Atom[] = [];
  const gaps: Gap[] = [];
  const diagnostics: Diagnostic[] = [];
  const gap = (rule: AccessRuleIR, verbs: Iterable<string>, reason: string, severity: "warning" | "info" = "warning") => {
    const v = [...new Set(verbs)].sort();
    if (v.length === 0) return;
    gaps.push({ policy: policy.name, rule: rule.index, verbs: v, reason });
    diagnostics.push(diagnostic("rbac-not-expressible", severity, `rule ${rule.index} of AccessPolicy \`${policy.name}\`: ${v.map((x) => `\`${x}\``).join(", ")} ${reason}`, rule.source, "RBAC grants less here, never more; see report.json"));
  };
  for (const rule of policy.rules) {
    if (rule.effect !== "allow" || rule.nonResourceURLs) continue;
    const noNames = new Set<string>();
    const collection = new Set<string>();
    const narrowed = new Map<string, string>();
    const foreign = new Map<string, Set<string>>(); // deny of another policy → verbs it narrowed
    let matchedNamespaces = true;
    for (const ref of rule.resources) {
      for (const t of targetsOf(ref, all)) {
        if (rule.namespaces && !t.namespaced) continue; // namespaced rules never apply to cluster-scoped resources
        for (const verb of rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v))) {
          const relevant = denies.filter((d) => verbMatches(d, verb) && targetMatches(d, t));
          let scopes: string[];
          if (!rule.namespaces || rule.anyNamespace) {
            const split = t.namespaced ? relevant.find((d) => d.namespaces && !d.anyNamespace) : undefined;
            if (split) {
              scopes = [...inventory.namespaces];
              narrowed.set(verb, `${split.policy}#${split.index}`);
            } else scopes = [""];
          } else {
            scopes = inventory.namespaces.filter((ns) => rule.namespaces!.some((g) => g.test(ns)));
            if (scopes.length === 0) matchedNamespaces = false;
          }
          for (const ns of scopes) {
            const applicable = relevant.filter((d) => !d.namespaces || (t.namespaced && (d.anyNamespace || (ns !== "" && d.namespaces.some((g) => g.test(ns))))));
            for (const d of applicable) {
              if (d.policy === policy.name) continue;
              const key = `${d.policy}#${d.index}`;
              if (!foreign.has(key)) foreign.set(key, new Set());
              foreign.get(key)!.add(verb);
            }
            if (applicable.some((d) => !d.names)) continue; // denied outright: exact, not a gap
            const denyNames = applicable.flatMap((d) => d.names!);
            if (!rule.names && denyNames.length === 0) {
              atoms.push({ verb, target: t, namespace: ns, names: undefined, policy: policy.name, rule: rule.index });
              continue;
            }
            if (COLLECTION_VERBS.has(verb) && t.sub === "") collection.add(verb);
            const candidates = inventoryNames(inventory, t, ns);
            if (!candidates) {
              noNames.add(verb);
              continue;
            }
            const names = candidates.filter((n) => (!rule.names || rule.names.some((g) => g.test(n))) && !denyNames.some((g) => g.test(n)));
            if (names.length > 0) atoms.push({ verb, target: t, namespace: ns, names, policy: policy.name, rule: rule.index });
          }
        }
      }
    }
    if (!matchedNamespaces) gap(rule, rule.anyVerb ? ["*"] : rule.verbs, `namespaces ${rule.namespaces!.map((g) => `\`${g.source}\``).join(", ")} match no namespace of the inventory: nothing granted there`);
    gap(rule, collection, "cannot be limited by resource name in RBAC (create without a name, list or watch without a name, deletecollection): not granted for requests without a name");
    gap(rule, noNames, "name patterns need object names, and the inventory has none for these resources: not granted (add them to the inventory, e.g. `rampart inventory pull`)");
    if (foreign.size > 0) {
      const by = [...foreign.keys()].sort().map((k) => `rule ${k.split("#")[1]} of \`${k.split("#")[0]}\``).join(", ");
      gap(rule, [...foreign.values()].flatMap((v) => [...v]), `narrowed by deny ${by}: a requester may match both policies and RBAC cannot tell, so those denies apply here too`);
    }
    for (const [verb, by] of narrowed) gap(rule, [verb], `cluster-wide grant narrowed to the inventory's namespaces because deny rule ${by.split("#")[1]} of AccessPolicy \`${by.split("#")[0]}\` restricts namespaces: all-namespace requests and later namespaces are not granted`);
    if (atoms.some((a) => a.rule === rule.index && a.names !== undefined)) {
      gap(rule, new Set(atoms.filter((a) => a.rule === rule.index && a.names).map((a) => a.verb)), "by name: object names are taken from the inventory, so objects created later are not granted until the next build", "info");
    }
  }
  return { atoms, gaps, diagnostics };
}
