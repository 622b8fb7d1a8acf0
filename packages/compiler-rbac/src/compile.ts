import { createInventory, createOpenApiValidator, diagnostic, hasErrors, normaliseAccess, normaliseClusters, selectorMatches, type AccessRuleIR, type Diagnostic, type Inventory, type OpenApiBundle, type RampartDocument } from "@rampart/core";
import schemas from "../data/openapi-rbac-v1.35.json" with { type: "json" };
import { checkRefs } from "./check-refs.js";
import { overlapTester } from "./principals.js";
import { knownNamespaces } from "./universe.js";
import { selectCluster } from "./select-cluster.js";
import { emitPolicy } from "./emit.js";
import { policyAtoms, type Atom, type Gap } from "./grants.js";
import { nonResourceRules } from "./non-resource.js";
import type { RbacObject } from "./rbac-types.js";
import { allTargets } from "./targets.js";

/** Options of `compileRbac`. */
export interface CompileRbacOptions {
  /** Cluster whose tags select the policies (default: the only or `default` cluster). */
  cluster?: string;
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

/** The build report of the RBAC backend. */
export interface RbacReport {
  rules: RbacRuleReport[];
  counts: { objects: number; rules: number; naiveObjects: number; naiveRules: number };
}

const validate = createOpenApiValidator(schemas as OpenApiBundle);

/** What a deny covers, to count identical denies of many policies once. */
const denyKey = (r: AccessRuleIR) =>
  JSON.stringify([r.verbs, r.resources, r.nonResourceURLs?.map((g) => g.source), r.namespaces?.map((g) => g.source), r.names?.map((g) => g.source)]);

/**
 * Compiles AccessPolicies into ClusterRoles, RoleBindings and ClusterRoleBindings that grant
 * exactly allow − deny over the inventory, or less (reported), never more.
 */
export function compileRbac(documents: readonly RampartDocument[], options: CompileRbacOptions = {}): { objects: RbacObject[]; diagnostics: Diagnostic[]; report: RbacReport } {
  const inventory = options.inventory ?? createInventory();
  const now = (options.now ?? new Date()).getTime();
  const diagnostics = checkRefs(documents, inventory);
  const empty: RbacReport = { rules: [], counts: { objects: 0, rules: 0, naiveObjects: 0, naiveRules: 0 } };
  if (hasErrors(diagnostics)) return { objects: [], diagnostics, report: empty };
  const cluster = selectCluster(documents, options.cluster);
  if ("severity" in cluster) return { objects: [], diagnostics: [...diagnostics, cluster], report: empty };
  const all = normaliseAccess(documents).filter((p) => selectorMatches(p.clusters, cluster.tags));
  const expired = new Set<AccessRuleIR>();
  const live = all.map((p) => ({ ...p, rules: p.rules.filter((r) => (r.expires !== undefined && r.expires <= now ? (expired.add(r), false) : true)) }));
  const targets = allTargets(inventory);
  const namespaces = knownNamespaces(inventory, all);
  const keepWildcards = options.keepWildcards ?? false;
  const objects: RbacObject[] = [];
  const reports: RbacRuleReport[] = [];
  let naiveObjects = 0;
  let naiveRules = 0;
  const keyOf = new Map<AccessRuleIR, string>();
  for (const p of live) for (const r of p.rules) if (r.effect === "deny") keyOf.set(r, denyKey(r));
  const withDenies = live.filter((p) => p.rules.some((r) => r.effect === "deny"));
  const mayOverlap = overlapTester();
  for (const policy of live) {
    // Denies that may apply to this policy's requesters; identical ones count once (own first).
    const denies: AccessRuleIR[] = [];
    const seenDeny = new Set<string>();
    for (const q of [policy, ...withDenies.filter((q) => q !== policy && mayOverlap(policy, q))]) {
      for (const r of q.rules) {
        if (r.effect !== "deny") continue;
        const key = keyOf.get(r)!;
        if (!seenDeny.has(key)) {
          seenDeny.add(key);
          denies.push(r);
        }
      }
    }
    const { atoms, gaps, diagnostics: d } = policyAtoms(policy, denies, inventory, targets, { namespaces, keepWildcards });
    const nr = nonResourceRules(policy.name, policy.rules, denies);
    diagnostics.push(...d);
    const allGaps: Gap[] = [...gaps, ...nr.gaps.map((g) => ({ ...g, policy: policy.name }))];
    for (const g of nr.gaps) {
      const rule = policy.rules.find((r) => r.index === g.rule)!;
      diagnostics.push(diagnostic("rbac-not-expressible", "warning", `rule ${g.rule} of AccessPolicy \`${policy.name}\`: ${g.verbs.map((v) => `\`${v}\``).join(", ")}: ${g.reason}`, rule.source, "RBAC grants less here, never more; see report.json"));
    }
    objects.push(...emitPolicy(policy, atoms, nr.rules));
    for (const rule of all.find((p) => p.name === policy.name)!.rules) {
      const mine = atoms.filter((a: Atom) => a.rule === rule.index);
      const r: RbacRuleReport = {
        policy: policy.name,
        rule: rule.index,
        effect: rule.effect,
        backend: "rbac",
        verbs: rule.effect === "deny" ? [...rule.verbs] : [...new Set([...mine.map((a) => a.verb), ...(rule.nonResourceURLs ? nr.rules.flatMap((x) => x.verbs) : [])])].sort(),
        notExpressible: allGaps.filter((g) => g.rule === rule.index).map(({ verbs, reason }) => ({ verbs, reason })),
      };
      if (expired.has(rule)) r.expired = true;
      reports.push(r);
      // Naive expansion: one Role (or ClusterRole) and binding per rule and namespace, one PolicyRule per resource.
      const scopes = new Set(mine.map((a) => a.namespace));
      naiveObjects += 2 * scopes.size + (rule.nonResourceURLs && rule.effect === "allow" ? 2 : 0);
      naiveRules += new Set(mine.map((a) => `${a.namespace}/${a.target.group}/${a.target.resource}/${a.target.sub}`)).size;
    }
  }
  for (const o of objects) {
    const errors = validate(o as unknown as { kind: string });
    if (errors.length) diagnostics.push(diagnostic("openapi-invalid", "error", `generated ${o.kind} \`${o.metadata.name ?? ""}\` is invalid against the Kubernetes 1.35 OpenAPI schema: ${errors.join("; ")}`, { file: "<generated>", line: 0, column: 0 }, "this is a bug in rampart; please report it"));
  }
  const ruleCount = objects.reduce((n, o) => n + (o.rules?.length ?? 0), 0);
  return { objects, diagnostics, report: { rules: reports, counts: { objects: objects.length, rules: ruleCount, naiveObjects, naiveRules } } };
}
