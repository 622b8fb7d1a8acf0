import type { ApiResource, InventoryDocument } from "../schema/inventory.js";
import { BUILTIN_KUBERNETES_VERSION, BUILTIN_RESOURCES } from "./builtin-v1.35.js";
import type { InventoryResource } from "./types.js";

/**
 * What a cluster holds: API resources (built-in plus CRDs), namespaces and, optionally,
 * object names per resource and namespace (for name patterns).
 */
export interface Inventory {
  readonly kubernetesVersion: string;
  readonly resources: readonly InventoryResource[];
  readonly namespaces: readonly string[];
  /** Recorded labels per namespace (without the implied `kubernetes.io/metadata.name`); namespaces without labels are absent. */
  readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Object names: resource key (`pods`, `deployments.apps`) → namespace ("" when cluster-scoped) → names. */
  readonly objects: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** The resource with this group and plural name. */
  resource(group: string, resource: string): InventoryResource | undefined;
  /** Known object names of a resource in a namespace ("" for cluster-scoped); undefined when not inventoried. */
  names(group: string, resource: string, namespace: string): readonly string[] | undefined;
}

/** Input of `createInventory`: everything optional, built-in resources always implied. */
export interface InventoryInput {
  kubernetesVersion?: string;
  namespaces?: readonly string[];
  namespaceLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  resources?: readonly ApiResource[];
  objects?: Record<string, readonly string[] | Record<string, readonly string[]>>;
}

/** The label Kubernetes sets on every namespace to its name (implied in `namespaceLabels`). */
const NAME_LABEL = "kubernetes.io/metadata.name";

/** The key of a resource in `objects`: `pods`, `deployments.apps`. */
export function resourceKey(group: string, resource: string): string {
  return group === "" ? resource : `${resource}.${group}`;
}

let builtin: InventoryResource[] | undefined;

/** The built-in API resources of the Kubernetes version rampart ships (see `BUILTIN_KUBERNETES_VERSION`). */
export function builtinResources(): readonly InventoryResource[] {
  builtin ??= BUILTIN_RESOURCES.map(([group, version, stability, resource, kind, namespaced, verbs, subs]) => ({
    group,
    version,
    resource,
    kind,
    namespaced,
    verbs,
    subresources: subs.map(([name, v]) => ({ name, verbs: v })),
    stability: stability as InventoryResource["stability"],
    builtin: true,
  }));
  return builtin;
}

/** Builds an inventory: the built-in resources plus the given CRDs, namespaces and object names. */
export function createInventory(input: InventoryInput = {}): Inventory {
  const byKey = new Map<string, InventoryResource>();
  for (const r of builtinResources()) byKey.set(resourceKey(r.group, r.resource), r);
  for (const r of input.resources ?? []) {
    byKey.set(resourceKey(r.group, r.resource), {
      group: r.group,
      version: r.version,
      resource: r.resource,
      kind: r.kind,
      namespaced: r.namespaced,
      verbs: [...r.verbs].sort(),
      subresources: (r.subresources ?? []).map((name) => ({ name, verbs: ["get", "patch", "update"] })),
      stability: "ga",
      builtin: false,
    });
  }
  const resources = [...byKey.values()].sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
  const objects = new Map<string, Map<string, readonly string[]>>();
  for (const [key, value] of Object.entries(input.objects ?? {})) {
    const perNs = new Map<string, readonly string[]>();
    if (Array.isArray(value)) perNs.set("", [...new Set(value)].sort());
    else for (const [ns, names] of Object.entries(value as Record<string, readonly string[]>)) perNs.set(ns, [...new Set(names)].sort());
    objects.set(key, perNs);
  }
  const namespaces = new Set(input.namespaces ?? []);
  for (const perNs of objects.values()) for (const ns of perNs.keys()) if (ns !== "") namespaces.add(ns);
  const namespaceLabels = new Map<string, Readonly<Record<string, string>>>();
  for (const [ns, labels] of Object.entries(input.namespaceLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    namespaces.add(ns);
    const own = Object.entries(labels)
      .filter(([k]) => k !== NAME_LABEL)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (own.length > 0) namespaceLabels.set(ns, Object.fromEntries(own));
  }
  return {
    kubernetesVersion: input.kubernetesVersion ?? BUILTIN_KUBERNETES_VERSION,
    resources,
    namespaces: [...namespaces].sort(),
    namespaceLabels,
    objects,
    resource: (group, resource) => byKey.get(resourceKey(group, resource)),
    names: (group, resource, namespace) => objects.get(resourceKey(group, resource))?.get(namespace),
  };
}

/** Builds an inventory from a validated Inventory document. */
export function inventoryFromDocument(doc: InventoryDocument): Inventory {
  const spec = doc.spec;
  const input: InventoryInput = {};
  if (spec.kubernetesVersion !== undefined) input.kubernetesVersion = spec.kubernetesVersion;
  if (spec.namespaces !== undefined) input.namespaces = spec.namespaces;
  if (spec.namespaceLabels !== undefined) input.namespaceLabels = spec.namespaceLabels;
  if (spec.resources !== undefined) input.resources = spec.resources;
  if (spec.objects !== undefined) input.objects = spec.objects;
  return createInventory(input);
}

export { BUILTIN_KUBERNETES_VERSION };
