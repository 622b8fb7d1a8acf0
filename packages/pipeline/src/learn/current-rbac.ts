import { loadManifests, type Diagnostic } from "@rampart/core";
import type { RbacObject } from "@rampart/compiler-rbac";
import { liveRbac, type LiveRbacOptions } from "../live/live-rbac.js";

/** The current grants the least-privilege gap is measured against, and where they were read. */
export interface CurrentRbac {
  objects?: RbacObject[];
  /** `rbac.yaml, more.yaml`, or ``context `prod` (https://…)``. */
  source?: string;
  diagnostics: Diagnostic[];
}

/**
 * The RBAC objects of `--rbac MANIFESTS…` or of `--rbac live` (a kubeconfig context); none when
 * neither is given. Either way the same objects feed `rbacGap`.
 */
export async function currentRbac(files: readonly string[] | undefined, live: LiveRbacOptions | undefined, cwd: string | undefined): Promise<CurrentRbac> {
  if (live) {
    const r = await liveRbac(live);
    return r.objects ? { objects: r.objects, source: `context \`${r.context}\` (${r.server})`, diagnostics: r.diagnostics } : { diagnostics: r.diagnostics };
  }
  if (!files || files.length === 0) return { diagnostics: [] };
  const loaded = await loadManifests(files, cwd !== undefined ? { cwd } : {});
  return { objects: loaded.manifests.map((m) => m.value as unknown as RbacObject), source: files.join(", "), diagnostics: loaded.diagnostics };
}
