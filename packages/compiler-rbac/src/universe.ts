import type { AccessPolicyIR, Inventory } from "@rampart/core";

/** Verbs of non-resource requests: the lowercase HTTP methods (SEMANTICS.md §1). */
export const HTTP_VERBS: readonly string[] = ["delete", "get", "head", "options", "patch", "post", "put"];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The namespaces compilation and verification range over: the inventory's, plus every
 * namespace a rule names literally (a literal name is exact, so granting it is never more
 * than the policy says, even before the inventory knows it).
 */
export function knownNamespaces(inventory: Inventory, policies: readonly AccessPolicyIR[]): string[] {
  const out = new Set(inventory.namespaces);
  for (const p of policies) for (const r of p.rules) for (const g of r.namespaces ?? []) if (g.literal) out.add(g.source);
  return [...out].sort(cmp);
}

/**
 * Sample paths for URL globs and RBAC URL entries: each pattern with its wildcards taken as
 * nothing and as `x`, so that every pattern and every prefix relation between two of them is
 * represented by at least one concrete path.
 */
export function urlSamples(patterns: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    if (p === "*") {
      out.add("/");
      out.add("/x");
      continue;
    }
    out.add(p.replace(/\*/g, "").replace(/\?/g, "x"));
    out.add(p.replace(/[*?]/g, "x"));
    out.add(p.replace(/\*/g, "x/y").replace(/\?/g, "x"));
  }
  return [...out].filter((s) => s.startsWith("/")).sort(cmp);
}

/** The verbs discovery lists for resources; other verbs (bind, escalate, impersonate, use…) are authorization-only. */
const API_VERBS = new Set(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]);
/** Verbs whose requests always name one object: without a name `get` is a list and `delete` a deletecollection. */
const SINGLE_OBJECT_VERBS = new Set(["get", "update", "patch", "delete"]);
/** The only requests across all namespaces the API serves on a namespaced resource: reading the collection. */
const ALL_NAMESPACE_VERBS = new Set(["list", "watch"]);

/**
 * Can the API server receive this request (Kubernetes `RequestInfo`)? An API verb must be one
 * discovery lists for the target; `get`, `update`, `patch`, `delete` and subresources name an
 * object; only `list` and `watch` carry a name from a field selector, so `deletecollection`
 * never does; a namespaced resource is reached across all namespaces only by `list` and `watch`.
 */
export function servable(
  t: { readonly sub: string; readonly namespaced: boolean; readonly verbs: readonly string[] },
  verb: string,
  namespace: string,
  name: string,
): boolean {
  if (API_VERBS.has(verb) && !t.verbs.includes(verb)) return false;
  if (name === "" ? t.sub !== "" || SINGLE_OBJECT_VERBS.has(verb) : verb === "deletecollection") return false;
  return !(t.namespaced && namespace === "") || (t.sub === "" && ALL_NAMESPACE_VERBS.has(verb));
}
