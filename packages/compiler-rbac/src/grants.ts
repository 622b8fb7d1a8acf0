import { diagnostic, type AccessPolicyIR, type AccessRuleIR, type Diagnostic, type Inventory, type ResourceRef } from "@rampart/core";
import { targetsOf, wildcardTarget, type Target } from "./targets.js";
import { unlistedNamespaces } from "./universe.js";

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

/** Verbs whose requests on a resource itself carry no name: RBAC cannot restrict them by name at all. */
const NAMELESS_VERBS = new Set(["create", "deletecollection"]);
/** Verbs that carry a name only when the client selects one object (`fieldSelector=metadata.name=…`). */
const LIST_VERBS = new Set(["list", "watch"]);

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

/** Options of `policyAtoms`. */
export interface AtomOptions {
  /** Namespaces to range over (inventory plus literal ones, see `knownNamespaces`). */
  readonly namespaces: readonly string[];
  /** Keep `*` verbs, `*` resources and `*\/<sub>` where no deny may intersect the rule. */
  readonly keepWildcards: boolean;
}

/** Can two resource refs cover a common (group, resource, subresource), now or after new resources appear? */
function refsOverlap(a: ResourceRef, b: ResourceRef): boolean {
  if (a.everything || b.everything) return true;
  if (a.group !== b.group) return false;
  if (a.resource !== "*" && b.resource !== "*" && a.resource !== b.resource) return false;
  return a.subresource === b.subresource || (a.subresource === "*" && b.subresource !== "") || (b.subresource === "*" && a.subresource !== "");
}

/** May the deny take anything away from the allow rule (checked on the rules' text, conservatively)? */
function mayIntersect(rule: AccessRuleIR, deny: AccessRuleIR): boolean {
  if (deny.nonResourceURLs) return false;
  if (!rule.anyVerb && !deny.anyVerb && !rule.verbs.some((v) => deny.verbs.includes(v))) return false;
  return rule.resources.some((a) => deny.resources.some((b) => refsOverlap(a, b)));
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
  options: AtomOptions,
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
    const nameless = new Set<string>();
    const listing = new Set<string>();
    const byName = new Set<string>();
    const narrowed = new Map<string, string>();
    const foreign = new Map<string, Set<string>>(); // deny of another policy → verbs it narrowed
    let matchedNamespaces = true;
    const wild = options.keepWildcards && !rule.names && !denies.some((d) => mayIntersect(rule, d));
    const ruleAtoms: Atom[] = [];
    if (rule.namespaces && inventory.namespaces.length > 0) {
      const missing = unlistedNamespaces(inventory, rule.namespaces);
      if (missing.length > 0) {
        diagnostics.push(diagnostic("rbac-namespace-not-in-inventory", "info", `rule ${rule.index} of AccessPolicy \`${policy.name}\`: namespace ${missing.map((n) => `\`${n}\``).join(", ")} is not in the inventory; its RoleBinding applies once the namespace exists`, rule.source, "create the namespace, or refresh the inventory with `rampart inventory pull`"));
      }
    }
    for (const ref of rule.resources) {
      // Cluster-wide rules may keep `*` and `*/<sub>` as RBAC writes them (exact: same meaning in RBAC and rampart).
      // In a namespace they would also reach the Namespace object itself (SEMANTICS.md §3), so they are expanded there.
      const pseudo = wild && !rule.namespaces ? wildcardTarget(ref) : undefined;
      if (pseudo) {
        for (const verb of rule.anyVerb ? ["*"] : rule.verbs) ruleAtoms.push({ verb, target: pseudo, namespace: "", names: undefined, policy: policy.name, rule: rule.index });
        continue;
      }
      for (const t of targetsOf(ref, all)) {
        if (rule.namespaces && !t.namespaced) continue; // namespaced rules never apply to cluster-scoped resources
        const verbs = wild && rule.anyVerb ? ["*"] : rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v));
        for (const verb of verbs) {
          const relevant = wild ? [] : denies.filter((d) => verbMatches(d, verb) && targetMatches(d, t));
          let scopes: readonly string[];
          if (!rule.namespaces || rule.anyNamespace) {
            const split = t.namespaced ? relevant.find((d) => d.namespaces && !d.anyNamespace) : undefined;
            if (split) {
              scopes = options.namespaces;
              narrowed.set(verb, `${split.policy}#${split.index}`);
            } else scopes = [""];
          } else {
            scopes = options.namespaces.filter((ns) => rule.namespaces!.some((g) => g.test(ns)));
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
              ruleAtoms.push({ verb, target: t, namespace: ns, names: undefined, policy: policy.name, rule: rule.index });
              continue;
            }
            // From here on the grant is by name.
            if (t.sub === "" && NAMELESS_VERBS.has(verb)) {
              nameless.add(verb);
              continue;
            }
            if (t.sub === "" && LIST_VERBS.has(verb)) listing.add(verb);
            const candidates = inventoryNames(inventory, t, ns);
            if (!candidates) {
              noNames.add(verb);
              continue;
            }
            byName.add(verb);
            const names = candidates.filter((n) => (!rule.names || rule.names.some((g) => g.test(n))) && !denyNames.some((g) => g.test(n)));
            if (names.length > 0) ruleAtoms.push({ verb, target: t, namespace: ns, names, policy: policy.name, rule: rule.index });
          }
        }
      }
    }
    atoms.push(...ruleAtoms);
    if (!matchedNamespaces) gap(rule, rule.anyVerb ? ["*"] : rule.verbs, `namespaces ${rule.namespaces!.map((g) => `\`${g.source}\``).join(", ")} match no namespace of the inventory: nothing granted there`);
    gap(rule, nameless, "cannot be limited by resource name in RBAC (the API server authorizes `create` and `deletecollection` on a resource without a name): not granted");
    gap(rule, listing, "can be limited by resource name only for requests that select one object (`fieldSelector=metadata.name=…`): plain list and watch requests are not granted");
    gap(rule, noNames, "name patterns need object names, and the inventory has none for these resources: not granted (add them to the inventory, e.g. `rampart inventory pull`)");
    if (foreign.size > 0) {
      const by = [...foreign.keys()].sort().map((k) => `rule ${k.split("#")[1]} of \`${k.split("#")[0]}\``).join(", ");
      gap(rule, [...foreign.values()].flatMap((v) => [...v]), `narrowed by deny ${by}: a requester may match both policies and RBAC cannot tell, so those denies apply here too`);
    }
    for (const [verb, by] of narrowed) gap(rule, [verb], `cluster-wide grant narrowed to the known namespaces because deny rule ${by.split("#")[1]} of AccessPolicy \`${by.split("#")[0]}\` restricts namespaces: all-namespace requests and later namespaces are not granted`);
    gap(rule, byName, "by name: object names are taken from the inventory, so objects created later are not granted until the next build", "info");
  }
  return { atoms, gaps, diagnostics };
}
