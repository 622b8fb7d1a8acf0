// Public API of @rampart/pipeline. Curated: add each export deliberately.

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
/** Cell states, the cell lookup and the report data model (also the shape of report.json). */
export { CellState, matrixCell } from "./report/types.js";
export type { AccessMatrix, ClusterReport, MatrixCell, DiffEntry, LintFinding, ReportData, ReportRule, TrafficEdge, TrafficGraph, TrafficNode, WorkloadFinding } from "./report/types.js";
