import type { AccessRequest } from "@rampart/core";
import { serviceAccountGroups, serviceAccountNamespace } from "@rampart/core/compiler";
import type { RbacAuthorizer } from "../authorizer.js";
import { closureOf, type Principal } from "../principals.js";
import type { RbacRequest } from "../rbac-types.js";
import type { Target } from "../targets.js";

/** A subject of the proof: a principal with the groups it holds and its RBAC decisions. */
export interface Requester {
  readonly principal: Principal;
  readonly user: string;
  readonly groups: readonly string[];
  /** Tokens of every principal this requester may also be (see principals.ts). */
  readonly closure: readonly string[];
  readonly rbac: (r: Omit<RbacRequest, "user" | "groups">) => boolean;
}

/** A request in both shapes at once: the evaluator's and the RBAC authorizer's (one allocation per request). */
export interface Req extends AccessRequest, Omit<RbacRequest, "user" | "groups"> {
  readonly user: string;
  readonly groups: readonly string[];
  readonly requester: Requester;
}

/** The groups a principal holds on its own: a group itself; a ServiceAccount its `system:serviceaccounts[:<ns>]`. */
function ownGroups(p: Principal): string[] {
  if ("group" in p) return [p.group];
  const namespace = serviceAccountNamespace(p.user);
  return namespace === undefined ? [] : serviceAccountGroups(namespace);
}

/** One requester per principal, with RBAC specialised to it once. */
export function requesterTable(authorizer: RbacAuthorizer): (p: Principal) => Requester {
  const requesters = new Map<string, Requester>();
  return (p) => {
    const key = "user" in p ? `u:${p.user}` : `g:${p.group}`;
    let r = requesters.get(key);
    if (!r) {
      const user = "user" in p ? p.user : "";
      const groups = ownGroups(p);
      requesters.set(key, (r = { principal: p, user, groups, closure: closureOf(p), rbac: authorizer.forUser(user, groups) }));
    }
    return r;
  };
}

/** A resource request of a requester. */
export function resourceRequest(s: Requester, verb: string, t: Target, namespace: string, name: string): Req {
  return {
    verb,
    apiGroup: t.group,
    resource: t.resource,
    subresource: t.sub,
    namespace,
    name,
    user: s.user,
    groups: s.groups,
    resourceRequest: true,
    requester: s,
  };
}

/** A non-resource request of a requester. */
export function urlRequest(s: Requester, verb: string, path: string): Req {
  return { verb, nonResourceURL: path, user: s.user, groups: s.groups, resourceRequest: false, path, requester: s };
}

/** The request made by a requester that is both the request's and `t`. */
export function combine(r: Req, t: Principal): Req {
  const user = r.user || ("user" in t ? t.user : "");
  const extra = "group" in t ? [t.group] : ownGroups(t);
  return { ...r, user, groups: [...new Set([...r.groups, ...extra])] };
}

/** The request as reported: the evaluator's fields only, in their usual order. */
export function plain(r: Req): AccessRequest {
  return r.resourceRequest
    ? {
        verb: r.verb,
        apiGroup: r.apiGroup ?? "",
        resource: r.resource ?? "",
        subresource: r.subresource ?? "",
        namespace: r.namespace ?? "",
        name: r.name ?? "",
        user: r.user,
        groups: r.groups,
      }
    : { verb: r.verb, nonResourceURL: r.nonResourceURL ?? "", user: r.user, groups: r.groups };
}
