import type { AccessPolicyIR, Inventory } from "@rampart/core";
import type { RbacObject } from "../rbac-types.js";
import type { Target } from "../targets.js";

/** A name no inventory holds: stands for every object created after the build. */
export const UNKNOWN_NAME = "rampart-unknown-name";

/** Representatives of the names of the universe, one per class. */
export interface NameClasses {
  /** Representatives of the known names of a target in a scope, an unknown name and the empty name. */
  universeNames(t: Target, namespace: string): string[];
  /** Representatives of a resourceNames list. */
  grantedNames(names: readonly string[]): string[];
}

/**
 * Name classes. The policies see a name only through their name globs, RBAC only through the
 * resourceNames lists that hold it: names alike in both are decided alike, so one name per class
 * stands for the class, exactly (known names of a scope, an unknown name and the empty name).
 */
export function nameClasses(policies: readonly AccessPolicyIR[], objects: readonly RbacObject[], inventory: Inventory): NameClasses {
  const globs = [...new Map(policies.flatMap((p) => p.rules.flatMap((r) => r.names ?? [])).map((g) => [g.source, g])).values()];
  const memberOf = resourceNameLists(objects);
  const classes = new Map<string, string>();
  const classOf = (n: string): string => {
    let c = classes.get(n);
    if (c === undefined) classes.set(n, (c = `${globs.map((g) => (g.test(n) ? "1" : "0")).join("")}|${memberOf.get(n)?.join(",") ?? ""}`));
    return c;
  };
  const pick = (names: Iterable<string>): string[] => {
    const seen = new Map<string, string>();
    for (const n of names) if (n === "" || !seen.has(classOf(n))) seen.set(n === "" ? "" : classOf(n), n);
    return [...seen.values()];
  };
  const knownNames = (t: Target, ns: string): readonly string[] => {
    if (!t.namespaced || ns !== "") return inventory.names(t.group, t.resource, t.namespaced ? ns : "") ?? [];
    const all = new Set<string>();
    for (const n of inventory.namespaces) for (const name of inventory.names(t.group, t.resource, n) ?? []) all.add(name);
    return [...all];
  };
  const scopeNames = new Map<string, string[]>();
  const listNames = new Map<readonly string[], string[]>();
  return {
    universeNames(t, ns) {
      const key = `${t.group}/${t.resource}/${ns}`;
      let list = scopeNames.get(key);
      if (!list) scopeNames.set(key, (list = [...pick([...knownNames(t, ns), UNKNOWN_NAME]), ""]));
      return list;
    },
    grantedNames(names) {
      let list = listNames.get(names);
      if (!list) listNames.set(names, (list = pick(names)));
      return list;
    },
  };
}

/** For each name in some resourceNames list: the ids of the distinct lists that hold it. */
function resourceNameLists(objects: readonly RbacObject[]): Map<string, number[]> {
  const listIds = new Map<string, number>();
  const memberOf = new Map<string, number[]>();
  for (const o of objects) {
    for (const rule of o.rules ?? []) {
      if (!rule.resourceNames?.length) continue;
      const key = rule.resourceNames.join("\u0000");
      if (listIds.has(key)) continue;
      const id = listIds.size;
      listIds.set(key, id);
      for (const n of new Set(rule.resourceNames)) {
        const ids = memberOf.get(n);
        if (ids) ids.push(id);
        else memberOf.set(n, [id]);
      }
    }
  }
  return memberOf;
}
