import { diagnostic, type AccessPolicyIR, type AccessRuleIR, type Diagnostic, type Inventory, type ResourceRef } from "@rampart/core";
import type { PolicyDenies } from "./deny-index.js";
import type { NamespaceMatcher } from "@rampart/core/compiler";
import { targetsOf, wildcardTarget, type Target } from "./targets.js";

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

/** What compilation of every policy shares: the inventory and its indexes. */
export interface AtomContext {
  readonly inventory: Inventory;
  /** Every target of the inventory. */
  readonly targets: readonly Target[];
  /** Namespaces to range over (inventory plus literal ones, see `knownNamespaces`), sorted. */
  readonly namespaces: readonly string[];
  /** Namespace globs matched once per pattern against `namespaces`. */
  readonly matcher: NamespaceMatcher;
  /** The inventory's own namespaces. */
  readonly listed: ReadonlySet<string>;
  /** Inventory names of a target's resource in a namespace ("" = all namespaces, or cluster-scoped); memoised. */
  readonly names: (t: Target, namespace: string) => readonly string[] | undefined;
  /** Keep `*` verbs, `*` resources and `*\/<sub>` where no deny may intersect the rule. */
  readonly keepWildcards: boolean;
}

/** Inventory names of targets per scope, computed once per (group, resource, scope). */
export function inventoryNames(inventory: Inventory): (t: Target, namespace: string) => readonly string[] | undefined {
  const memo = new Map<string, readonly string[] | undefined>();
  return (t, namespace) => {
    const scope = t.namespaced ? namespace : "";
    const key = `${t.group}/${t.resource}/${scope}`;
    if (memo.has(key)) return memo.get(key);
    let out: readonly string[] | undefined;
    if (!t.namespaced || namespace !== "") out = inventory.names(t.group, t.resource, scope);
    else {
      const all = new Set<string>();
      let any = false;
      for (const ns of inventory.namespaces) {
        const names = inventory.names(t.group, t.resource, ns);
        if (!names) continue;
        any = true;
        for (const n of names) all.add(n);
      }
      out = any ? [...all].sort() : undefined;
    }
    memo.set(key, out);
    return out;
  };
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

/** What one allow rule's expansion granted and left out, by reason. */
interface RuleExpansion {
  atoms: Atom[];
  /** Verbs granted by name only where the inventory has no names for the target. */
  noNames: Set<string>;
  /** Verbs (create, deletecollection) that cannot be limited by name. */
  nameless: Set<string>;
  /** list/watch granted by name: plain collection requests are not granted. */
  listing: Set<string>;
  /** Verbs granted by name from the inventory. */
  byName: Set<string>;
  /** Verb → the deny (`policy#index`) that narrowed a cluster-wide grant to the known namespaces. */
  narrowed: Map<string, string>;
  /** Deny of another policy (`policy#index`) → verbs it narrowed. */
  foreign: Map<string, Set<string>>;
  /** False when the rule's namespace globs match no namespace. */
  matchedNamespaces: boolean;
}

/** The scopes a (verb, target) of a rule is granted in: "" (cluster-wide) or namespaces. */
function ruleScopes(rule: AccessRuleIR, verb: string, t: Target, denies: PolicyDenies, wild: boolean, ctx: AtomContext, x: RuleExpansion): readonly string[] {
  if (rule.namespaces && !rule.anyNamespace) {
    const scopes = ctx.matcher.matching(rule.namespaces);
    if (scopes.length === 0) x.matchedNamespaces = false;
    return scopes;
  }
  const split = t.namespaced && !wild ? denies.firstNamespaceRestricted(verb, t) : undefined;
  if (!split) return [""];
  x.narrowed.set(verb, `${split.policy}#${split.index}`);
  return ctx.namespaces;
}

/** Expands one allow rule into atoms, minus the denies that apply, recording what was left out. */
export function ruleAtoms(policy: AccessPolicyIR, rule: AccessRuleIR, denies: PolicyDenies, ctx: AtomContext): RuleExpansion {
  const x: RuleExpansion = {
    atoms: [],
    noNames: new Set(),
    nameless: new Set(),
    listing: new Set(),
    byName: new Set(),
    narrowed: new Map(),
    foreign: new Map(),
    matchedNamespaces: true,
  };
  const wild = ctx.keepWildcards && !rule.names && !denies.all.some((d) => mayIntersect(rule, d));
  const atom = (verb: string, target: Target, namespace: string, names: string[] | undefined) =>
    x.atoms.push({ verb, target, namespace, names, policy: policy.name, rule: rule.index });
  // Verbs of a target that the same denies narrow get the same names: filter once.
  const named = new Map<string, string[]>();
  for (const ref of rule.resources) {
    // Cluster-wide rules may keep `*` and `*/<sub>` as RBAC writes them (exact: same meaning in RBAC and rampart).
    // In a namespace they would also reach the Namespace object itself (SEMANTICS.md §3), so they are expanded there.
    const pseudo = wild && !rule.namespaces ? wildcardTarget(ref) : undefined;
    if (pseudo) {
      for (const verb of rule.anyVerb ? ["*"] : rule.verbs) atom(verb, pseudo, "", undefined);
      continue;
    }
    for (const t of targetsOf(ref, ctx.targets)) {
      if (rule.namespaces && !t.namespaced) continue; // namespaced rules never apply to cluster-scoped resources
      const verbs = wild && rule.anyVerb ? ["*"] : rule.anyVerb ? t.verbs : rule.verbs.filter((v) => t.verbs.includes(v));
      for (const verb of verbs) {
        for (const ns of ruleScopes(rule, verb, t, denies, wild, ctx, x)) {
          const applicable = wild ? [] : denies.applicable(verb, t, ns);
          for (const d of applicable) {
            if (d.policy === policy.name) continue;
            const key = `${d.policy}#${d.index}`;
            if (!x.foreign.has(key)) x.foreign.set(key, new Set());
            x.foreign.get(key)!.add(verb);
          }
          if (applicable.some((d) => !d.names)) continue; // denied outright: exact, not a gap
          const denyNames = applicable.flatMap((d) => d.names!);
          if (!rule.names && denyNames.length === 0) {
            atom(verb, t, ns, undefined);
            continue;
          }
          // From here on the grant is by name.
          if (t.sub === "" && NAMELESS_VERBS.has(verb)) {
            x.nameless.add(verb);
            continue;
          }
          if (t.sub === "" && LIST_VERBS.has(verb)) x.listing.add(verb);
          const candidates = ctx.names(t, ns);
          if (!candidates) {
            x.noNames.add(verb);
            continue;
          }
          x.byName.add(verb);
          const key = `${t.group}/${t.resource}/${ns}/${applicable.map((d) => d.ordinal).join(",")}`;
          let names = named.get(key);
          if (!names)
            named.set(key, (names = candidates.filter((n) => (!rule.names || rule.names.some((g) => g.test(n))) && !denyNames.some((g) => g.test(n)))));
          if (names.length > 0) atom(verb, t, ns, names);
        }
      }
    }
  }
  return x;
}

/**
 * Expands the allow rules of one policy into atoms, minus every deny that may apply to its
 * subjects. Whatever cannot be expressed exactly is left out (never granted) and reported.
 */
export function policyAtoms(policy: AccessPolicyIR, denies: PolicyDenies, ctx: AtomContext): { atoms: Atom[]; gaps: Gap[]; diagnostics: Diagnostic[] } {
  const atoms: Atom[] = [];
  const gaps: Gap[] = [];
  const diagnostics: Diagnostic[] = [];
  const gap = (rule: AccessRuleIR, verbs: Iterable<string>, reason: string, severity: "warning" | "info" = "warning") => {
    const v = [...new Set(verbs)].sort();
    if (v.length === 0) return;
    gaps.push({ policy: policy.name, rule: rule.index, verbs: v, reason });
    diagnostics.push(
      diagnostic(
        "rbac-not-expressible",
        severity,
        `rule ${rule.index} of AccessPolicy \`${policy.name}\`: ${v.map((x) => `\`${x}\``).join(", ")} ${reason}`,
        rule.source,
        "RBAC grants less here, never more; see report.json",
      ),
    );
  };
  for (const rule of policy.rules) {
    if (rule.effect !== "allow" || rule.nonResourceURLs) continue;
    if (rule.namespaces && ctx.listed.size > 0) {
      const missing = rule.namespaces.filter((g) => g.literal && !ctx.listed.has(g.source)).map((g) => g.source);
      if (missing.length > 0) {
        diagnostics.push(
          diagnostic(
            "rbac-namespace-not-in-inventory",
            "info",
            `rule ${rule.index} of AccessPolicy \`${policy.name}\`: namespace ${missing.map((n) => `\`${n}\``).join(", ")} is not in the inventory; its RoleBinding applies once the namespace exists`,
            rule.source,
            "create the namespace, or refresh the inventory with `rampart inventory pull`",
          ),
        );
      }
    }
    const x = ruleAtoms(policy, rule, denies, ctx);
    atoms.push(...x.atoms);
    if (!x.matchedNamespaces)
      gap(
        rule,
        rule.anyVerb ? ["*"] : rule.verbs,
        `namespaces ${rule.namespaces!.map((g) => `\`${g.source}\``).join(", ")} match no namespace of the inventory: nothing granted there`,
      );
    gap(
      rule,
      x.nameless,
      "cannot be limited by resource name in RBAC (the API server authorizes `create` and `deletecollection` on a resource without a name): not granted",
    );
    gap(
      rule,
      x.listing,
      "can be limited by resource name only for requests that select one object (`fieldSelector=metadata.name=…`): plain list and watch requests are not granted",
    );
    gap(
      rule,
      x.noNames,
      "name patterns need object names, and the inventory has none for these resources: not granted (add them to the inventory, e.g. `rampart inventory pull`)",
    );
    if (x.foreign.size > 0) {
      const by = [...x.foreign.keys()]
        .sort()
        .map((k) => `rule ${k.split("#")[1]} of \`${k.split("#")[0]}\``)
        .join(", ");
      gap(
        rule,
        [...x.foreign.values()].flatMap((v) => [...v]),
        `narrowed by deny ${by}: a requester may match both policies and RBAC cannot tell, so those denies apply here too`,
      );
    }
    for (const [verb, by] of x.narrowed)
      gap(
        rule,
        [verb],
        `cluster-wide grant narrowed to the known namespaces because deny rule ${by.split("#")[1]} of AccessPolicy \`${by.split("#")[0]}\` restricts namespaces: all-namespace requests and later namespaces are not granted`,
      );
    gap(rule, x.byName, "by name: object names are taken from the inventory, so objects created later are not granted until the next build", "info");
  }
  return { atoms, gaps, diagnostics };
}
