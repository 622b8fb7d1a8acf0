import type { AccessChange, SemanticDiff } from "../diff/types.js";
import type { DiffEntry } from "./types.js";

const change = (before: string, after: string): DiffEntry["change"] =>
  after === "allow" || after === "admit" ? "added" : before === "allow" || before === "admit" ? "removed" : "changed";

function subjectText(c: AccessChange): string {
  const s = c.subject;
  return s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

function accessText(cluster: string, c: AccessChange): string {
  const resource = c.nonResourceURLs
    ? c.nonResourceURLs.join(", ")
    : `${c.resource}${c.apiGroup ? `.${c.apiGroup}` : ""}${c.subresource ? `/${c.subresource}` : ""}`;
  const where = c.nonResourceURLs
    ? ""
    : ` in namespaces ${c.namespaces.map((n) => (n === "" ? '""' : n)).join(", ")}${c.exceptNamespaces ? ` except ${c.exceptNamespaces.join(", ")}` : ""}, names ${c.names.map((n) => (n === "" ? '""' : n)).join(", ")}${c.exceptNames ? ` except ${c.exceptNames.join(", ")}` : ""}`;
  const rules = (side: { policy: string; rule: number }[]) => side.map((r) => `${r.policy} rule ${r.rule}`).join(", ") || "no rule";
  return `${cluster}: ${subjectText(c)} ${c.verbs.join(", ")} ${resource}${where}: ${c.before} → ${c.after} (${rules(c.because.before)} → ${rules(c.because.after)})`;
}

/** The semantic diff as the report's one-line entries: added (newly allowed) green, removed red. */
export function diffEntries(diff: SemanticDiff): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const c of diff.clusters) {
    for (const a of c.access) out.push({ change: change(a.before, a.after), area: "access", text: accessText(c.cluster, a) });
    for (const t of c.traffic)
      out.push({ change: change(t.before, t.after), area: "traffic", text: `${c.cluster}: ${t.from} → ${t.to} ${t.port}: ${t.before} → ${t.after}` });
    for (const w of c.workload)
      out.push({
        change: change(w.before, w.after),
        area: "workload",
        text: `${c.cluster}: ${w.object} (${w.file}): ${w.before} → ${w.after}${w.rules.length ? ` (${w.rules.join(", ")})` : ""}`,
      });
  }
  return out;
}
