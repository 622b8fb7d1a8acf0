// The API server defaults objects before admission; offline admission applies the defaults that
// the checks can observe, so that a manifest is judged as the cluster would see it.

/** Pod specs of a manifest (a Pod's own, or a controller's template). */
function podSpecOf(manifest: Record<string, unknown>): Record<string, unknown> | undefined {
  const spec = manifest.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== "object") return undefined;
  if (manifest.kind === "Pod") return spec;
  const template =
    manifest.kind === "CronJob"
      ? (spec.jobTemplate as { spec?: { template?: { spec?: unknown } } } | undefined)?.spec?.template
      : (spec.template as { spec?: unknown } | undefined);
  const pod = template?.spec;
  return pod && typeof pod === "object" ? (pod as Record<string, unknown>) : undefined;
}

/**
 * Applies, on a CEL-ready copy, the pod defaults of the API server that checks observe:
 * a volume without a source becomes `emptyDir: {}`; with `hostNetwork: true`, a port's
 * `hostPort` defaults to its `containerPort`.
 */
export function applyPodDefaults(manifest: Record<string, unknown>): void {
  const pod = podSpecOf(manifest);
  if (!pod) return;
  if (Array.isArray(pod.volumes)) {
    for (const v of pod.volumes as Record<string, unknown>[]) if (v && typeof v === "object" && Object.keys(v).every((k) => k === "name")) v.emptyDir = {};
  }
  if (pod.hostNetwork === true) {
    for (const list of ["containers", "initContainers"]) {
      for (const c of (Array.isArray(pod[list]) ? pod[list] : []) as Record<string, unknown>[]) {
        for (const p of (Array.isArray(c?.ports) ? c.ports : []) as Record<string, unknown>[])
          if (p && p.hostPort === undefined && p.containerPort !== undefined) p.hostPort = p.containerPort;
      }
    }
  }
}
