import {
  clusterFor,
  createInventory,
  diagnostic,
  hasErrors,
  normaliseAccess,
  selectorMatches,
  type AccessPolicyIR,
  type AccessRuleIR,
  type ClusterIR,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
} from "@rampart/core";
import { createNamespaceMatcher, openApiDiagnostics, precompiledOpenApiValidator } from "@rampart/core/compiler";
import { checkRefs } from "./check-refs.js";
import { createDenyIndex, type PolicyDenies } from "./deny-index.js";
import { emitPolicy } from "./emit.js";
// The Kubernetes 1.35 OpenAPI checks of data/openapi-rbac-v1.35.json, compiled at build time.
import * as rbacChecks from "./generated/openapi-rbac-v1.35.js";
import { inventoryNames, policyAtoms, type Atom, type AtomContext, type Gap } from "./grants.js";
import { nonResourceRules } from "./non-resource.js";
import type { PolicyRule, RbacObject } from "./rbac-types.js";
import { allTargets } from "./targets.js";
import { knownNamespaces } from "./universe.js";

/** Options of `compileRbac`. */
export interface CompileRbacOptions {
  /** The resolved cluster whose tags select the policies, or its name (default: the only or `default` cluster). */
  cluster?: ClusterIR | string;
  /** Inventory the wildcards, namespace globs and name globs expand against (default: built-in). */
  inventory?: Inventory;
  /** Time at which `expires` is judged (default: now). */
  now?: Date;
  /**
   * Keep `*` verbs, `*` resources and `*\/<subresource>` of cluster-wide rules as RBAC wildcards
   * where no deny may intersect the rule (default: false, expand from the inventory so that a
   * future resource is never granted by accident).
   */
  keepWildcards?: boolean;
}

/** Per source rule: what RBAC enforces and what it could not. */
export interface RbacRuleReport {
  policy: string;
  rule: number;
  effect: "allow" | "deny";
  backend: "rbac";
  /** Verbs granted (allow) or subtracted (deny). */
  verbs: string[];
  expired?: true;
  notExpressible: { verbs: string[]; reason: string }[];
}

/** The result of `compileRbac`: the objects, the diagnostics and the report. */
export interface CompileRbacResult {
  objects: RbacObject[];
  diagnostics: Diagnostic[];
  report: RbacReport;
}

/** The build report of the RBAC backend. */
export interface RbacReport {
  rules: RbacRuleReport[];
  counts: { objects: number; rules: number; naiveObjects: number; naiveRules: number };
}

const validate = precompiledOpenApiValidator(rbacChecks);

/** The policies of the cluster: all of them (for the report) and with expired rules left out (to compile). */
interface SelectedPolicies {
  all: AccessPolicyIR[];
  live: AccessPolicyIR[];
  expired: Set<AccessRuleIR>;
}

/** Chooses the cluster's policies and drops expired rules, or says why it cannot. */
function selectPolicies(documents: readonly RampartDocument[], cluster: ClusterIR | string | undefined, now: number): SelectedPolicies | Diagnostic {
  const selected = clusterFor(documents, cluster);
  if ("severity" in selected) return selected;
  const all = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, selected.tags));
  const expired = new Set<AccessRuleIR>();
  const live = all.map((p) => ({ ...p, rules: p.rules.filter((r) => (r.expires !== undefined && r.expires <= now ? (expired.add(r), false) : true)) }));
  return { all, live, expired };
}

/** What every policy's expansion shares: targets, namespaces, glob matches and inventory names. */
function atomContext(inventory: Inventory, policies: readonly AccessPolicyIR[], keepWildcards: boolean): AtomContext {
  const namespaces = knownNamespaces(inventory, policies);
  return {
    inventory,
    targets: allTargets(inventory),
    namespaces,
    matcher: createNamespaceMatcher(namespaces),
    listed: new Set(inventory.namespaces),
    names: inventoryNames(inventory),
    keepWildcards,
  };
}

/** The report entries of one policy's rules, with the naive one-Role-per-rule counts to compare with. */
function ruleReports(
  policy: AccessPolicyIR,
  atoms: readonly Atom[],
  nonResource: readonly PolicyRule[],
  gaps: readonly Gap[],
  expired: ReadonlySet<AccessRuleIR>,
) {
  const reports: RbacRuleReport[] = [];
  let naiveObjects = 0;
  let naiveRules = 0;
  const byRule = new Map<number, Atom[]>();
  for (const a of atoms) {
    const list = byRule.get(a.rule);
    if (list) list.push(a);
    else byRule.set(a.rule, [a]);
  }
  for (const rule of policy.rules) {
    const mine = byRule.get(rule.index) ?? [];
    const r: RbacRuleReport = {
      policy: policy.name,
      rule: rule.index,
      effect: rule.effect,
      backend: "rbac",
      verbs:
        rule.effect === "deny"
          ? [...rule.verbs]
          : [...new Set([...mine.map((a) => a.verb), ...(rule.nonResourceURLs ? nonResource.flatMap((x) => x.verbs) : [])])].sort(),
      notExpressible: gaps.filter((g) => g.rule === rule.index).map(({ verbs, reason }) => ({ verbs, reason })),
    };
    if (expired.has(rule)) r.expired = true;
    reports.push(r);
    // Naive expansion: one Role (or ClusterRole) and binding per rule and namespace, one PolicyRule per resource.
    const scopes = new Set(mine.map((a) => a.namespace));
    naiveObjects += 2 * scopes.size + (rule.nonResourceURLs && rule.effect === "allow" ? 2 : 0);
    naiveRules += new Set(mine.map((a) => `${a.namespace}/${a.target.group}/${a.target.resource}/${a.target.sub}`)).size;
  }
  return { reports, naiveObjects, naiveRules };
}

/** Compiles one policy against the denies that may apply to its requesters. */
function compilePolicy(policy: AccessPolicyIR, denies: PolicyDenies, ctx: AtomContext) {
  const { atoms, gaps, diagnostics } = policyAtoms(policy, denies, ctx);
  const nr = policy.rules.some((r) => r.effect === "allow" && r.nonResourceURLs)
    ? nonResourceRules(policy.name, policy.rules, denies.all)
    : { rules: [], gaps: [] };
  for (const g of nr.gaps) {
    const rule = policy.rules.find((r) => r.index === g.rule)!;
    diagnostics.push(
      diagnostic(
        "rbac-not-expressible",
        "warning",
        `rule ${g.rule} of AccessPolicy \`${policy.name}\`: ${g.verbs.map((v) => `\`${v}\``).join(", ")}: ${g.reason}`,
        rule.source,
        "RBAC grants less here, never more; see report.json",
      ),
    );
  }
  const allGaps: Gap[] = [...gaps, ...nr.gaps.map((g) => ({ ...g, policy: policy.name }))];
  return { objects: emitPolicy(policy, atoms, nr.rules), atoms, nonResource: nr.rules, gaps: allGaps, diagnostics };
}

/** Validates every emitted object against the Kubernetes OpenAPI schema of its kind. */
function validateObjects(objects: readonly RbacObject[]): Diagnostic[] {
  return openApiDiagnostics(objects, (o) => validate(o as unknown as { kind: string }), "Kubernetes 1.35");
}

/**
 * Compiles AccessPolicies into ClusterRoles, Roles and their bindings that grant exactly
 * allow − deny over the inventory, or less (reported), never more.
 */
export function compileRbac(documents: readonly RampartDocument[], options: CompileRbacOptions = {}): CompileRbacResult {
  const inventory = options.inventory ?? createInventory();
  const diagnostics = checkRefs(documents, inventory);
  const empty: RbacReport = { rules: [], counts: { objects: 0, rules: 0, naiveObjects: 0, naiveRules: 0 } };
  if (hasErrors(diagnostics)) return { objects: [], diagnostics, report: empty };
  const selected = selectPolicies(documents, options.cluster, (options.now ?? new Date()).getTime());
  if ("severity" in selected) return { objects: [], diagnostics: [...diagnostics, selected], report: empty };
  const ctx = atomContext(inventory, selected.all, options.keepWildcards ?? false);
  const denyIndex = createDenyIndex(selected.live, ctx.targets, ctx.matcher);
  const objects: RbacObject[] = [];
  const reports: RbacRuleReport[] = [];
  let naiveObjects = 0;
  let naiveRules = 0;
  selected.live.forEach((policy, i) => {
    const compiled = compilePolicy(policy, denyIndex.forPolicy(policy), ctx);
    diagnostics.push(...compiled.diagnostics);
    objects.push(...compiled.objects);
    const r = ruleReports(selected.all[i]!, compiled.atoms, compiled.nonResource, compiled.gaps, selected.expired);
    reports.push(...r.reports);
    naiveObjects += r.naiveObjects;
    naiveRules += r.naiveRules;
  });
  diagnostics.push(...validateObjects(objects));
  const ruleCount = objects.reduce((n, o) => n + (o.rules?.length ?? 0), 0);
  return { objects, diagnostics, report: { rules: reports, counts: { objects: objects.length, rules: ruleCount, naiveObjects, naiveRules } } };
}
