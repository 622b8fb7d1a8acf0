import type { RampartDocument } from "../documents.js";
import { createIndirectFinder, type NamedSubject } from "../analysis/who-can.js";
import type { Evaluator } from "../evaluator/evaluator.js";
import type { AccessRequest } from "../evaluator/types.js";
import type { Inventory } from "../inventory/inventory.js";
import { WORKLOAD_KINDS } from "../analysis/indirect-paths.js";
import { normaliseAccess, selectorMatches, type AccessPolicyIR, type AccessRuleIR, type ClusterIR } from "../ir/access.js";
import { targetCovers } from "./checks.js";
import type { Finding } from "./lint.js";

/** The requests a deny protects that an indirect path can reach, with how lint names them. */
const PROTECTED = [
  {
    verb: "get",
    apiGroup: "",
    resource: "secrets",
    subresource: "",
    what: "reading secrets",
    hint: "deny `create` of pods and of the workload kinds (deployments, jobs, …) there too, or keep these secrets out of namespaces where this subject runs pods",
  },
  {
    verb: "create",
    apiGroup: "",
    resource: "serviceaccounts",
    subresource: "token",
    what: "creating ServiceAccount tokens",
    hint: "deny `create` of pods and of the workload kinds there too, or keep privileged ServiceAccounts out of namespaces where this subject runs pods",
  },
  {
    verb: "create",
    apiGroup: "",
    resource: "pods",
    subresource: "exec",
    what: "exec into pods",
    hint: "deny `update` and `patch` of `pods/ephemeralcontainers` on the same pods too",
  },
] as const;

const sample = (glob: string) => glob.replace(/[*?]/g, "x");

const covers = (rule: AccessRuleIR, p: { verb: string; apiGroup: string; resource: string; subresource: string }) =>
  (rule.anyVerb || rule.verbs.includes(p.verb)) &&
  rule.resources.some((ref) =>
    targetCovers(
      ref.everything ? { group: "*", resource: "*", subresource: "**" } : { group: ref.group, resource: ref.resource, subresource: ref.subresource },
      p.apiGroup,
      p.resource,
      p.subresource,
    ),
  );

/** What enables an indirect path: creating pods or a workload kind, changing ephemeral containers. */
const ENABLING = [
  { verb: "create", apiGroup: "", resource: "pods", subresource: "" },
  ...WORKLOAD_KINDS.map((k) => ({ verb: "create", ...k })),
  { verb: "update", apiGroup: "", resource: "pods", subresource: "ephemeralcontainers" },
  { verb: "patch", apiGroup: "", resource: "pods", subresource: "ephemeralcontainers" },
];

const subjectsOf = (p: AccessPolicyIR): NamedSubject[] => [
  ...p.users.map((name) => ({ kind: "User" as const, name })),
  ...p.groups.map((name) => ({ kind: "Group" as const, name })),
  ...p.serviceAccounts.map((s) => ({ kind: "ServiceAccount" as const, name: s.name, namespace: s.namespace })),
];
/** The account a subject requests as: a ServiceAccount is also matched by its username. */
const accountOf = (s: NamedSubject) => (s.kind === "ServiceAccount" ? `User system:serviceaccount:${s.namespace}:${s.name}` : `${s.kind} ${s.name}`);
const subjectText = (s: NamedSubject) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`);
const subjectPhrase = (s: NamedSubject) =>
  s.kind === "ServiceAccount" ? `ServiceAccount \`${s.namespace}/${s.name}\`` : `${s.kind.toLowerCase()} \`${s.name}\``;

/**
 * Deny rules on reading secrets, creating ServiceAccount tokens or exec that the same subjects
 * can bypass through an indirect path (who-can's routes: a pod mounts the secret or runs as the
 * ServiceAccount; an ephemeral container acts as exec). One finding per deny rule, subject and
 * protected request, at the first namespace (in sorted order) where the bypass exists.
 */
export function bypassFindings(
  documents: readonly RampartDocument[],
  clusters: readonly ClusterIR[],
  inventory: Inventory,
  evaluatorFor: (cluster: string) => Evaluator,
): Finding[] {
  const policies = normaliseAccess(documents);
  const finders = new Map<string, ReturnType<typeof createIndirectFinder>>();
  const finderFor = (cluster: string) => {
    let f = finders.get(cluster);
    if (!f) finders.set(cluster, (f = createIndirectFinder(documents, evaluatorFor(cluster))));
    return f;
  };
  // Each subject decides on its own account, so only the allow rules of policies naming it can enable a path.
  const enablingBySubject = new Map<string, AccessRuleIR[]>();
  for (const p of policies) {
    for (const s of subjectsOf(p)) {
      const key = accountOf(s);
      const list = enablingBySubject.get(key) ?? [];
      list.push(...p.rules.filter((r) => r.effect === "allow" && ENABLING.some((e) => covers(r, e))));
      enablingBySubject.set(key, list);
    }
  }
  const out: Finding[] = [];
  for (const p of policies) {
    const subjects = subjectsOf(p);
    for (const rule of p.rules) {
      if (rule.effect !== "deny") continue;
      const inDeny = (ns: string) => rule.namespaces === undefined || rule.anyNamespace || rule.namespaces.some((g) => g.test(ns));
      const denySamples = (rule.namespaces ?? []).map((g) => sample(g.source));
      const names = rule.names ? rule.names.map((g) => sample(g.source)) : ["x"];
      for (const target of PROTECTED.filter((t) => covers(rule, t))) {
        for (const subject of subjects) {
          const enabling = enablingBySubject.get(accountOf(subject)) ?? [];
          if (enabling.length === 0) continue;
          const namespaces = [
            ...new Set(
              enabling.flatMap((r) =>
                r.namespaces === undefined || r.anyNamespace
                  ? ["default", ...inventory.namespaces, ...denySamples]
                  : [...inventory.namespaces.filter((ns) => r.namespaces!.some((g) => g.test(ns))), ...r.namespaces.map((g) => sample(g.source))],
              ),
            ),
          ]
            .filter(inDeny)
            .sort();
          const found = search(
            clusters.filter((c) => selectorMatches(p.clusters, c.tags)),
            namespaces,
            names,
            (cluster, namespace, name) => {
              const request: Omit<AccessRequest, "user" | "groups"> = {
                verb: target.verb,
                apiGroup: target.apiGroup,
                resource: target.resource,
                subresource: target.subresource,
                namespace,
                name,
                cluster,
              };
              const user =
                subject.kind === "Group"
                  ? { user: "", groups: [subject.name] }
                  : { user: subject.kind === "User" ? subject.name : `system:serviceaccount:${subject.namespace}:${subject.name}`, groups: [] };
              const d = evaluatorFor(cluster).decide({ ...request, ...user });
              if (d.decision !== "deny" || !d.matched.some((m) => m.policy === p.name && m.rule === rule.index)) return undefined;
              return finderFor(cluster)(subject, request);
            },
          );
          if (!found) continue;
          const { via, namespace } = found;
          out.push({
            code: "deny-bypass",
            // A warning: SPEC's error level is the RBAC good practices' escalation list; this is a deny that does less than it says.
            severity: "warning",
            message: `${subjectPhrase(subject)} is denied ${target.what}${rule.names ? ` named ${rule.names.map((g) => `\`${g.source}\``).join(", ")}` : ""} in namespace \`${namespace}\` (rule ${rule.index} of AccessPolicy \`${p.name}\`), yet can bypass the deny: ${via.how}: ${via.path[0]} (rule ${via.rule.rule} of AccessPolicy \`${via.rule.policy}\`) → ${via.path.slice(1).join(" → ")}`,
            hint: target.hint,
            ...rule.source,
            object: `AccessPolicy/${p.name}`,
            rule: rule.index,
            subjects: [subjectText(subject)],
          });
        }
      }
    }
  }
  return out;
}

function search<T>(
  clusters: readonly ClusterIR[],
  namespaces: readonly string[],
  names: readonly string[],
  probe: (cluster: string, namespace: string, name: string) => T | undefined,
): { via: T; namespace: string } | undefined {
  for (const namespace of namespaces)
    for (const c of clusters)
      for (const name of names) {
        const via = probe(c.name, namespace, name);
        if (via !== undefined) return { via, namespace };
      }
  return undefined;
}
