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

/** The targets a resource ref covers, with the evaluator's meaning of `*` parts. */
export function targetsOf(ref: ResourceRef, all: readonly Target[]): Target[] {
  if (ref.everything) return [...all];
  return all.filter(
    (t) =>
      t.group === ref.group &&
      (ref.resource === "*" || t.resource === ref.resource) &&
      (ref.subresource === "*" ? t.sub !== "" : t.sub === ref.subresource),
  );
}
