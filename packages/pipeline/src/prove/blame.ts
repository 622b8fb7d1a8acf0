import type { AccessRequest } from "@rampart/core";
import { createRbacAuthorizer, type RbacObject, type RbacRequest } from "@rampart/compiler-rbac";
import type { TreeManifest } from "./read-tree.js";

const BINDING_KINDS = new Set(["RoleBinding", "ClusterRoleBinding"]);

/** The RBAC authorizer's view of an access request. */
export function rbacRequest(r: AccessRequest): RbacRequest {
  const out: RbacRequest = { user: r.user ?? "", groups: r.groups ?? [], verb: r.verb, resourceRequest: r.nonResourceURL === undefined };
  if (r.nonResourceURL !== undefined) out.path = r.nonResourceURL;
  for (const k of ["apiGroup", "resource", "subresource", "namespace", "name"] as const) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

/**
 * Names the files that grant a request: each binding whose subjects and role allow it (judged by
 * the RBAC authorizer on that binding and its role alone), with the file of that role.
 */
export function createBlame(rbac: readonly TreeManifest[]): (request: AccessRequest) => string[] {
  const roleFile = new Map<string, TreeManifest>();
  for (const m of rbac) {
    const o = m.object as unknown as RbacObject;
    if (o.kind === "ClusterRole") roleFile.set(`ClusterRole//${o.metadata?.name ?? ""}`, m);
    if (o.kind === "Role") roleFile.set(`Role/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`, m);
  }
  const bindings = rbac
    .filter((m) => BINDING_KINDS.has(String(m.object.kind)))
    .map((m) => {
      const b = m.object as unknown as RbacObject;
      const ref = b.roleRef;
      const role = ref ? roleFile.get(`${ref.kind}/${ref.kind === "Role" ? (b.metadata?.namespace ?? "") : ""}/${ref.name}`) : undefined;
      const objects = role ? [b, role.object as unknown as RbacObject] : [b];
      return { binding: m, role, authorizer: createRbacAuthorizer(objects) };
    });
  return (request) => {
    const req = rbacRequest(request);
    const files = new Set<string>();
    for (const b of bindings) {
      if (!b.authorizer.allows(req)) continue;
      files.add(b.binding.file);
      if (b.role) files.add(b.role.file);
    }
    return [...files].sort();
  };
}
