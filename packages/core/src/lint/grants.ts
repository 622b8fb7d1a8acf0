import type { SourcePosition } from "../diagnostics.js";
import type { RampartDocument } from "../documents.js";
import type { Manifest } from "../load/load-manifests.js";
import { normaliseAccess, type AccessPolicyIR, type AccessRuleIR } from "../ir/access.js";

/** `{group, resource, subresource}` a grant covers; `*` is any, subresource `**` is any or none. */
export interface Target {
  group: string;
  resource: string;
  subresource: string;
}

/** An allow, from an AccessPolicy rule or a bound RBAC rule, in one shape for the checks. */
export interface Grant {
  /** `AccessPolicy/team-a` or `ClusterRole/admin`. */
  object: string;
  rule: number;
  /** For RBAC: the binding that grants it. */
  binding?: string;
  subjects: string[];
  verbs: string[];
  targets: Target[];
  nonResourceURLs: string[];
  /** Restricted to some object names. */
  named: boolean;
  /** Cluster-wide: every namespace and cluster-scoped resources. */
  clusterWide: boolean;
  expires?: number;
  at: SourcePosition;
  /** The source rule, for AccessPolicies (lets checks consult the evaluator). */
  policy?: AccessPolicyIR;
  ir?: AccessRuleIR;
}

const subjectsOf = (p: AccessPolicyIR) => [
  ...p.users.map((u) => `User ${u}`),
  ...p.groups.map((g) => `Group ${g}`),
  ...p.serviceAccounts.map((s) => `ServiceAccount ${s.namespace}/${s.name}`),
];

/** The allow rules of AccessPolicies as grants. */
export function policyGrants(documents: readonly RampartDocument[]): Grant[] {
  const out: Grant[] = [];
  for (const p of normaliseAccess(documents)) {
    for (const r of p.rules) {
      if (r.effect !== "allow") continue;
      const g: Grant = {
        object: `AccessPolicy/${p.name}`,
        rule: r.index,
        subjects: subjectsOf(p),
        verbs: [...r.verbs],
        targets: r.resources.map((ref) =>
          ref.everything ? { group: "*", resource: "*", subresource: "**" } : { group: ref.group, resource: ref.resource, subresource: ref.subresource },
        ),
        nonResourceURLs: (r.nonResourceURLs ?? []).map((g) => g.source),
        named: r.names !== undefined,
        clusterWide: r.namespaces === undefined || r.anyNamespace,
        at: r.source,
        policy: p,
        ir: r,
      };
      if (r.expires !== undefined) g.expires = r.expires;
      out.push(g);
    }
  }
  return out;
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === "string");

/** RBAC rule targets: apiGroups × resources, `*` in resources covering subresources too. */
function rbacTargets(rule: Obj): Target[] {
  const out: Target[] = [];
  for (const group of strings(rule.apiGroups)) {
    for (const res of strings(rule.resources)) {
      const slash = res.indexOf("/");
      if (res === "*") out.push({ group, resource: "*", subresource: "**" });
      else if (slash < 0) out.push({ group, resource: res, subresource: "" });
      else out.push({ group, resource: res.slice(0, slash), subresource: res.slice(slash + 1) });
    }
  }
  return out;
}

/** The rules of RBAC manifests, one grant per (binding, rule): only bound rules grant anything. */
export function rbacGrants(manifests: readonly Manifest[]): { grants: Grant[]; roles: Map<string, Manifest> } {
  const roles = new Map<string, Manifest>();
  for (const m of manifests) {
    const kind = m.value.kind;
    const meta = (m.value.metadata ?? {}) as Obj;
    if (kind === "ClusterRole") roles.set(`ClusterRole//${String(meta.name)}`, m);
    if (kind === "Role") roles.set(`Role/${String(meta.namespace ?? "")}/${String(meta.name)}`, m);
  }
  const grants: Grant[] = [];
  const bound = new Set<Manifest>();
  const roleGrants = (role: Manifest, binding: string | undefined, subjects: string[], clusterWide: boolean) => {
    const rmeta = (role.value.metadata ?? {}) as Obj;
    arr(role.value.rules).forEach((raw, i) => {
      const rule = raw as Obj;
      const g: Grant = {
        object: `${String(role.value.kind)}/${rmeta.namespace ? `${String(rmeta.namespace)}/` : ""}${String(rmeta.name)}`,
        rule: i,
        subjects,
        verbs: strings(rule.verbs),
        targets: rbacTargets(rule),
        nonResourceURLs: strings(rule.nonResourceURLs),
        named: strings(rule.resourceNames).length > 0,
        clusterWide,
        at: { file: role.file, ...lineCol(role.locate(["rules", i])) },
      };
      if (binding !== undefined) g.binding = binding;
      grants.push(g);
    });
  };
  for (const m of manifests) {
    const kind = m.value.kind;
    if (kind !== "RoleBinding" && kind !== "ClusterRoleBinding") continue;
    const meta = (m.value.metadata ?? {}) as Obj;
    const ref = (m.value.roleRef ?? {}) as Obj;
    const ns = kind === "RoleBinding" ? String(meta.namespace ?? "") : "";
    const role = roles.get(ref.kind === "ClusterRole" ? `ClusterRole//${String(ref.name)}` : `Role/${ns}/${String(ref.name)}`);
    const subjects = arr(m.value.subjects).map((s) => {
      const o = s as Obj;
      return o.kind === "ServiceAccount" ? `ServiceAccount ${String(o.namespace ?? ns)}/${String(o.name)}` : `${String(o.kind)} ${String(o.name)}`;
    });
    const binding = `${String(kind)}/${ns ? `${ns}/` : ""}${String(meta.name)}`;
    if (!role) {
      // cluster-admin and other bootstrap roles are not in the manifests; model the one that matters.
      if (ref.kind === "ClusterRole" && ref.name === "cluster-admin") {
        grants.push({
          object: "ClusterRole/cluster-admin",
          rule: 0,
          binding,
          subjects,
          verbs: ["*"],
          targets: [{ group: "*", resource: "*", subresource: "**" }],
          nonResourceURLs: ["*"],
          named: false,
          clusterWide: kind === "ClusterRoleBinding",
          at: pos(m),
        });
      }
      continue;
    }
    bound.add(role);
    roleGrants(role, binding, subjects, kind === "ClusterRoleBinding");
  }
  // Roles no binding grants are still checked: a binding may come later.
  for (const role of roles.values()) if (!bound.has(role)) roleGrants(role, undefined, [], role.value.kind === "ClusterRole");
  return { grants, roles };
}

const lineCol = (p: SourcePosition) => ({ line: p.line, column: p.column });
const pos = (m: Manifest): SourcePosition => ({ file: m.file, line: m.line, column: m.column });
