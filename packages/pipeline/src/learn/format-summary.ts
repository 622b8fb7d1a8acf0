import type { AccessRequest } from "@rampart/core";
import type { LearnSummary } from "./learn.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describe(r: AccessRequest): string {
  if (r.nonResourceURL) return `${r.user} ${r.verb} ${r.nonResourceURL}`;
  const res = `${r.resource}${r.apiGroup ? `.${r.apiGroup}` : ""}${r.subresource ? `/${r.subresource}` : ""}`;
  return `${r.user} ${r.verb} ${res}${r.namespace ? ` -n ${r.namespace}` : ""}${r.name ? ` ${r.name}` : ""}`;
}

/** The text summary of a learn run, one line per entry (`rampart learn` prints it). */
export function formatLearnSummary(s: LearnSummary, written?: string): string[] {
  if (s.stopped) return [`nothing learned: ${s.stopped}`];
  const out: string[] = [];
  out.push(
    `read ${plural(s.lines, "line")}: ${plural(s.requests, "request")} (${s.allowed} allowed, ${s.forbidden} forbidden, ${s.failed} failed, ${s.unknownOutcome} without outcome), ` +
      `${plural(s.skippedLines, "line")} skipped, ${plural(s.duplicateStages, "repeated stage")} merged${s.outsideWindow ? `, ${s.outsideWindow} outside --since/--until` : ""}`,
  );
  out.push(`learned ${plural(s.policies, "policy").replace("policys", "policies")} with ${plural(s.rules, "rule")}${written ? ` in ${written}` : ""}`);
  const r = s.replay;
  out.push(
    `replay: ${r.keptAllowed}/${r.kept} allowed events allowed, ${r.forbiddenDenied}/${r.forbidden} forbidden events denied` +
      (r.forbiddenSuperseded
        ? ` (${r.forbiddenSuperseded} forbidden ${r.forbiddenSuperseded === 1 ? "event repeats a request" : "events repeat requests"} the log also allowed: not counted as failures)`
        : "") +
      (r.exact ? " — exact" : " — NOT exact"),
  );
  for (const f of r.failures) out.push(`  expected ${f.expected}: ${describe(f.request)} (${plural(f.count, "event")})`);
  if (s.gap) out.push(`least-privilege gap against the RBAC of ${s.rbacSource ?? "the manifests"}:`);
  for (const g of s.gap ?? []) {
    out.push(`${g.subject} (${g.policy}): RBAC grants ${g.granted}, the log used ${g.used}, unused ${g.unused}`);
    for (const u of g.unusedGrants)
      out.push(`  unused: ${u.verbs.join(", ")} ${u.resources.join(", ")}${u.namespaces ? ` in ${u.namespaces.join(", ")}` : " (cluster-scoped)"}`);
  }
  return out;
}
