import type { NamedSubject } from "@rampart/core";
import type { AccessChange, RuleRef, SemanticDiff, TrafficChange, WorkloadChange } from "./types.js";

/** `-o json`: SPEC's shape, two-space indented. */
export function formatDiffJson(diff: SemanticDiff): string {
  return JSON.stringify(diff, null, 2);
}

/** How a subject is written in AccessPolicy subjects. */
export function subjectLabel(s: NamedSubject): string {
  return s.kind === "ServiceAccount" ? `serviceAccount ${s.namespace}/${s.name}` : `${s.kind === "User" ? "user" : "group"} ${s.name}`;
}

const resourceLabel = (a: AccessChange) => `${a.resource}${a.apiGroup ? `.${a.apiGroup}` : ""}${a.subresource ? `/${a.subresource}` : ""}`;
const globs = (list: readonly string[], except: readonly string[] | undefined) =>
  `${list.map((g) => (g === "" ? '""' : g)).join(",")}${except ? ` except ${except.join(",")}` : ""}`;
const rules = (refs: readonly RuleRef[]) => (refs.length === 0 ? "no rule" : refs.map((r) => `${r.policy}[${r.rule}]`).join(", "));

/** One line per access class: what, where, and the rules that decide it before and after. */
export function accessLine(a: AccessChange): string {
  if (a.nonResourceURLs !== undefined)
    return `${a.verbs.join(",")} ${globs(a.nonResourceURLs, a.exceptNonResourceURLs)}: ${a.before} → ${a.after} (before: ${rules(a.because.before)}; after: ${rules(a.because.after)})`;
  const where =
    a.namespaces.length === 1 && a.namespaces[0] === "" && a.exceptNamespaces === undefined ? "" : ` in namespaces ${globs(a.namespaces, a.exceptNamespaces)}`;
  const names = a.names.length === 1 && a.names[0] === "*" && a.exceptNames === undefined ? "" : ` names ${globs(a.names, a.exceptNames)}`;
  return `${a.verbs.join(",")} ${resourceLabel(a)}${where}${names}: ${a.before} → ${a.after} (before: ${rules(a.because.before)}; after: ${rules(a.because.after)})`;
}

const trafficLine = (t: TrafficChange) => `${t.from} → ${t.to} ${t.port}: ${t.before} → ${t.after}`;
const workloadLine = (w: WorkloadChange) => `${w.object} (${w.file}): ${w.before} → ${w.after}${w.rules.length ? ` [${w.rules.join(", ")}]` : ""}`;

/** `-o text`: per cluster, the access classes (grouped by subject), flows and manifests that change. */
export function formatDiffText(diff: SemanticDiff): string[] {
  const out: string[] = [];
  for (const c of diff.clusters) {
    if (c.access.length + c.traffic.length + c.workload.length === 0) continue;
    out.push(`cluster ${c.cluster}:`);
    let subject = "";
    for (const a of c.access) {
      const s = subjectLabel(a.subject);
      if (s !== subject) out.push(`  ${(subject = s)}:`);
      out.push(`    ${a.after === "allow" ? "+" : "-"} ${accessLine(a)}`);
    }
    if (c.traffic.length > 0) out.push("  traffic:", ...c.traffic.map((t) => `    ${t.after === "allow" ? "+" : "-"} ${trafficLine(t)}`));
    if (c.workload.length > 0) out.push("  workloads:", ...c.workload.map((w) => `    ${w.after === "deny" ? "-" : "+"} ${workloadLine(w)}`));
  }
  const s = diff.summary;
  out.push(
    `${s.newAccess} new and ${s.removedAccess} removed access classes, ${s.newFlows} new and ${s.removedFlows} removed flows, ${s.newlyDenied} manifests newly denied and ${s.newlyAdmitted} newly admitted`,
  );
  return out;
}

/** Options of `formatDiffMarkdown`. */
export interface MarkdownOptions {
  /** Lines shown per section before the rest is folded into a collapsed `<details>` list (default 20). */
  limit?: number;
}

const code = (s: string) => `\`${s.replaceAll("`", "'")}\``;

function section(title: string, lines: readonly string[], limit: number): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, limit);
  const rest = lines.slice(limit);
  const out = [`### ${title}`, "", ...shown];
  if (rest.length > 0) out.push("", `<details><summary>${rest.length} more</summary>`, "", ...rest, "", "</details>");
  out.push("");
  return out;
}

function accessSection(title: string, changes: readonly AccessChange[], limit: number): string[] {
  const bySubject = new Map<string, AccessChange[]>();
  for (const a of changes) {
    const key = subjectLabel(a.subject);
    bySubject.set(key, [...(bySubject.get(key) ?? []), a]);
  }
  const lines: string[] = [];
  for (const [subject, list] of bySubject) {
    lines.push(`- **${subject}** (${list.length})`);
    for (const a of list) lines.push(`  - ${code(accessLine(a))}`);
  }
  return section(`${title} (${changes.length})`, lines, limit);
}

/**
 * `-o markdown`: a pull-request comment — new access first (grouped by subject, with counts),
 * then removed access, flows and manifests; past `limit` lines a section folds into `<details>`.
 */
export function formatDiffMarkdown(diff: SemanticDiff, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? 20;
  const s = diff.summary;
  const out = [
    "## rampart semantic diff",
    "",
    `| | new | removed |`,
    `| --- | ---: | ---: |`,
    `| access classes | ${s.newAccess} | ${s.removedAccess} |`,
    `| flows | ${s.newFlows} | ${s.removedFlows} |`,
    `| manifests (newly admitted / denied) | ${s.newlyAdmitted} | ${s.newlyDenied} |`,
    "",
  ];
  const multi = diff.clusters.length > 1;
  for (const c of diff.clusters) {
    const body = [
      ...accessSection(
        "New access",
        c.access.filter((a) => a.after === "allow"),
        limit,
      ),
      ...accessSection(
        "Removed access",
        c.access.filter((a) => a.after === "deny"),
        limit,
      ),
      ...section(
        `Flows (${c.traffic.length})`,
        c.traffic.map((t) => `- ${t.after === "allow" ? "➕" : "➖"} ${code(trafficLine(t))}`),
        limit,
      ),
      ...section(
        `Manifests (${c.workload.length})`,
        c.workload.map((w) => `- ${code(workloadLine(w))}`),
        limit,
      ),
    ];
    if (body.length === 0) continue;
    if (multi) out.push(`## cluster \`${c.cluster}\``, "");
    out.push(...body);
  }
  if (s.newAccess + s.removedAccess + s.newFlows + s.removedFlows + s.newlyAdmitted + s.newlyDenied === 0) out.push("No decision changes.", "");
  return out.join("\n");
}
