// Public API of @rampart/core. Curated: add each export deliberately.

// diagnostics
export { diagnostic, formatDiagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
export type { Diagnostic, Severity, SourcePosition } from "./diagnostics.js";
/** Every code a diagnostic may carry: the `diagnostic()` constructor accepts only these. */
export type { DiagnosticCode } from "./diagnostic-code.js";
/** The closest candidate to a likely typo, and the "did you mean `x`?" hint naming it. */
export { closest, didYouMean } from "./did-you-mean.js";

// documents and schemas
export { API_VERSION } from "./schema/common.js";
export { DOCUMENT_KINDS } from "./schema/index.js";
export type { DocumentKind } from "./schema/index.js";
export { KNOWN_VERBS } from "./schema/access-policy.js";
export type { AccessPolicy, AccessRule, Subject } from "./schema/access-policy.js";
export { WORKLOAD_KINDS, WORKLOAD_RULE_NAMES } from "./schema/workload-policy.js";
export type { Exemption, WorkloadPolicy, WorkloadRule, WorkloadRuleName } from "./schema/workload-policy.js";
export type { Peer, TrafficPolicy, TrafficRule } from "./schema/traffic-policy.js";
export type { Cluster } from "./schema/cluster.js";
export type { ApiResource, InventoryDocument } from "./schema/inventory.js";
export type { PolicyTest } from "./schema/policy-test.js";
export { documentsOfKind, positionOf, sourceOf, withSource } from "./documents.js";
export type { DocumentSource, RampartDocument } from "./documents.js";

// primitives
export { compileGlob, globMatch } from "./glob.js";
export type { Glob } from "./glob.js";
export { formatResourceRef, parseResourceRef, resourceRefMatches } from "./resource-ref.js";
export type { ResourceRef } from "./resource-ref.js";
export { cidrContains, cidrContainsIp, formatIp, parseCidr, parseIp } from "./cidr.js";
export type { Cidr } from "./cidr.js";

// typed builders and JSON Schema
export { accessPolicy, allow, cluster, crd, defineDocuments, deny, inventory, policyTest, trafficPolicy, workloadPolicy } from "./builders/index.js";
export type {
  AccessRuleInput,
  BuiltAccessRule,
  BuiltDocument,
  CustomResourceName,
  ResourceName,
  SubjectInput,
  Verb,
  WorkloadRuleInput,
} from "./builders/index.js";
export type { BuiltinResourceName } from "./inventory/builtin-v1.35.js";
export { documentJsonSchema } from "./json-schema.js";

// OpenAPI validation of emitted objects
export { createOpenApiValidator } from "./openapi/openapi-validator.js";
export type { OpenApiBundle, OpenApiValidator } from "./openapi/openapi-validator.js";

// loading
export { loadDocuments, loadFiles } from "./load/load-files.js";
export type { LoadOptions } from "./load/load-files.js";
export { loadInventory } from "./load/load-inventory.js";
export { loadManifests } from "./load/load-manifests.js";
export type { Manifest } from "./load/load-manifests.js";
export type { LoadResult } from "./load/accept.js";
export { DEFAULT_YAML_LIMITS, parseYaml } from "./load/yaml-source.js";
/** `yaml` scalar tags that resolve plain scalars as kubectl does (stringify with them to quote what kubectl would misread). */
export { KUBECTL_YAML_TAGS } from "./load/yaml-kubectl.js";
export type { YamlDocument, YamlLimits } from "./load/yaml-source.js";
/** Loads policy files as every command does (`-` from standard input, files named relative to a source root), and finds that root. */
export { loadPolicies, sourceRoot } from "./load/load-policies.js";
export type { LoadPoliciesOptions } from "./load/load-policies.js";

// inventory
export { builtinResources, createInventory, resourceKey, BUILTIN_KUBERNETES_VERSION } from "./inventory/inventory.js";
export type { Inventory, InventoryInput } from "./inventory/inventory.js";
export type { InventoryResource } from "./inventory/types.js";

// access IR and evaluator
export { normaliseAccess, normaliseClusters, selectorMatches } from "./ir/access.js";
/** The username the API server gives a ServiceAccount (`system:serviceaccount:<namespace>:<name>`). */
export { serviceAccountUser } from "./compiler/service-accounts.js";
export type { AccessPolicyIR, AccessRuleIR, ClusterIR } from "./ir/access.js";
/** Picks the clusters of a run (or the one a compiler works for), with a did-you-mean diagnostic on an unknown name. */
export { clusterFor, resolveCluster } from "./cluster/resolve-cluster.js";
export type { ClusterChoice, ResolveClusterOptions } from "./cluster/resolve-cluster.js";
export { createEvaluator } from "./evaluator/evaluator.js";
export { describeRule } from "./evaluator/describe-rule.js";
export type { Evaluator, EvaluatorOptions } from "./evaluator/evaluator.js";
export type { AccessRequest, Decision, MatchedRule } from "./evaluator/types.js";
export { parseRequest } from "./evaluator/request.js";
export { namedSubjects, subjectRequest, whoCan } from "./analysis/who-can.js";
export type { NamedSubject, WhoCanEntry, WhoCanOptions } from "./analysis/who-can.js";
/** The indirect routes to a request (workload creation runs pods, mounts secrets and ServiceAccount tokens; ephemeral containers act as exec). */
export { indirectRoutes } from "./analysis/indirect-paths.js";
export type { IndirectRoute } from "./analysis/indirect-paths.js";
export { lint } from "./lint/lint.js";
export type { Finding, LintOptions } from "./lint/lint.js";
export { LINT_CHECKS } from "./lint/checks.js";
export type { LintCheck } from "./lint/checks.js";
/** Lints policy files and plain RBAC manifests together; RBAC objects told from other manifests. */
export { isRbacObject, lintFiles, lintSummary } from "./lint/lint-files.js";
export type { LintFilesOptions, LintFilesResult } from "./lint/lint-files.js";

// --- workload IR (compiler-vap) ---
export { normaliseWorkload } from "./ir/workload.js";
export type { NormaliseWorkloadOptions, WorkloadExemptionIR, WorkloadKind, WorkloadPolicyIR, WorkloadRuleIR, WorkloadRuleSpec } from "./ir/workload.js";
// --- traffic IR (compiler-networkpolicy) ---
export { METADATA_CIDRS, normaliseTraffic, parseTrafficPort, trafficGoverns, trafficIsolated } from "./ir/traffic.js";
export type {
  NormaliseTrafficOptions,
  TrafficDirection,
  TrafficNamespaceGlobIR,
  TrafficNamespaceIR,
  TrafficNamespaceLabelsIR,
  TrafficPeerIR,
  TrafficPolicyIR,
  TrafficPortIR,
  TrafficProtocol,
  TrafficRuleIR,
} from "./ir/traffic.js";
