// A deliberately simple reference of SPEC.md's access semantics: a linear scan over every rule of
// every document, written straight from the spec text (each check quotes the sentence it
// implements), with its own glob matcher. It shares no matching code with the evaluator it checks
// (only the inventory data, which says which resources are cluster-scoped), and doubles as the
// "naive linear scan" baseline of the access benchmark.
import { createInventory, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";

/** Glob by dynamic programming over (pattern prefix, subject prefix): `*` any run, `?` one character, all else itself. */
export function refGlob(pattern: string, subject: string): boolean {
  // row[j]: does the pattern prefix read so far match subject.slice(0, j)?
  let row: boolean[] = [true];
  for (let j = 1; j <= subject.length; j++) row.push(false);
  // UTF-16 code units on both sides, as rampart's globs (and Kubernetes names, which are ASCII) read them.
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const next: boolean[] = [p === "*" && row[0]!];
    for (let j = 1; j <= subject.length; j++) {
      next.push(p === "*" ? row[j]! || next[j - 1]! : row[j - 1]! && (p === "?" || p === subject[j - 1]));
    }
    row = next;
  }
  return row[subject.length]!;
}

// The document shapes as SPEC.md writes them (the loader has validated them).
type Rule = {
  effect: "allow" | "deny";
  verbs: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  namespaces?: string[];
  names?: string[];
  expires?: string;
};
type Subject = { user?: string; group?: string; serviceAccount?: string };
type Policy = { metadata: { name: string }; spec: { subjects: Subject[]; clusters?: Record<string, string>; rules: Rule[] } };
type ClusterDoc = { metadata: { name: string }; spec: { tags?: Record<string, string> } };

/** A rule of a policy, as `matched` names it (0-based rule index). */
export interface ReferenceMatch {
  policy: string;
  rule: number;
  effect: "allow" | "deny";
}

/** The reference outcome: the decision, the deciding rule (if any) and every applicable rule in document order. */
export interface ReferenceDecision {
  decision: "allow" | "deny";
  deciding: ReferenceMatch | undefined;
  applicable: ReferenceMatch[];
}

/** Options: the default cluster, the time (epoch ms), and the inventory that tells cluster-scoped resources apart. */
export interface ReferenceOptions {
  cluster?: string;
  now: number;
  inventory?: Inventory;
}

let builtinInventory: Inventory | undefined;

/** `<resource>[.<apiGroup>][/<subresource>]`: does this `resources` entry cover the request's (group, resource, subresource)? */
export function resourceCovers(entry: string, group: string, resource: string, subresource: string): boolean {
  // "`*` alone every resource and subresource of every group."
  if (entry === "*") return true;
  const slash = entry.indexOf("/");
  const main = slash < 0 ? entry : entry.slice(0, slash);
  const sub = slash < 0 ? undefined : entry.slice(slash + 1);
  const dot = main.indexOf(".");
  const entryResource = dot < 0 ? main : main.slice(0, dot);
  const entryGroup = dot < 0 ? "" : main.slice(dot + 1); // "the core group has no suffix"
  if (entryGroup !== group) return false;
  // "`*.apps` every resource of the apps group"; "`*/scale` the scale subresource of every core resource".
  if (entryResource !== "*" && entryResource !== resource) return false;
  // "`pods` covers the pods resource itself, not its subresources".
  if (sub === undefined) return subresource === "";
  // "`pods/*` every subresource of pods".
  if (sub === "*") return subresource !== "";
  return sub === subresource; // "`pods/log` one subresource"
}

/** An `expires` value in epoch ms: a date is midnight UTC, a timestamp as written. */
function instant(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
}

/** The (namespace, name) of a ServiceAccount username `system:serviceaccount:<ns>:<name>`, else undefined. */
function serviceAccountOf(user: string): { namespace: string; name: string } | undefined {
  const prefix = "system:serviceaccount:";
  if (!user.startsWith(prefix)) return undefined;
  const parts = user.slice(prefix.length).split(":");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return undefined;
  return { namespace: parts[0]!, name: parts[1]! };
}

/** Does one rule apply to the request? Checks in the order SPEC.md states them. */
function ruleApplies(r: Rule, request: Required<Omit<AccessRequest, "groups">>, now: number, scoped: boolean | undefined): boolean {
  // "A rule with `expires` stops applying at that instant."
  if (r.expires !== undefined && now >= instant(r.expires)) return false;
  // Verbs: "Kubernetes verbs, or `*`".
  if (!r.verbs.includes("*") && !r.verbs.includes(request.verb)) return false;
  const deny = r.effect === "deny";
  // "rules with `resources` never apply to non-resource URLs, and rules with `nonResourceURLs` (globs) only to those."
  if (request.nonResourceURL !== "") return r.nonResourceURLs !== undefined && r.nonResourceURLs.some((g) => refGlob(g, request.nonResourceURL));
  if (r.resources === undefined) return false;
  if (!r.resources.some((e) => resourceCovers(e, request.apiGroup, request.resource, request.subresource))) return false;
  // "Omitting `namespaces` makes the rule cluster-wide: every namespace and cluster-scoped resources."
  if (r.namespaces !== undefined) {
    // "Rules with `namespaces` never apply to cluster-scoped resources (which the inventory tells apart)."
    if (scoped === true) return false;
    if (request.namespace === "") {
      // Lead's decision: a resource the inventory does not know, requested without a namespace, is
      // taken as cluster-scoped by allow rules with `namespaces` and as namespaced by deny rules.
      if (scoped === undefined && !deny) return false;
      // "An allow rule restricted by `namespaces` other than "*" does not apply to [a request across all
      // namespaces]; a deny rule restricted by names or namespaces does. `namespaces: ["*"]` covers
      // every namespace, including requests across all namespaces."
      if (!deny && !r.namespaces.includes("*")) return false;
    } else if (!r.namespaces.some((g) => refGlob(g, request.namespace))) {
      return false;
    }
  }
  // "Omitting `names` means every name."
  if (r.names !== undefined) {
    // "A request for a collection has an empty name. An allow rule restricted by names does not apply
    // to such a request; a deny rule restricted by names does."
    if (request.name === "") return deny;
    if (!r.names.some((g) => refGlob(g, request.name))) return false;
  }
  return true;
}

/** Every rule that applies to the request, the decision, and the rule that decided it. */
export function referenceExplain(documents: readonly RampartDocument[], request: AccessRequest, options: ReferenceOptions): ReferenceDecision {
  const denied: ReferenceDecision = { decision: "deny", deciding: undefined, applicable: [] };
  // "Without Cluster documents there is one implicit cluster, `default`." A request may name its cluster,
  // else the evaluator's default (the option, else the only Cluster, else `default`); unknown → deny.
  const clusters = documents.filter((d) => d.kind === "Cluster") as unknown as ClusterDoc[];
  const wanted = request.cluster || options.cluster || (clusters.length === 1 ? clusters[0]!.metadata.name : "default");
  const cluster = clusters.length === 0 ? (wanted === "default" ? { tags: {} } : undefined) : clusters.find((c) => c.metadata.name === wanted)?.spec;
  if (cluster === undefined) return denied;
  const tags = cluster.tags ?? {};

  const req = {
    user: request.user ?? "",
    verb: request.verb,
    apiGroup: request.apiGroup ?? "",
    resource: request.resource ?? "",
    subresource: request.subresource ?? "",
    namespace: request.namespace ?? "",
    name: request.name ?? "",
    nonResourceURL: request.nonResourceURL ?? "",
    cluster: wanted,
  };
  // "Service accounts are also matched by their username `system:serviceaccount:<ns>:<name>` and groups
  // `system:serviceaccounts[:<ns>]`" — a ServiceAccount user is in those groups even when the request omits them.
  const groups = [...(request.groups ?? [])];
  const sa = serviceAccountOf(req.user);
  if (sa) groups.push("system:serviceaccounts", `system:serviceaccounts:${sa.namespace}`);
  const inventory = options.inventory ?? (builtinInventory ??= createInventory());
  const known = inventory.resource(req.apiGroup, req.resource);
  const scoped = known === undefined ? undefined : !known.namespaced;

  const applicable: ReferenceMatch[] = [];
  for (const doc of documents) {
    if (doc.kind !== "AccessPolicy") continue;
    const policy = doc as unknown as Policy;
    // "the policy applies to a request if any subject matches"
    const subjectMatches = policy.spec.subjects.some(
      (s) =>
        (s.user !== undefined && s.user === req.user) ||
        (s.group !== undefined && groups.includes(s.group)) ||
        (s.serviceAccount !== undefined && req.user === `system:serviceaccount:${s.serviceAccount.replace("/", ":")}`),
    );
    if (!subjectMatches) continue;
    // "clusters: optional tag selector over Cluster documents; default: all"
    if (policy.spec.clusters && !Object.entries(policy.spec.clusters).every(([k, v]) => tags[k] === v)) continue;
    policy.spec.rules.forEach((rule, index) => {
      if (ruleApplies(rule, req, options.now, scoped)) applicable.push({ policy: policy.metadata.name, rule: index, effect: rule.effect });
    });
  }
  // "It is allowed iff at least one allow rule [...] applies, and no deny rule of such a policy applies.
  // No matching rule means deny." The deciding rule: the first applicable deny, else the first applicable allow.
  const deny = applicable.find((m) => m.effect === "deny");
  const allow = applicable.find((m) => m.effect === "allow");
  if (deny) return { decision: "deny", deciding: deny, applicable };
  if (allow) return { decision: "allow", deciding: allow, applicable };
  return { ...denied, applicable };
}

/** The reference decision of one request: "allow" | "deny", plus the deciding (policy, rule) if any. */
export function referenceDecide(
  documents: readonly RampartDocument[],
  request: AccessRequest,
  options: ReferenceOptions,
): { decision: "allow" | "deny"; policy?: string; rule?: number } {
  const { decision, deciding } = referenceExplain(documents, request, options);
  return deciding ? { decision, policy: deciding.policy, rule: deciding.rule } : { decision };
}
