// @rampart/core/compiler: what the compilers share but users do not need. Curated like the main API.

/** Labels and annotations every generated object carries. */
export { MANAGED_BY_LABEL, POLICY_LABEL, SOURCE_ANNOTATION, managedLabels, sourceAnnotations, sourceRef } from "./metadata.js";
/** Stable short hashes and length-bounded names. */
export { boundedName, hashedPrefix, shortHash } from "./names.js";
export type { BoundedNameOptions } from "./names.js";
/** ServiceAccount usernames and the groups the API server gives them. */
export {
  ALL_SERVICE_ACCOUNTS_GROUP,
  SERVICE_ACCOUNTS_GROUP_PREFIX,
  SERVICE_ACCOUNT_USER_PREFIX,
  serviceAccountGroups,
  serviceAccountNamespace,
  serviceAccountUser,
} from "./service-accounts.js";
/** Namespace globs expanded over a cluster's sorted namespaces, once per distinct pattern. */
export { createNamespaceMatcher } from "./namespace-matcher.js";
export type { NamespaceMatcher } from "./namespace-matcher.js";
/** One wording for the OpenAPI check of generated objects. */
export { openApiDiagnostics } from "./openapi-check.js";
/** OpenAPI checks generated at build time (ajv standalone code) and the validator over them. */
export { openApiValidatorModule, precompiledOpenApiValidator } from "./openapi-standalone.js";
export type { SchemaCheck, SchemaError } from "../openapi/openapi-validator.js";
