import { diagnostic, type Diagnostic } from "@rampart/core";
import { contextPosition, isFatal, parseResourceList, type DiscoveredResource } from "./discovery.js";
import { MANAGED_SELECTOR, refKey, refOf, type AnyObject, type ObjectRef } from "./drift.js";
import { groupVersionPath, KubeError, resourcePath, splitApiVersion, type KubeClient } from "./kube-client.js";
import { listAll } from "./list.js";
import { mapLimit } from "./map-limit.js";

/** Kinds rampart generates: always searched for leftovers, even when the build has none of them. */
export const MANAGED_KINDS: readonly { apiVersion: string; kind: string }[] = [
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" },
  { apiVersion: "policy.networking.k8s.io/v1alpha2", kind: "ClusterNetworkPolicy" },
  { apiVersion: "policy.networking.k8s.io/v1alpha1", kind: "AdminNetworkPolicy" },
];

/** What the cluster holds for a diff. */
export interface LiveState {
  /** Objects labelled managed-by rampart, plus desired objects found by name without the label. */
  objects: AnyObject[];
  /** Desired objects whose API the cluster does not serve → why. */
  unserved: Map<string, string>;
  /** Warnings (e.g. a generated kind that may not be listed, so its leftovers are unknown). */
  diagnostics: Diagnostic[];
}

interface KindPlan {
  apiVersion: string;
  kind: string;
  desired: boolean;
  resource?: DiscoveredResource;
}

/**
 * Reads the cluster side of a diff: resolves each kind to its resource through discovery of
 * its group-version, lists every object labelled `app.kubernetes.io/managed-by=rampart`
 * (all namespaces, paginated), then GETs by name the desired objects the lists lacked (an
 * object whose label was removed is drift, not absence). A kind of the build that cannot be
 * listed rejects (the diff would be wrong); another generated kind only warns.
 */
export async function readLive(client: KubeClient, desired: readonly AnyObject[], onStep: (message: string) => void = () => {}): Promise<LiveState> {
  const at = contextPosition(client.context);
  const diagnostics: Diagnostic[] = [];
  const plans = new Map<string, KindPlan>();
  for (const k of MANAGED_KINDS) plans.set(`${k.apiVersion} ${k.kind}`, { ...k, desired: false });
  for (const o of desired) {
    const ref = refOf(o);
    if (ref) plans.set(`${ref.apiVersion} ${ref.kind}`, { apiVersion: ref.apiVersion, kind: ref.kind, desired: true });
  }
  const byGroupVersion = new Map<string, KindPlan[]>();
  for (const p of [...plans.values()].sort((a, b) => (`${a.apiVersion} ${a.kind}` < `${b.apiVersion} ${b.kind}` ? -1 : 1))) {
    byGroupVersion.set(p.apiVersion, [...(byGroupVersion.get(p.apiVersion) ?? []), p]);
  }
  onStep(`discovering ${byGroupVersion.size} API group-versions`);
  await mapLimit([...byGroupVersion], 8, async ([apiVersion, kinds]) => {
    const { group, version } = splitApiVersion(apiVersion);
    try {
      const resources = parseResourceList(await client.get(groupVersionPath(group, version)), group, version);
      for (const p of kinds) {
        const r = resources.find((x) => x.kind === p.kind);
        if (r) p.resource = r;
      }
    } catch (error) {
      if (isFatal(error) || (error instanceof KubeError && error.kind !== "not-found" && kinds.some((k) => k.desired))) throw error;
    }
  });
  const objects: AnyObject[] = [];
  const served = [...plans.values()].filter((p) => p.resource);
  for (const p of served) {
    const r = p.resource!;
    onStep(`listing ${p.kind} objects managed by rampart`);
    try {
      for (const item of await listAll(client, resourcePath(r.group, r.version, r.resource), { labelSelector: MANAGED_SELECTOR })) {
        objects.push({ ...item, apiVersion: p.apiVersion, kind: p.kind });
      }
    } catch (error) {
      if (isFatal(error) || p.desired) throw error;
      diagnostics.push(
        diagnostic(
          "diff-partial",
          "warning",
          `cannot list \`${r.resource}.${r.group}\` in context \`${client.context}\`: ${(error as Error).message}`,
          at,
          `leftover ${p.kind} objects are not reported; grant \`list\` on them to find them`,
        ),
      );
    }
  }
  const found = new Set(objects.flatMap((o) => refOf(o) ?? []).map(refKey));
  const unserved = new Map<string, string>();
  const lookups: { ref: ObjectRef; plan: KindPlan }[] = [];
  for (const o of desired) {
    const ref = refOf(o);
    if (!ref || found.has(refKey(ref))) continue;
    const plan = plans.get(`${ref.apiVersion} ${ref.kind}`)!;
    if (!plan.resource) unserved.set(refKey(ref), `the cluster does not serve \`${ref.apiVersion}\` ${ref.kind}`);
    else lookups.push({ ref, plan });
  }
  if (lookups.length > 0) onStep(`looking up ${lookups.length} objects without the managed-by label`);
  const fetched = await mapLimit(lookups, 8, async ({ ref, plan }) => {
    const r = plan.resource!;
    try {
      const o = (await client.get(
        `${resourcePath(r.group, r.version, r.resource, r.namespaced ? (ref.namespace ?? "default") : undefined)}/${encodeURIComponent(ref.name)}`,
      )) as AnyObject;
      return { ...o, apiVersion: plan.apiVersion, kind: plan.kind };
    } catch (error) {
      if (error instanceof KubeError && error.kind === "not-found") return undefined;
      throw error;
    }
  });
  for (const o of fetched) if (o) objects.push(o);
  return { objects, unserved, diagnostics };
}
