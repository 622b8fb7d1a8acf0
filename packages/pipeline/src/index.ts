// Public API of @rampart/pipeline: the rampart pipeline as plain functions over in-memory data.

// --- exit codes, host, cluster choice ---
/** The exit codes of SPEC.md (also on the dependency-free `@rampart/pipeline/exit-codes` subpath). */
export { EXIT } from "./exit-codes.js";
export type { ExitCode } from "./exit-codes.js";
export type { Host } from "./host.js";
export { quietHost } from "./host.js";
export { resolveCluster } from "./resolve-cluster.js";
export type { ClusterChoice, ResolveClusterOptions } from "./resolve-cluster.js";
export { clusterInventory, inventoryFor } from "./cluster-inventory.js";
export { checkRequest, requestCluster } from "./check-request.js";
export type { RequestCluster, RequestPositions, RequestRef } from "./check-request.js";

// --- access requests: parse, decide, who can ---
/** Requests from command-line fields or a JSONL batch, each problem a diagnostic. */
export { parseResourceArgument, requestFromFields } from "./requests/request-fields.js";
export type { RequestFields, ResourceArgument } from "./requests/request-fields.js";
export { COMMAND_LINE, parseRequestBatch, readRequestBatch } from "./requests/request-batch.js";
export type { PositionedRequest, RequestBatch } from "./requests/request-batch.js";
/** Decides requests, each checked against its cluster's inventory first. */
export { decideRequests } from "./requests/decide-requests.js";
/** `rampart eval`'s requests (one from flags or a batch) and what it prints of their decisions. */
export { evalBatch, evalOutput } from "./requests/eval-requests.js";
export type { DecideRequestsOptions, DecideRequestsResult } from "./requests/decide-requests.js";
/** The subjects the policies, or plain RBAC objects, allow a request; and their text lines. */
export { formatBoundSubjects, formatWhoCan, whoCanPolicies, whoCanRbac } from "./requests/who-can.js";
/** `whoCanRbac` over RBAC manifest files (`rampart who-can --rbac`). */
export { whoCanRbacFiles } from "./requests/who-can-rbac-files.js";
export type { BoundSubject, OpenRequest, WhoCanPoliciesOptions, WhoCanPoliciesResult } from "./requests/who-can.js";

// --- output formats: JSON, YAML, SARIF, GitHub annotations ---
/** A result as the lines of a machine-readable format; findings as SARIF or workflow commands. */
export { renderOutput } from "./output/render-output.js";
export type { MachineFormat } from "./output/render-output.js";
export { sarifLog } from "./output/sarif.js";
export { githubAnnotations } from "./output/github-annotations.js";
export type { OutputFinding } from "./output/finding.js";

// --- build: compile every backend, emit objects and files, write or check the tree ---
export { buildFiles, buildPolicies } from "./build/build-policies.js";
export type { BuildOptions, BuildResult, ClusterBuild } from "./build/build-policies.js";
/** The clusters of a build spread over worker threads (`--jobs`), and the default number of jobs. */
export { buildPoliciesInParallel, defaultJobs } from "./build/parallel-build.js";
export type { ParallelBuildOptions } from "./build/parallel-build.js";
export type { PolicySource } from "./build/cluster-transfer.js";
export { objectFiles, toYaml } from "./build/emit.js";
export type { KubeObject } from "./build/emit.js";
export { checkTree, MANIFEST, writeTree } from "./build/write-tree.js";
export type { ClusterFiles, TreeDiff, TreeInput } from "./build/write-tree.js";
/** One cluster's manifests as one YAML stream (`build --stdout`). */
export { manifestStream } from "./build/manifest-stream.js";
/** A built tree on disk against a fresh build (`build --check`): drift and proof, as findings and lines. */
export { buildCheckSummary, checkBuild, driftCount, driftFindings, formatBuildCheck } from "./build/check-build.js";
export type { CheckBuildResult } from "./build/check-build.js";
export { buildSummary, runBuild } from "./build/build-run.js";
export type { BuildRun, BuildTarget } from "./build/build-run.js";
/** Where `rampart build` sends a build, from its flags. */
export { buildTarget } from "./build/build-target.js";
export type { BuildTargetFlags } from "./build/build-target.js";

// --- prove: RBAC + write-path admission over every manifest of a tree ---
export { verifyBuild, verifyTree } from "./prove/verify-tree.js";
export type { ClusterVerdict, VerifyBuildOptions, VerifyResult, VerifyTreeOptions } from "./prove/verify-tree.js";
/** A verdict as text lines: a line per cluster and proof, one per over-grant or over-admission. */
export { formatVerdict } from "./prove/format-verdict.js";
export type { AccessProof, OverGrant } from "./prove/prove-cluster.js";
export { parseManifests, readTree } from "./prove/read-tree.js";
export type { TreeManifest } from "./prove/read-tree.js";

// --- PolicyTests ---
export { runPolicyTests } from "./policy-tests/run-policy-tests.js";
export type { PolicyTestOptions, PolicyTestOutcome } from "./policy-tests/run-policy-tests.js";
export { describeRequest } from "./policy-tests/access-cases.js";
export { junitReport, policyTestFindings, policyTestSummary, textReport } from "./policy-tests/report.js";
export type { CaseResult } from "./policy-tests/types.js";

// --- live clusters: inventory pull, drift ---
export { diffLive, driftVerdict } from "./live/diff-live.js";
export type { DiffLiveOptions, DiffLiveResult } from "./live/diff-live.js";
export { pullInventory } from "./live/pull.js";
export type { PulledInventory, PullOptions, PullStats } from "./live/pull.js";
export { allPulled, pullContexts } from "./live/pull-contexts.js";
export type { ContextPull, PullContextsOptions } from "./live/pull-contexts.js";
export { formatOf, inventoryDocument, inventoryNames, renderInventory } from "./live/inventory-document.js";
/** Where pulled inventories go (`-o FILE|DIR|-`), their files, and the atomic write. */
export { contextList, inventoryFiles, inventoryTarget, writeFileAtomic } from "./live/inventory-files.js";
export type { InventoryFile, InventoryTarget } from "./live/inventory-files.js";
/** Pulls the inventories of several contexts (or every one) into the files for `-o`, all or nothing. */
export { pullInventories } from "./live/pull-inventories.js";
/** Writes the pulled inventory files and the messages `rampart inventory pull` prints. */
export { writeInventories } from "./live/write-inventories.js";
export type { WrittenInventories } from "./live/write-inventories.js";
export type { PullInventoriesOptions, PullInventoriesResult } from "./live/pull-inventories.js";
export { connect, kubeContexts, kubeDiagnostic, useConnector } from "./live/connector.js";
export type { Connector } from "./live/connector.js";
export type { KubeClient } from "./live/kube-client.js";
export { KubeError } from "./live/kube-client.js";
export { desiredObjects } from "./live/desired.js";
export { formatDrift, MANAGED_SELECTOR } from "./live/drift.js";
export type { AnyObject, DriftReport } from "./live/drift.js";
export { stderrIsTty } from "./live/progress.js";
/** Every Role, ClusterRole and binding of a live cluster (`learn --rbac live`). */
export { listRbac, liveRbac } from "./live/live-rbac.js";
export type { LiveRbac, LiveRbacOptions } from "./live/live-rbac.js";

// --- learn: least-privilege AccessPolicies from audit logs ---
/** Reads audit logs, learns AccessPolicies, proves them by replay and measures the RBAC gap. */
export { learnFromAuditLogs, writeLearnedFiles } from "./learn/learn.js";
export { learnJson, learnOptionsFromFlags } from "./learn-flags.js";
export type { LearnFlags } from "./learn-flags.js";
/** Options, counts and result of `learnFromAuditLogs`. */
export type { LearnOptions, LearnResult, LearnSummary } from "./learn/learn.js";
/** Streams audit logs (`.jsonl`, `.gz`, `-`) into de-duplicated request records. */
export { readAuditLog } from "./learn/read-audit-log.js";
/** Options and result of `readAuditLog`. */
export type { AuditLog, ReadAuditOptions } from "./learn/read-audit-log.js";
/** Parses one audit log line. */
export { parseAuditLine } from "./learn/audit-event.js";
/** One request of an audit log and its outcome. */
export type { AuditRecord, Outcome, ParsedLine } from "./learn/audit-event.js";
/** Learns one AccessPolicy per subject from audit records. */
export { learnPolicies } from "./learn/learn-rules.js";
/** A learned policy and rule, and the options of `learnPolicies`. */
export type { LearnedPolicy, LearnedRule, LearnPoliciesOptions } from "./learn/learn-rules.js";
/** Merges generated object names into globs when every name fits. */
export { inferNames } from "./learn/generated-names.js";
/** Emits learned policies as documents, YAML or TypeScript. */
export { policyDocument, policyTypeScript, policyYaml } from "./learn/emit-policies.js";
/** A file to write. */
export type { OutputFile } from "./learn/emit-policies.js";
/** Replays audit records against learned policies with the evaluator. */
export { accessRequest, replayAudit } from "./learn/replay.js";
/** Result and failures of `replayAudit`. */
export type { ReplayFailure, ReplayOptions, ReplayResult } from "./learn/replay.js";
/** The least-privilege gap: current RBAC grants the log never used. */
export { rbacGap } from "./learn/rbac-gap.js";
/** A subject's gap and its unused grants. */
export type { SubjectGap, UnusedGrant } from "./learn/rbac-gap.js";
/** The subject a request is learned for. */
export type { LearnedSubject } from "./learn/subjects.js";
/** The text summary `rampart learn` prints. */
export { formatLearnSummary } from "./learn/format-summary.js";
/** What `rampart learn` prints of a result (text or `--json`). */
export { learnOutput } from "./learn/learn-output.js";

// --- semantic diff (issue 15) ---
/** The semantic diff of two policy versions: access, traffic and workload decisions that change. */
export { hasNewAccess, semanticDiff } from "./diff/semantic-diff.js";
export type { SemanticDiffOptions } from "./diff/semantic-diff.js";
/** Loads both versions (the base from git or a directory) and the input files, then diffs them. */
export { diffPaths } from "./diff/diff-paths.js";
/** The checks of `rampart diff --base`'s flags. */
export { diffBaseFlags } from "./diff/diff-base-flags.js";
export type { DiffBaseFlags } from "./diff/diff-base-flags.js";
export type { DiffPathsOptions, DiffPathsResult } from "./diff/diff-paths.js";
/** The access part alone, for one cluster. */
export { diffAccess } from "./diff/access-diff.js";
export type { AccessSide } from "./diff/access-diff.js";
/** The traffic part alone. */
export { diffTraffic } from "./diff/traffic-diff.js";
export type { ExternalEndpoint, TrafficDiffOptions } from "./diff/traffic-diff.js";
/** The workload part alone. */
export { diffWorkloads } from "./diff/workload-diff.js";
export type { ManifestInput } from "./diff/workload-diff.js";
/** The base version from a git ref or a directory, loaded as `build` loads. */
export { loadBase } from "./diff/base-source.js";
export type { BaseOptions, LoadedBase } from "./diff/base-source.js";
/** Text, JSON and pull-request markdown renderings. */
export { formatDiffJson, formatDiffMarkdown, formatDiffText } from "./diff/format.js";
/** SPEC's coverage rule of a listed class (with its `except` lists). */
export { accessChangeCovers } from "./diff/coverage.js";
export type { AccessChange, ClusterDiff, DiffSummary, ExampleRequest, RuleRef, SemanticDiff, TrafficChange, WorkloadChange } from "./diff/types.js";

// --- HTML report (issue 17) ---
/** Builds the report data (access matrix, traffic graph, findings) of a document set. */
export { buildReport, reportClusters } from "./report/report-data.js";
export type { ReportOptions } from "./report/report-data.js";
/** The access matrix of one cluster, with string tables and compact cells. */
export { buildAccessMatrix } from "./report/access-matrix.js";
export type { AccessMatrixOptions } from "./report/access-matrix.js";
/** The traffic graph: workloads, allowed flows and flows a deny rule blocks. */
export { buildTrafficGraph } from "./report/traffic-graph.js";
export type { TrafficGraphOptions } from "./report/traffic-graph.js";
/** Renders report data as one self-contained HTML page. */
export { renderReportHtml } from "./report/render-html.js";
/** The semantic diff as the report's entries (added green, removed red). */
export { diffEntries } from "./report/diff-entries.js";
/** Reads the report's input files, computes the report (and the diff against a base) and renders the page. */
export { reportFromFiles } from "./report/report-files.js";
export type { ReportFilesOptions, ReportFilesResult } from "./report/report-files.js";
/** Writes the page and report.json beside it; the summary lines of a report. */
export { decidedCells, formatReportSummary, reportJsonPath, writeReport } from "./report/write-report.js";
/** Cell states, the cell lookup and the report data model (also the shape of report.json). */
export { CellState, matrixCell } from "./report/types.js";
export type {
  AccessMatrix,
  ClusterReport,
  MatrixCell,
  DiffEntry,
  LintFinding,
  ReportData,
  ReportRule,
  TrafficEdge,
  TrafficGraph,
  TrafficNode,
  WorkloadFinding,
} from "./report/types.js";

// --- offline admission, connectivity ---
/** Manifests admitted offline with the emitted admission CEL, as findings and lines. */
export { admissionCounts, admissionFindings, admitManifests, formatAdmission } from "./admission/admit-manifests.js";
export type { AdmitManifestsOptions, AdmitManifestsResult, ManifestAdmission } from "./admission/admit-manifests.js";
/** The flows the compiled TrafficPolicies allow between workloads, and their table. */
export { connectivityFlows, endpointLabel, formatFlowTable, networkFlows, parseExternals } from "./network/connectivity-flows.js";
export type { ConnectivityOptions, FlowRow } from "./network/connectivity-flows.js";
/** `connectivityFlows` over a workloads manifests file (`rampart connectivity --workloads`). */
export { connectivityFromFile } from "./network/connectivity-file.js";

// --- shell completion (the CLI's `rampart completion`) ---
/** Shell completion scripts (bash, zsh, fish) generated from a command table. */
export { bashCompletion, fishCompletion, zshCompletion } from "./completion-scripts.js";
export type { CompletionFlag, CompletionTable } from "./completion-scripts.js";
