import { hasErrors, loadManifests, type Diagnostic, type RampartDocument } from "@rampart/core";
import { connectivityFlows, type ConnectivityOptions, type FlowRow } from "./connectivity-flows.js";

/** `connectivityFlows` over the workloads in a manifests file (`rampart connectivity --workloads`): the flows, or none with the errors reading it. */
export async function connectivityFromFile(
  documents: readonly RampartDocument[],
  file: string,
  options: ConnectivityOptions & { cwd: string },
): Promise<{ flows?: FlowRow[]; diagnostics: Diagnostic[] }> {
  const workloads = await loadManifests([file], { cwd: options.cwd });
  if (hasErrors(workloads.diagnostics)) return { diagnostics: workloads.diagnostics };
  return {
    flows: connectivityFlows(
      documents,
      workloads.manifests.map((m) => m.value),
      options,
    ),
    diagnostics: workloads.diagnostics,
  };
}
