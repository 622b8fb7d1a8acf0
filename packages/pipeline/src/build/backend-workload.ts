import { compileVap } from "@rampart/compiler-vap";
import type { Backend } from "./backends.js";
import type { KubeObject } from "./emit.js";

/** ValidatingAdmissionPolicies for WorkloadPolicies. */
export const workloadBackend: Backend = {
  folder: "admission",
  compile(documents, ctx) {
    const { objects, diagnostics, report } = compileVap(documents, { now: ctx.now });
    return { objects: objects as KubeObject[], diagnostics, report: { workloadRules: report.rules } };
  },
};
