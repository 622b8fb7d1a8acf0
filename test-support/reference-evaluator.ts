// A deliberately simple reference of SPEC.md's access semantics: a linear scan over the
// documents, written straight from the spec text, with its own glob matcher. It shares no code
// with the evaluator it checks, and doubles as the naive baseline of the access benchmark.
import type { AccessRequest, RampartDocument } from "@rampart/core";

/** Glob by dynamic programming: `*` any run, `?` one character. */
export function refGlob(pattern: string, s: string): boolean {
  const m = pattern.length;
  const n = s.length;
  let prev = new Array<boolean>(n + 1).fill(false);
  prev[0] = true;
  for (let i = 1; i <= m; i++) {
    const p = pattern[i - 1];
    const cur = new Array<boolean>(n + 1).fill(false);
    cur[0] = p === "*" && prev[0]!;
    for (let j = 1; j <= n; j++) {
      if (p === "*") cur[j] = prev[j]! || cur[j - 1]!;
      else cur[j] = prev[j - 1]! && (p === "?" || p === s[j - 1]);
    }
    prev = cur;
  }
  return prev[n]!;
}

type Rule = { effect: "allow" | "deny"; verbs: string[]; resources?: string[]; nonResourceURLs?: string[]; namespaces?: string[]; names?: string[]; expires?: string };
type Policy = { metadata: { name: string }; spec: { subjects: { user?: string; group?: string; serviceAccount?: string }[]; clusters?: Record<string, string>; rules: Rule[] } };
type ClusterDoc = { metadata: { name: string }; spec: { tags?: Record<string, string> } };

/** `<resource>[.<group>][/<sub>]` covers (group, resource, sub)? */
function resourceCovers(entry: string, group: string, resource: string, sub: string): boolean {
  if (entry === "*") return true;
  const [main = "", s] = entry.split("/") as [string, string | undefined];
  const dot = main.indexOf(".");
  const r = dot < 0 ? main : main.slice(0, dot);
  const g = dot < 0 ? "" : main.slice(dot + 1);
  if (g !== group) return false;
  if (r !== "*" && r !== resource) return false;
  if (s === undefined) return sub === "";
  if (s === "*") return sub !== "";
  return s === sub;
}

function expiresAt(v: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
}

/** The reference decision: "allow" | "deny", plus the deciding (policy, rule) if any. */
export function referenceDecide(
  documents: readonly RampartDocument[],
  request: AccessRequest,
  options: { cluster?: string; now: number; clusterScoped: (group: string, resource: string) => boolean | undefined },
): { decision: "allow" | "deny"; policy?: string; rule?: number } {
  const clusters = documents.filter((d) => d.kind === "Cluster") as unknown as ClusterDoc[];
  const clusterName = request.cluster || options.cluster || (clusters.length === 1 ? clusters[0]!.metadata.name : "default");
  const cluster = clusters.length === 0 ? (clusterName === "default" ? { tags: {} } : undefined) : clusters.find((c) => c.metadata.name === clusterName)?.spec;
  if (!cluster) return { decision: "deny" };
  const tags = cluster.tags ?? {};
  const user = request.user ?? "";
  const groups = [...(request.groups ?? [])];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  if (sa) groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  const group = request.apiGroup ?? "";
  const resource = request.resource ?? "";
  const sub = request.subresource ?? "";
  const ns = request.namespace ?? "";
  const name = request.name ?? "";
  const url = request.nonResourceURL ?? "";
  let allow: { policy: string; rule: number } | undefined;
  let deny: { policy: string; rule: number } | undefined;
  for (const doc of documents) {
    if (doc.kind !== "AccessPolicy") continue;
    const p = doc as unknown as Policy;
    const subjectMatches = p.spec.subjects.some((s) => (s.user !== undefined && s.user === user) || (s.group !== undefined && groups.includes(s.group)) || (s.serviceAccount !== undefined && user === `system:serviceaccount:${s.serviceAccount.replace("/", ":")}`));
    if (!subjectMatches) continue;
    if (p.spec.clusters && !Object.entries(p.spec.clusters).every(([k, v]) => tags[k] === v)) continue;
    p.spec.rules.forEach((r, index) => {
      if (r.expires !== undefined && options.now >= expiresAt(r.expires)) return;
      if (!r.verbs.includes("*") && !r.verbs.includes(request.verb)) return;
      const isDeny = r.effect === "deny";
      if (url !== "") {
        if (!r.nonResourceURLs || !r.nonResourceURLs.some((u) => refGlob(u, url))) return;
      } else {
        if (!r.resources || !r.resources.some((e) => resourceCovers(e, group, resource, sub))) return;
        if (r.namespaces) {
          const scoped = options.clusterScoped(group, resource);
          if (scoped === true) return; // namespaced rules never apply to cluster-scoped resources
          if (ns === "") {
            if (scoped === undefined && !isDeny) return; // unknown resource, no namespace: allows treat it as cluster-scoped
            if (!isDeny && !r.namespaces.includes("*")) return; // allows need "*" for all-namespace requests
          } else if (!r.namespaces.some((g) => refGlob(g, ns))) return;
        }
        if (r.names) {
          if (name === "") {
            if (!isDeny) return; // collections: allows by name do not apply, denies do
          } else if (!r.names.some((g) => refGlob(g, name))) return;
        }
      }
      const hit = { policy: p.metadata.name, rule: index };
      if (isDeny) deny ??= hit;
      else allow ??= hit;
    });
  }
  if (deny) return { decision: "deny", ...deny };
  if (allow) return { decision: "allow", ...allow };
  return { decision: "deny" };
}
