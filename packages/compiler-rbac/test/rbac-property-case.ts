// One generated case of the RBAC property tests as both sides see it: the identity, the request for the evaluator
// and for the reference RBAC authorizer, and the loaded AccessPolicies, Cluster and inventory.
import { expect } from "vitest";
import { createInventory, loadDocuments, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";
import type { referenceRbacAllows } from "../../../test-support/rbac-reference.js";
import { WIDGETS, type Req } from "./rbac-arbitraries.js";

/**
 * The same identity for both sides, as the ServiceAccount token authenticator issues it: a
 * ServiceAccount holds its own groups and `system:authenticated`, never a person's group. (The
 * compiler's requester model assumes it; only impersonation with `--as-group` could break it, and
 * `impersonate` is an error-level lint finding.)
 */
function identity(r: Req): { user: string; groups: string[] } {
  // A request aimed at a ServiceAccount group comes from a ServiceAccount (people never hold those groups).
  const saGroup = r.groups.find((g) => g === "system:serviceaccounts" || g.startsWith("system:serviceaccounts:"));
  const user = saGroup && !r.user.startsWith("system:serviceaccount:") ? `system:serviceaccount:${saGroup.split(":")[2] ?? "ci"}:gen` : r.user;
  const sa = /^system:serviceaccount:([^:]+):[^:]+$/.exec(user);
  if (!sa) return { user, groups: [...r.groups] };
  const groups: string[] = r.groups.filter((g) => g === "system:authenticated");
  groups.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  return { user, groups };
}

/** The request as the evaluator and as the RBAC authorizer see it; a cluster-scoped resource is requested without a namespace. */
export function both(r: Req, inventory: Inventory): { access: AccessRequest; rbac: Parameters<typeof referenceRbacAllows>[1] } {
  const id = identity(r);
  if (r.path !== undefined)
    return { access: { ...id, verb: r.verb, nonResourceURL: r.path }, rbac: { ...id, verb: r.verb, resourceRequest: false, path: r.path } };
  const [apiGroup, resource, subresource] = r.target;
  const namespace = inventory.resource(apiGroup, resource)?.namespaced === false ? "" : r.namespace;
  const attrs = { verb: r.verb, apiGroup, resource, subresource, namespace, name: r.name };
  return { access: { ...id, ...attrs }, rbac: { ...id, ...attrs, resourceRequest: true } };
}

/** The AccessPolicies, Cluster and inventory of one generated case. */
export function setup(
  policies: readonly { subjects: unknown[]; clusters?: Readonly<Record<string, string>> | undefined; rules: unknown[] }[],
  inv: InventoryInput,
  env: string,
) {
  const values: unknown[] = policies.map((p, i) => ({
    apiVersion: "rampart.dev/v1alpha1",
    kind: "AccessPolicy",
    metadata: { name: `p${i}` },
    spec: p.clusters ? p : { subjects: p.subjects, rules: p.rules },
  }));
  values.push({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "c" }, spec: { tags: { env } } });
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  const objects: Record<string, string[] | Record<string, string[]>> = { pods: inv.pods };
  if (inv.secrets) objects.secrets = inv.secrets;
  if (inv.widgets) objects["widgets.example.com"] = inv.widgets;
  if (inv.nodes) objects.nodes = inv.nodes;
  return { documents: documents as RampartDocument[], inventory: createInventory({ namespaces: inv.namespaces, objects, resources: [WIDGETS] }) };
}
/** The inventory of one case, as generated. */
export type InventoryInput = {
  namespaces: string[];
  pods: Record<string, string[]>;
  secrets?: Record<string, string[]> | undefined;
  widgets?: Record<string, string[]> | undefined;
  nodes?: string[] | undefined;
};
