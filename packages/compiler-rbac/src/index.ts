// Public API of @rampart/compiler-rbac. Curated: add each export deliberately.

/** Compiles AccessPolicies into RBAC objects that grant allow − deny over the inventory, or less (reported). */
export { compileRbac } from "./compile.js";
/** Options, per-rule report and counts of `compileRbac`. */
export type { CompileRbacOptions, CompileRbacResult, RbacReport, RbacRuleReport } from "./compile.js";
/** Proves RBAC objects against the policies over the request universe: over-grants and under-grants. */
export { verifyRbac } from "./verify.js";
/** Options, mismatches and result of `verifyRbac`. */
export type { VerifyRbacOptions, VerifyRbacResult, GrantMismatch } from "./verify.js";
/** The Kubernetes RBAC authorizer (SEMANTICS.md): objects → allow or no opinion; one rule; one binding subject. */
export { createRbacAuthorizer, ruleAllows, subjectApplies } from "./authorizer.js";
/** An authorizer over a fixed set of RBAC objects. */
export type { RbacAuthorizer, RbacGrant, RbacObjectRef } from "./authorizer.js";
/** RBAC objects, rules, subjects and request attributes as emitted and read back. */
export type { PolicyRule, RbacObject, RbacRequest, RbacSubject } from "./rbac-types.js";
