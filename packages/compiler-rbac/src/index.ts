// Public API of @rampart/compiler-rbac.
export { compileRbac } from "./compile.js";
export type { CompileRbacOptions, RbacReport, RbacRuleReport } from "./compile.js";
export { verifyRbac } from "./verify.js";
export type { VerifyRbacOptions, VerifyRbacResult, GrantMismatch } from "./verify.js";
export { createRbacAuthorizer, ruleAllows, subjectApplies } from "./authorizer.js";
export type { RbacAuthorizer } from "./authorizer.js";
export type { PolicyRule, RbacObject, RbacRequest, RbacSubject } from "./rbac-types.js";
