import type { AccessRequest } from "../evaluator/types.js";

/** A (group, resource, subresource) triple. */
interface Kind {
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource: string;
}

/** A request that, once allowed, reaches the target request indirectly. */
export interface IndirectRoute {
  /** The enabling request (without subject), decided by the evaluator as any direct request. */
  readonly enabling: Omit<AccessRequest, "user" | "groups">;
  /** Human-readable steps, the first naming the enabling grant (`create deployments.apps`). */
  readonly path: readonly string[];
  /** Short account of how the target is reached, for lint findings. */
  readonly how: string;
}

/** The controllers that create pods from a template (Kubernetes' RBAC good practices: workload creation). */
export const WORKLOAD_KINDS: readonly Kind[] = [
  { apiGroup: "apps", resource: "deployments", subresource: "" },
  { apiGroup: "apps", resource: "replicasets", subresource: "" },
  { apiGroup: "apps", resource: "statefulsets", subresource: "" },
  { apiGroup: "apps", resource: "daemonsets", subresource: "" },
  { apiGroup: "batch", resource: "jobs", subresource: "" },
  { apiGroup: "batch", resource: "cronjobs", subresource: "" },
  { apiGroup: "", resource: "replicationcontrollers", subresource: "" },
];
const PODS: Kind = { apiGroup: "", resource: "pods", subresource: "" };

/** `deployments.apps`, `pods/ephemeralcontainers`. */
export function kindText(k: Kind): string {
  return `${k.resource}${k.apiGroup ? `.${k.apiGroup}` : ""}${k.subresource ? `/${k.subresource}` : ""}`;
}

const is = (r: Omit<AccessRequest, "user" | "groups">, verbs: readonly string[], k: Kind) =>
  verbs.includes(r.verb) &&
  (r.apiGroup ?? "") === k.apiGroup &&
  (r.resource ?? "") === k.resource &&
  (r.subresource ?? "") === k.subresource &&
  !r.nonResourceURL;

const RUNS_AS = "runs pods as any ServiceAccount of the namespace";

/**
 * The indirect routes to a request, in a fixed order (pods first, then the workload kinds).
 * Each enabling request is in the target's namespace and cluster: a pod can only mount
 * secrets and ServiceAccounts of its own namespace. Routes kept, and why:
 * - `create pods` ← `create` of a workload kind: its controller creates the pods.
 * - `get secrets` ← `create` of pods or a workload kind: a pod mounts any secret of its
 *   namespace by name, and the process reads it.
 * - `create serviceaccounts/token` ← `create` of pods or a workload kind: a pod runs as any
 *   ServiceAccount of its namespace and gets its token mounted.
 * - `create`/`get pods/exec` ← `update`/`patch pods/ephemeralcontainers` of the same pod: the
 *   added container runs any command inside the pod, as exec does.
 * Not kept: `list`/`watch secrets` (mounting needs the secret's name; it does not enumerate),
 * exec → secrets (exec reaches only what the running pods mount, not any secret).
 */
export function indirectRoutes(request: Omit<AccessRequest, "user" | "groups">): IndirectRoute[] {
  const base = { namespace: request.namespace ?? "", ...(request.cluster === undefined ? {} : { cluster: request.cluster }) };
  const create = (k: Kind, name: string) => ({ ...base, verb: "create", ...k, name });
  if (is(request, ["create"], PODS)) {
    return WORKLOAD_KINDS.map((k) => ({
      enabling: create(k, ""),
      path: [`create ${kindText(k)}`, "its controller creates pods of any spec in the namespace"],
      how: "let a controller create the pods",
    }));
  }
  if (is(request, ["get"], { apiGroup: "", resource: "secrets", subresource: "" })) {
    return [PODS, ...WORKLOAD_KINDS].map((k) => ({
      enabling: create(k, ""),
      path: [`create ${kindText(k)}`, RUNS_AS, "mounts any secret of the namespace"],
      how: "mount the secret in a pod",
    }));
  }
  if (is(request, ["create"], { apiGroup: "", resource: "serviceaccounts", subresource: "token" })) {
    return [PODS, ...WORKLOAD_KINDS].map((k) => ({
      enabling: create(k, ""),
      path: [`create ${kindText(k)}`, RUNS_AS, "obtains a token of any ServiceAccount of the namespace"],
      how: "run a pod as a privileged ServiceAccount and read its mounted token",
    }));
  }
  if (is(request, ["create", "get"], { apiGroup: "", resource: "pods", subresource: "exec" })) {
    const eph = { apiGroup: "", resource: "pods", subresource: "ephemeralcontainers" };
    return ["patch", "update"].map((verb) => ({
      enabling: { ...base, verb, ...eph, name: request.name ?? "" },
      path: [`${verb} pods/ephemeralcontainers`, "adds an ephemeral container to the pod", "runs any command in the pod, as exec does"],
      how: "add an ephemeral container to the pod",
    }));
  }
  return [];
}
