import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { AccessMatrix, ReportData } from "./types.js";

/** The path of report.json beside an HTML report: the same folder and name, ending in `.json`. */
export function reportJsonPath(htmlPath: string): string {
  return join(dirname(htmlPath), `${basename(htmlPath, extname(htmlPath))}.json`);
}

/** Writes the page and its data (report.json, beside it; see `reportJsonPath`), creating the folder. */
export async function writeReport(htmlPath: string, report: { data: ReportData; html: string }): Promise<void> {
  await mkdir(dirname(htmlPath), { recursive: true });
  await writeFile(htmlPath, report.html);
  await writeFile(reportJsonPath(htmlPath), `${JSON.stringify(report.data, null, 2)}\n`);
}

/** Cells some rule decides (the others are denied by default). */
export function decidedCells(m: AccessMatrix): number {
  let n = 0;
  for (const p of m.subjectProfile) {
    const profile = m.profiles[p] ?? [];
    for (let i = 1; i < profile.length; i += 2) n += m.patterns[profile[i]!]!.filter((k) => k >= 0).length;
  }
  return n;
}

/** One line per cluster of a report: the matrix's size and decided cells, workloads, flows and findings. */
export function formatReportSummary(data: ReportData): string[] {
  return data.clusters.map(
    (c) =>
      `${c.name}: ${c.access.subjects.length} subjects × ${c.access.resources.length} resources × ${c.access.verbs.length} verbs (${decidedCells(c.access)} decided cells), ${c.traffic.nodes.length} workloads, ${c.traffic.edges.length} flows, ${c.workloads.length} workload findings, ${c.lint.length} lint findings`,
  );
}
