import { hasErrors, loadManifests, type Diagnostic } from "@rampart/core";
import { whoCanRbac, type BoundSubject, type OpenRequest } from "./who-can.js";

/** `whoCanRbac` over plain RBAC manifest files and directories (`-` reads `stdin`): the bound subjects, or none with the errors reading them. */
export async function whoCanRbacFiles(
  paths: readonly string[],
  request: OpenRequest,
  options: { cwd: string; stdin?: string | undefined },
): Promise<{ subjects?: BoundSubject[]; diagnostics: Diagnostic[] }> {
  const { manifests, diagnostics } = await loadManifests(paths, { cwd: options.cwd, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
  if (hasErrors(diagnostics)) return { diagnostics };
  return {
    subjects: whoCanRbac(
      manifests.map((m) => m.value),
      request,
    ),
    diagnostics,
  };
}
