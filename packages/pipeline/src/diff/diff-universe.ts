// The universe of an access diff: every resource and subresource either inventory serves, with its
// verbs, and the inventory's object names that represent name classes.
import { resourceKey, type Inventory } from "@rampart/core";

/** One (group, resource, subresource) of the universe with the verbs the API serves for it. */
export interface UniverseResource {
  group: string;
  resource: string;
  subresource: string;
  verbs: readonly string[];
  namespaced: boolean;
}

/** Inventory values tried first as class representatives (examples show real names); more only cost time. */
export const MAX_PREFERRED = 50;

/** Every resource and subresource of either inventory, with its verbs. */
export function universe(a: Inventory, b: Inventory): UniverseResource[] {
  const out = new Map<string, UniverseResource>();
  for (const inv of [a, b]) {
    for (const r of inv.resources) {
      const add = (subresource: string, verbs: readonly string[]) => {
        const key = `${r.group}/${r.resource}/${subresource}`;
        const prev = out.get(key);
        const merged = prev === undefined ? verbs : [...new Set([...prev.verbs, ...verbs])];
        out.set(key, { group: r.group, resource: r.resource, subresource, verbs: merged, namespaced: (prev?.namespaced ?? false) || r.namespaced });
      };
      add("", r.verbs);
      for (const s of r.subresources) add(s.name, s.verbs);
    }
  }
  return [...out.values()].sort((x, y) => cmp(x.group, y.group) || cmp(x.resource, y.resource) || cmp(x.subresource, y.subresource));
}

/** Code-unit order, as the sort of a stable output needs. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an inventory holds the resource as namespaced (undefined: it does not know it). */
export function namespaced(inv: Inventory, r: UniverseResource): boolean | undefined {
  return inv.resource(r.group, r.resource)?.namespaced;
}

/** Up to `MAX_PREFERRED` object names of the resource (namespaces in order), to represent classes by real names. */
export function inventoryNames(a: Inventory, b: Inventory, r: UniverseResource): string[] {
  const names = new Set<string>();
  for (const inv of [a, b]) {
    const perNs = inv.objects.get(resourceKey(r.group, r.resource));
    if (perNs === undefined) continue;
    for (const ns of [...perNs.keys()].sort()) {
      for (const n of perNs.get(ns)!) if (names.add(n).size >= MAX_PREFERRED) return [...names].sort();
    }
  }
  return [...names].sort();
}
