import { hasErrors, whoCan, type AccessRequest, type Diagnostic, type RampartDocument, type WhoCanEntry } from "@rampart/core";
import { serviceAccountGroups, serviceAccountUser } from "@rampart/core/compiler";
import { createRbacAuthorizer, type RbacObject } from "@rampart/compiler-rbac";
import { checkRequest, requestCluster } from "../check-request.js";
import type { Host } from "../host.js";
import { COMMAND_LINE } from "./request-batch.js";

/** A request without its requester, as `who-can` asks it. */
export type OpenRequest = Omit<AccessRequest, "user" | "groups">;

/** Options of `whoCanPolicies`. */
export interface WhoCanPoliciesOptions {
  /** The cluster to decide in (`--cluster`); else the only one. */
  cluster?: string | undefined;
  /** An Inventory file, or `live` (default: the Cluster's `spec.inventory`). */
  inventory?: string | undefined;
  now?: Date | undefined;
  host?: Host;
}

/** The subjects the policies allow, in the cluster chosen; undefined entries when the cluster or the request is invalid. */
export interface WhoCanPoliciesResult {
  cluster?: string;
  entries?: WhoCanEntry[];
  diagnostics: Diagnostic[];
}

/**
 * The subjects the policies allow to make `request`, directly or through another grant. The
 * cluster and the request are checked first: a typo is a diagnostic with a hint, never "nobody".
 */
export async function whoCanPolicies(
  documents: readonly RampartDocument[],
  request: OpenRequest,
  options: WhoCanPoliciesOptions = {},
): Promise<WhoCanPoliciesResult> {
  const ctx = await requestCluster(documents, { cluster: options.cluster, inventory: options.inventory, ...(options.host ? { host: options.host } : {}) });
  const diagnostics = [...ctx.diagnostics, ...(ctx.inventory ? checkRequest(request, ctx.inventory, COMMAND_LINE) : [])];
  if (hasErrors(diagnostics) || !ctx.cluster) return { diagnostics };
  const cluster = ctx.cluster.name;
  const entries = whoCan(documents, request, { cluster, ...(ctx.inventory ? { inventory: ctx.inventory } : {}), ...(options.now ? { now: options.now } : {}) });
  return { cluster, entries, diagnostics };
}

/** A subject an RBAC binding names. */
export interface BoundSubject {
  kind: string;
  name: string;
  /** A ServiceAccount's namespace (the binding's when the subject names none). */
  namespace?: string;
}

/** The user and groups the API server gives a bound subject. */
function requester(s: BoundSubject): { user: string; groups: string[] } {
  if (s.kind === "User") return { user: s.name, groups: [] };
  if (s.kind === "ServiceAccount") return { user: serviceAccountUser(s.namespace ?? "", s.name), groups: serviceAccountGroups(s.namespace ?? "") };
  return { user: "", groups: s.kind === "Group" ? [s.name] : [] };
}

const subjectKey = (s: BoundSubject) => `${s.kind}/${s.namespace ?? ""}/${s.name}`;

/** The subjects bound in plain RBAC manifests (e.g. a cluster dump) that the RBAC authorizer allows `request`, sorted. */
export function whoCanRbac(manifests: readonly Record<string, unknown>[], request: OpenRequest): BoundSubject[] {
  const objects = manifests as unknown as readonly RbacObject[];
  const authorizer = createRbacAuthorizer(objects);
  const subjects = new Map<string, BoundSubject>();
  for (const o of objects) {
    for (const s of o.subjects ?? []) {
      const namespace = s.namespace ?? o.metadata.namespace ?? "";
      subjects.set(`${s.kind}/${namespace}/${s.name}`, { kind: s.kind, name: s.name, ...(s.kind === "ServiceAccount" ? { namespace } : {}) });
    }
  }
  const attributes = {
    verb: request.verb,
    resourceRequest: true,
    apiGroup: request.apiGroup ?? "",
    resource: request.resource ?? "",
    subresource: request.subresource ?? "",
    namespace: request.namespace ?? "",
    name: request.name ?? "",
  };
  return [...subjects.values()].filter((s) => authorizer.allows({ ...requester(s), ...attributes })).sort((a, b) => (subjectKey(a) < subjectKey(b) ? -1 : 1));
}

/** Lines of the subjects RBAC allows (`ServiceAccount ns/name`, `Group name`), or that nobody is. */
export function formatBoundSubjects(subjects: readonly BoundSubject[]): string[] {
  if (subjects.length === 0) return ["nobody: no subject bound in these manifests is allowed"];
  return subjects.map((s) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`));
}

/** Lines of the subjects the policies allow, each with the rule (and for an indirect one, the path) that allows it. */
export function formatWhoCan(entries: readonly WhoCanEntry[]): string[] {
  const lines = entries.length === 0 ? ["nobody: no subject named in the policies is allowed"] : [];
  for (const e of entries) {
    const s = e.subject.kind === "ServiceAccount" ? `ServiceAccount ${e.subject.namespace}/${e.subject.name}` : `${e.subject.kind} ${e.subject.name}`;
    lines.push(
      e.indirect
        ? `${s.padEnd(40)} indirect: ${e.path!.join(" → ")} (${e.rule.policy} rule ${e.rule.rule})`
        : `${s.padEnd(40)} ${e.rule.policy} rule ${e.rule.rule}`,
    );
  }
  return lines;
}
