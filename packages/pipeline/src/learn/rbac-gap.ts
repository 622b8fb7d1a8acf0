import type { Inventory } from "@rampart/core";
import { createRbacAuthorizer, type RbacObject } from "@rampart/compiler-rbac";
import type { AuditRecord } from "./audit-event.js";
import { resourceString, type LearnedPolicy } from "./learn-rules.js";
import { subjectKey, subjectLabel, subjectOf, type LearnedSubject } from "./subjects.js";

/** A readable block of unused grants: these verbs on these resources in these namespaces (absent: cluster-scoped). */
export interface UnusedGrant {
  verbs: string[];
  resources: string[];
  namespaces?: string[];
}

/** What a subject's current RBAC grants that the log never used (the least-privilege gap). */
export interface SubjectGap {
  subject: string;
  policy: string;
  /** verb × resource × namespace cells of the universe that RBAC grants. */
  granted: number;
  /** Granted cells the log used. */
  used: number;
  unused: number;
  unusedGrants: UnusedGrant[];
}

const SEP = "\u0000";

/** The identity RBAC sees for a subject: a ServiceAccount's groups, a user's observed groups, or the group alone. */
function identity(s: LearnedSubject, groups: Set<string>): { user: string; groups: string[] } {
  if (s.kind === "serviceAccount")
    return {
      user: `system:serviceaccount:${s.namespace}:${s.name}`,
      groups: ["system:authenticated", "system:serviceaccounts", `system:serviceaccounts:${s.namespace}`],
    };
  if (s.kind === "group") return { user: "", groups: [s.name] };
  return { user: s.name, groups: [...groups].sort() };
}

function groupCells(cells: readonly { verb: string; res: string; ns: string }[]): UnusedGrant[] {
  const nsOf = new Map<string, Set<string>>();
  for (const c of cells) {
    const k = c.res + SEP + c.verb;
    (nsOf.get(k) ?? nsOf.set(k, new Set()).get(k)!).add(c.ns);
  }
  const verbsOf = new Map<string, string[]>();
  for (const [k, nss] of nsOf) {
    const [res, verb] = k.split(SEP) as [string, string];
    const key = res + SEP + [...nss].sort().join(",");
    (verbsOf.get(key) ?? verbsOf.set(key, []).get(key)!).push(verb);
  }
  const resOf = new Map<string, string[]>();
  for (const [k, verbs] of verbsOf) {
    const [res, nss] = k.split(SEP) as [string, string];
    const key = [...verbs].sort().join(",") + SEP + nss;
    (resOf.get(key) ?? resOf.set(key, []).get(key)!).push(res);
  }
  return [...resOf]
    .map(([k, resources]) => {
      const [verbs, nss] = k.split(SEP) as [string, string];
      const g: UnusedGrant = { verbs: verbs.split(","), resources: resources.sort() };
      if (nss !== "") g.namespaces = nss.split(",");
      return g;
    })
    .sort((a, b) => (a.resources[0]! < b.resources[0]! ? -1 : a.resources[0]! > b.resources[0]! ? 1 : a.verbs.join() < b.verbs.join() ? -1 : 1));
}

/**
 * Per learned subject, the cells of a universe — every inventory resource and subresource × its
 * verbs × the namespaces the subject used (cluster-scoped resources once) — that the current RBAC
 * grants, split into used and unused. Requests are asked without a name, so grants limited by
 * `resourceNames` are not counted.
 */
export function rbacGap(
  objects: readonly RbacObject[],
  records: readonly AuditRecord[],
  policies: readonly LearnedPolicy[],
  inventory: Inventory,
  byGroup: readonly string[] = [],
): SubjectGap[] {
  const authz = createRbacAuthorizer(objects);
  const seen = new Map<string, { used: Set<string>; namespaces: Set<string>; groups: Set<string> }>();
  for (const r of records) {
    if (r.outcome !== "allowed" || r.nonResourceURL !== "") continue;
    const key = subjectKey(subjectOf(r.user, r.groups, byGroup));
    let s = seen.get(key);
    if (!s) seen.set(key, (s = { used: new Set(), namespaces: new Set(), groups: new Set() }));
    s.used.add([r.verb, resourceString(r.apiGroup, r.resource, r.subresource), r.namespace].join(SEP));
    if (r.namespace !== "") s.namespaces.add(r.namespace);
    for (const g of r.groups) s.groups.add(g);
  }
  return policies.map((p) => {
    const s = seen.get(subjectKey(p.subject)) ?? { used: new Set<string>(), namespaces: new Set<string>(), groups: new Set<string>() };
    const namespaces = new Set(s.namespaces);
    if (p.subject.kind === "serviceAccount") namespaces.add(p.subject.namespace);
    const nsList = [...namespaces].sort();
    const id = identity(p.subject, s.groups);
    const allows = authz.forUser(id.user, id.groups);
    let granted = 0;
    let used = 0;
    const unused: { verb: string; res: string; ns: string }[] = [];
    for (const r of inventory.resources) {
      const parts = [{ sub: "", verbs: r.verbs }, ...r.subresources.map((x) => ({ sub: x.name, verbs: x.verbs }))];
      for (const part of parts) {
        const res = resourceString(r.group, r.resource, part.sub);
        for (const ns of r.namespaced ? nsList : [""]) {
          for (const verb of part.verbs) {
            if (!allows({ verb, resourceRequest: true, apiGroup: r.group, resource: r.resource, subresource: part.sub, namespace: ns, name: "" })) continue;
            granted++;
            if (s.used.has([verb, res, ns].join(SEP)) || (ns !== "" && s.used.has([verb, res, ""].join(SEP)))) used++;
            else unused.push({ verb, res, ns });
          }
        }
      }
    }
    return { subject: subjectLabel(p.subject), policy: p.name, granted, used, unused: granted - used, unusedGrants: groupCells(unused) };
  });
}
