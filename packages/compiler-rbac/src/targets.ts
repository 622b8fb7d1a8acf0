import type { Inventory, ResourceRef } from "@rampart/core";

/** One concrete thing RBAC can name: a resource or a subresource of the inventory. */
export interface Target {
  readonly group: string;
  readonly resource: string;
  /** "" for the resource itself. */
  readonly sub: string;
  readonly namespaced: boolean;
  /** Verbs the API serves on it. */
  readonly verbs: readonly string[];
}

/** RBAC's resource string: `pods` or `pods/log`. */
export const rbacResource = (t: Target) => (t.sub ? `${t.resource}/${t.sub}` : t.resource);

/** Every target of the inventory. */
export function allTargets(inventory: Inventory): Target[] {
  const out: Target[] = [];
  for (const r of inventory.resources) {
    out.push({ group: r.group, resource: r.resource, sub: "", namespaced: r.namespaced, verbs: r.verbs });
    for (const s of r.subresources) out.push({ group: r.group, resource: r.resource, sub: s.name, namespaced: r.namespaced, verbs: s.verbs });
  }
  return out;
}

/** Does a resource ref cover a target, with the evaluator's meaning of `*` parts? */
export function refCovers(ref: ResourceRef, t: Target): boolean {
  return (
    ref.everything ||
    (t.group === ref.group && (ref.resource === "*" || t.resource === ref.resource) && (ref.subresource === "*" ? t.sub !== "" : t.sub === ref.subresource))
  );
}

/** The targets a resource ref covers. */
export function targetsOf(ref: ResourceRef, all: readonly Target[]): Target[] {
  return ref.everything ? [...all] : all.filter((t) => refCovers(ref, t));
}

/**
 * The RBAC wildcard form of a ref when RBAC means the same by it: `*` (every resource and
 * subresource of every group) and `*\/<sub>` (that subresource of every resource of a group).
 * `*.<group>` and `<resource>/*` have no exact RBAC form (RBAC `*` takes in subresources;
 * `x/*` is not a wildcard in RBAC).
 */
export function wildcardTarget(ref: ResourceRef): Target | undefined {
  if (ref.everything) return { group: "*", resource: "*", sub: "", namespaced: false, verbs: [] };
  if (ref.resource === "*" && ref.subresource !== "" && ref.subresource !== "*")
    return { group: ref.group, resource: "*", sub: ref.subresource, namespaced: false, verbs: [] };
  return undefined;
}
