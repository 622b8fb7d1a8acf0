import type { NetworkInventory, NetworkWorkloads } from "@rampart/compiler-networkpolicy";

type Labels = Record<string, string>;
const NAME_LABEL = "kubernetes.io/metadata.name";

/** Label sets a selector matches (one representative: `In` takes its first value, `Exists` any value). */
function selectorLabels(selector: unknown): Labels | undefined {
  if (typeof selector !== "object" || selector === null) return undefined;
  const s = selector as { matchLabels?: Record<string, unknown>; matchExpressions?: { key?: unknown; operator?: unknown; values?: unknown[] }[] };
  const labels: Labels = {};
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) if (typeof v === "string") labels[k] = v;
  for (const e of s.matchExpressions ?? []) {
    if (typeof e.key !== "string") continue;
    if (e.operator === "In" && typeof e.values?.[0] === "string") labels[e.key] = e.values[0];
    if (e.operator === "Exists") labels[e.key] = "rampart-any";
  }
  return labels;
}

/** Every `podSelector` / `namespaceSelector` anywhere in the objects (NetworkPolicies, ClusterNetworkPolicies, …). */
function harvest(value: unknown, pods: Map<string, Labels>, namespaces: Map<string, Labels>): void {
  if (Array.isArray(value)) {
    for (const v of value) harvest(v, pods, namespaces);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    // `namespaces`: ClusterNetworkPolicy subjects and peers that select whole namespaces.
    const into = key === "podSelector" ? pods : key === "namespaceSelector" || key === "namespaces" ? namespaces : undefined;
    const labels = into ? selectorLabels(v) : undefined;
    if (into && labels && Object.keys(labels).length > 0) into.set(JSON.stringify(Object.entries(labels).sort()), labels);
    harvest(v, pods, namespaces);
  }
}

/** The universe a network proof runs on, and a one-line description of it for the output. */
export interface NetworkUniverse {
  workloads: NetworkWorkloads;
  description: string;
}

/**
 * A pods/namespaces universe in which a verdict is possible without a live cluster: the inventory's
 * namespaces (with their recorded labels), those the objects name, and one namespace per
 * namespace-selector label set (not in the inventory: as if created later); in each namespace one
 * unlabelled pod, one pod per pod-selector label set the TrafficPolicies (through their compiled
 * objects) and the tree's policies select, and one pod carrying all of those labels.
 */
export function networkUniverse(inventory: NetworkInventory, objects: readonly Record<string, unknown>[]): NetworkUniverse {
  const podSets = new Map<string, Labels>();
  const nsSets = new Map<string, Labels>();
  harvest(objects, podSets, nsSets);
  const names = new Set(inventory.namespaces);
  for (const o of objects) {
    const ns = (o.metadata as { namespace?: unknown } | undefined)?.namespace;
    if (typeof ns === "string" && ns !== "") names.add(ns);
  }
  const synthetic: { name: string; labels: Labels }[] = [];
  for (const labels of nsSets.values()) {
    const named = labels[NAME_LABEL];
    if (named !== undefined && Object.keys(labels).length === 1) names.add(named);
    else synthetic.push({ name: `rampart-ns-${synthetic.length}`, labels });
  }
  const namespaces = [...[...names].sort().map((name) => ({ name, labels: { ...(inventory.namespaceLabels?.get(name) ?? {}) } as Labels })), ...synthetic];
  const sets = [...podSets.values()];
  const all = Object.assign({}, ...sets) as Labels;
  const podLabels: Labels[] = [{}, ...sets, ...(sets.length > 1 ? [all] : [])];
  const pods = namespaces.flatMap((ns) => podLabels.map((labels, i) => ({ namespace: ns.name, name: `pod-${i}`, labels, ports: [] })));
  return {
    workloads: { namespaces, pods },
    description: `${namespaces.length} namespaces (${names.size} named, ${synthetic.length} by label) × ${podLabels.length} pod label sets = ${pods.length} pods`,
  };
}
