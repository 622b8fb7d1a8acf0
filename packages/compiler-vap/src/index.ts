// Public API of @rampart/compiler-vap.

// --- write-path admission for access rules (issue 7) ---
export { compileAccessAdmission } from "./access-admission/compile-access-admission.js";
export type { AccessAdmissionOptions, AdmissionObject, WriteLayerReport } from "./access-admission/compile-access-admission.js";
export { evaluateAccessAdmission } from "./access-admission/evaluate-access-admission.js";
export type { AccessAdmissionOutcome } from "./access-admission/evaluate-access-admission.js";
export { ADMISSION_WRITE_VERBS, needsWriteAdmission, writeEnvelope } from "./access-admission/envelope.js";
export { celGlob, celString, celStringList } from "./access-admission/cel-text.js";

// --- workload rules ---
export { compileVap } from "./workload/compile-vap.js";
export type { CompileVapOptions, VapObject } from "./workload/compile-vap.js";
export { admit, admitWithObjects } from "./workload/admit.js";
export type { AdmitResult, Violation } from "./workload/admit.js";
