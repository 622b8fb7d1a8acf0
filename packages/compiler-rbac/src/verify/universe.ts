import type { AccessPolicyIR, Inventory } from "@rampart/core";
import type { RbacObject } from "../rbac-types.js";
import { allTargets, type Target } from "../targets.js";
import { knownNamespaces, urlSamples } from "../universe.js";
import { nameClasses, type NameClasses } from "./name-classes.js";

/** The request universe of the proof, apart from subjects: targets, namespaces, URLs and names. */
export interface RequestUniverse {
  readonly targets: readonly Target[];
  /** The inventory's namespaces, the literal ones of the policies and those of the RoleBindings. */
  readonly namespaces: readonly string[];
  /** Sample paths for every URL glob of the policies and URL entry of the roles. */
  readonly urls: readonly string[];
  readonly names: NameClasses;
}

/** Builds the request universe over the inventory, the policies and the objects under proof. */
export function requestUniverse(policies: readonly AccessPolicyIR[], objects: readonly RbacObject[], inventory: Inventory): RequestUniverse {
  const bindingNamespaces = objects.filter((o) => o.kind === "RoleBinding" && o.metadata?.namespace).map((o) => o.metadata.namespace!);
  const urls = urlSamples([
    ...policies.flatMap((p) => p.rules.flatMap((r) => (r.nonResourceURLs ?? []).map((g) => g.source))),
    ...objects.flatMap((o) => (o.rules ?? []).flatMap((r) => r.nonResourceURLs ?? [])),
  ]);
  return {
    targets: allTargets(inventory),
    namespaces: [...new Set([...knownNamespaces(inventory, policies), ...bindingNamespaces])].sort(),
    urls,
    names: nameClasses(policies, objects, inventory),
  };
}

/** The Namespace object: `GET /api/v1/namespaces/{ns}` carries namespace={ns} and name={ns} (SEMANTICS.md §1). */
export const isNamespaceObject = (t: Target) => t.group === "" && t.resource === "namespaces";
