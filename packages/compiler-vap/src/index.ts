// Public API of @rampart/compiler-vap.

// --- write-path admission for access rules (issue 7) ---
/** Compiles access rules RBAC cannot express exactly (names, denies, connect requests) into the write-path admission policy. */
export { ACCESS_WRITES_POLICY, compileAccessAdmission } from "./access-admission/compile-access-admission.js";
export type {
  AccessAdmissionReport,
  AdmissionObject,
  CompileAccessAdmissionOptions,
  CompileAccessAdmissionResult,
  WriteLayerReport,
} from "./access-admission/compile-access-admission.js";
/** Evaluates the emitted write-path admission policy on an access request, with the emitted CEL. */
export { evaluateAccessAdmission } from "./access-admission/evaluate-access-admission.js";
export type { AccessAdmissionOutcome } from "./access-admission/evaluate-access-admission.js";
/** The RBAC envelope of the combined layers, and whether a build needs admission. */
export { needsWriteAdmission, writeEnvelope } from "./access-admission/envelope.js";

// --- workload rules (issue 4) ---
/** Compiles WorkloadPolicies into ValidatingAdmissionPolicies and bindings, with a report. */
export { compileVap } from "./workload/compile-vap.js";
/** Registers Kubernetes' CEL libraries (quantity, regex, URLs, IP and CIDR, sets, lists, format) on a cel-js environment. */
export { registerKubernetesLibraries } from "./workload/cel-k8s.js";
export type { CompileVapOptions, CompileVapResult, ValidationReport, VapObject, VapReport, WorkloadRuleReport } from "./workload/compile-vap.js";
/** Offline admission of manifests with the emitted CEL: from documents, or from compiled objects. */
export { admit, admitWithObjects } from "./workload/admit.js";
export type { AdmitOptions, AdmitResult, ValidationAction, Violation } from "./workload/admit.js";
/** The rule catalogue (one line of docs per rule) and the Pod Security checks it expands to. */
export { CATALOGUE } from "./workload/catalogue.js";
export type { CatalogueEntry } from "./workload/catalogue.js";
export { POD_SECURITY_CHECKS, POD_SECURITY_VERSION } from "./workload/pod-security.js";
export type { PodSecurityCheckInfo } from "./workload/pod-security.js";
