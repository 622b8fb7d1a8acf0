import { builtinResources, diagnostic, resourceKey, type AccessPolicyIR, type ApiResource, type Diagnostic } from "@rampart/core";
import { contextPosition, discover, isFatal, type DiscoveredResource } from "./discovery.js";
import { asRecord, resourcePath, type KubeClient } from "./kube-client.js";
import { itemName, listAll } from "./list.js";
import { listPlan, nameTargets, wantsNamespace, type NameTarget } from "./name-targets.js";

/** A pulled inventory, in the shape of an Inventory document's `spec` (and of `createInventory`'s input). */
export interface PulledInventory {
  kubernetesVersion?: string;
  namespaces: string[];
  /** Labels per namespace, without the implied `kubernetes.io/metadata.name`; namespaces with no other label are left out. */
  namespaceLabels: Record<string, Record<string, string>>;
  /** Served resources that are not built in (CRDs, aggregated APIs), sorted by group and resource. */
  resources: ApiResource[];
  /** Names per resource key: namespace → names, or a plain list for cluster-scoped resources. */
  objects: Record<string, string[] | Record<string, string[]>>;
}

/** Counts for the summary line. */
export interface PullStats {
  resources: number;
  extraResources: number;
  namespaces: number;
  names: number;
  targets: string[];
}

/** Options of a pull. */
export interface PullOptions {
  /** The normalised AccessPolicies: names are pulled for the resources they name by pattern. */
  policies?: readonly AccessPolicyIR[];
  /** Instant (epoch ms) that decides which rules have expired. */
  now?: number;
  /** Restrict to the policies selecting a cluster with these tags. */
  clusterTags?: Readonly<Record<string, string>>;
  /** Progress callback: one call per step. */
  onStep?: (message: string) => void;
}

const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VERB = /^[a-z]+$/;

/** The served resources an inventory must list: those not built in, in the Inventory document's shape. */
export function extraResources(resources: readonly DiscoveredResource[]): ApiResource[] {
  const builtin = new Set(builtinResources().map((r) => resourceKey(r.group, r.resource)));
  const out: ApiResource[] = [];
  for (const r of resources) {
    const verbs = r.verbs.filter((v) => VERB.test(v));
    if (builtin.has(resourceKey(r.group, r.resource)) || !RESOURCE_NAME.test(r.resource) || verbs.length === 0 || r.kind === "") continue;
    const api: ApiResource = { group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced, verbs };
    if (r.subresources.length > 0) api.subresources = r.subresources.map((s) => s.name);
    out.push(api);
  }
  return out;
}

/** Lists every namespace with its labels (sorted by name; `kubernetes.io/metadata.name` is implied, so dropped). */
async function pullNamespaces(client: KubeClient): Promise<{ name: string; labels: Record<string, string> }[]> {
  const items = await listAll(client, "/api/v1/namespaces", { metadataOnly: true });
  const out = items.flatMap((i) => {
    const name = itemName(i)?.name;
    if (name === undefined) return [];
    const raw = asRecord(asRecord(i.metadata)?.labels) ?? {};
    const labels = Object.entries(raw)
      .filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "kubernetes.io/metadata.name")
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return [{ name, labels: Object.fromEntries(labels) }];
  });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Lists the names a target needs; namespaced targets start with an empty list for every covered namespace. */
async function pullNames(client: KubeClient, target: NameTarget, namespaces: readonly string[] | undefined): Promise<string[] | Record<string, string[]>> {
  const r = target.resource;
  if (!r.namespaced) {
    const items = await listAll(client, resourcePath(r.group, r.version, r.resource), { metadataOnly: true });
    return [...new Set(items.flatMap((i) => itemName(i)?.name ?? []))].sort();
  }
  const perNs = new Map<string, Set<string>>();
  const known = namespaces ?? target.namespaces?.filter((g) => g.literal).map((g) => g.source) ?? [];
  for (const ns of known) if (wantsNamespace(target, ns)) perNs.set(ns, new Set());
  const plan = listPlan(target, known);
  const paths =
    "perNamespace" in plan ? plan.perNamespace.map((ns) => resourcePath(r.group, r.version, r.resource, ns)) : [resourcePath(r.group, r.version, r.resource)];
  for (const path of paths) {
    for (const item of await listAll(client, path, { metadataOnly: true })) {
      const id = itemName(item);
      if (!id || id.namespace === "" || !wantsNamespace(target, id.namespace)) continue;
      let names = perNs.get(id.namespace);
      if (!names) perNs.set(id.namespace, (names = new Set()));
      names.add(id.name);
    }
  }
  return Object.fromEntries([...perNs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ns, names]) => [ns, [...names].sort()]));
}

/**
 * Pulls an inventory from a live cluster: discovery (version and resources), namespaces with their labels, and
 * the object names of the resources the policies name by pattern. Partial failures (an API
 * that is down, a list that is forbidden) are warnings and leave that part out; an
 * unreachable server or rejected credentials reject with a `KubeError`.
 */
export async function pullInventory(
  client: KubeClient,
  options: PullOptions = {},
): Promise<{ inventory: PulledInventory; diagnostics: Diagnostic[]; stats: PullStats }> {
  const step = options.onStep ?? (() => {});
  const at = contextPosition(client.context);
  const discovery = await discover(client, { onStep: step });
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  step("listing namespaces");
  let namespaces: string[] | undefined;
  const namespaceLabels: PulledInventory["namespaceLabels"] = {};
  try {
    const listed = await pullNamespaces(client);
    namespaces = listed.map((n) => n.name);
    for (const n of listed) if (Object.keys(n.labels).length > 0) namespaceLabels[n.name] = n.labels;
  } catch (error) {
    if (isFatal(error)) throw error;
    diagnostics.push(
      diagnostic(
        "inventory-namespaces",
        "warning",
        `cannot list namespaces in context \`${client.context}\`: ${(error as Error).message}`,
        at,
        "grant `list` on namespaces to the puller, or the inventory holds no namespaces",
      ),
    );
  }
  const targets = nameTargets(options.policies ?? [], discovery.resources, {
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.clusterTags !== undefined ? { clusterTags: options.clusterTags } : {}),
  });
  const objects: PulledInventory["objects"] = {};
  let count = 0;
  for (const [i, target] of targets.entries()) {
    step(`listing names of \`${target.key}\` (${i + 1}/${targets.length})`);
    try {
      const names = await pullNames(client, target, namespaces);
      objects[target.key] = names;
      count += Array.isArray(names) ? names.length : Object.values(names).reduce((n, l) => n + l.length, 0);
    } catch (error) {
      if (isFatal(error)) throw error;
      diagnostics.push(
        diagnostic(
          "inventory-names",
          "warning",
          `cannot list \`${target.key}\` in context \`${client.context}\`: ${(error as Error).message}`,
          at,
          `its names are missing from the inventory, so the name patterns of ${target.rules.join(", ")} grant less; grant \`list\` on \`${target.key}\` to the puller`,
        ),
      );
    }
  }
  // namespaces seen in the name lists count too (the namespace list may be forbidden, or older)
  const allNamespaces = new Set(namespaces ?? []);
  for (const names of Object.values(objects)) if (!Array.isArray(names)) for (const ns of Object.keys(names)) allNamespaces.add(ns);
  const inventory: PulledInventory = { namespaces: [...allNamespaces].sort(), namespaceLabels, resources: extraResources(discovery.resources), objects };
  if (discovery.kubernetesVersion !== undefined) inventory.kubernetesVersion = discovery.kubernetesVersion;
  return {
    inventory,
    diagnostics,
    stats: {
      resources: discovery.resources.length,
      extraResources: inventory.resources.length,
      namespaces: inventory.namespaces.length,
      names: count,
      targets: targets.map((t) => t.key),
    },
  };
}
