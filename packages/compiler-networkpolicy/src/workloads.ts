import { documentsOfKind, type RampartDocument } from "@rampart/core";
import type { NetworkInventory } from "./compile.js";
import type { Namespace, Pod, PodPort } from "./model.js";

type Obj = Record<string, any>;
const CONTROLLERS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]);

function ports(spec: Obj | undefined): PodPort[] {
  const out: PodPort[] = [];
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])] as Obj[]) {
    for (const p of (c.ports ?? []) as Obj[]) {
      const port: PodPort = { port: Number(p.containerPort), protocol: p.protocol === "UDP" || p.protocol === "SCTP" ? p.protocol : "TCP" };
      if (p.name) port.name = String(p.name);
      out.push(port);
    }
  }
  return out;
}

/**
 * Workloads from Kubernetes manifests: Namespaces, Pods (grouped by owner) and pod-template
 * controllers (one representative pod each), displayed as `ns/name[Kind]`.
 */
export function workloadsFromManifests(objects: readonly Record<string, unknown>[]): { namespaces: Namespace[]; pods: Pod[] } {
  const namespaces = new Map<string, Namespace>();
  const pods = new Map<string, Pod>();
  for (const o of objects as Obj[]) {
    const meta = (o.metadata ?? {}) as Obj;
    const ns = String(meta.namespace ?? "default");
    if (o.kind === "Namespace") namespaces.set(meta.name, { name: meta.name, labels: meta.labels ?? {} });
    else if (o.kind === "Pod") {
      const owner = (meta.ownerReferences ?? [])[0] as Obj | undefined;
      const display = owner ? `${ns}/${owner.name}[${owner.kind}]` : `${ns}/${meta.name}[Pod]`;
      if (!pods.has(display)) pods.set(display, { namespace: ns, name: String(meta.name), labels: meta.labels ?? {}, ports: ports(o.spec), display });
    } else if (CONTROLLERS.has(o.kind)) {
      const template = o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template : o.spec?.template;
      const display = `${ns}/${meta.name}[${o.kind}]`;
      if (!pods.has(display))
        pods.set(display, { namespace: ns, name: String(meta.name), labels: template?.metadata?.labels ?? {}, ports: ports(template?.spec), display });
    }
  }
  for (const p of pods.values()) if (!namespaces.has(p.namespace)) namespaces.set(p.namespace, { name: p.namespace, labels: {} });
  return { namespaces: [...namespaces.values()], pods: [...pods.values()] };
}

/**
 * The inventory of a workload set, for compiling against it: its namespaces and those of the
 * Inventory documents, with their labels (a workload namespace's own labels win over recorded ones).
 */
export function workloadInventory(documents: readonly RampartDocument[], namespaces: readonly Namespace[]): NetworkInventory {
  const labels = new Map<string, Record<string, string>>();
  for (const d of documentsOfKind(documents, "Inventory")) {
    for (const ns of d.spec.namespaces ?? []) if (!labels.has(ns)) labels.set(ns, {});
    for (const [ns, l] of Object.entries(d.spec.namespaceLabels ?? {})) labels.set(ns, { ...labels.get(ns), ...l });
  }
  for (const n of namespaces) labels.set(n.name, { ...labels.get(n.name), ...n.labels });
  return { namespaces: [...labels.keys()].sort(), namespaceLabels: labels };
}
