import { ACCESS_WRITES_POLICY } from "@rampart/compiler-vap";
import type { VerifyResult } from "./verify-tree.js";

/** Lines of a tree's verdict: one per cluster and proof, and one per over-grant or over-admission (at most 20 each) with the files that cause it. */
export function formatVerdict(result: VerifyResult, options: { onlyProblems?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const r of result.clusters) {
    const n = r.network;
    if (options.onlyProblems && r.overGrants.length === 0 && (n?.overAdmissions.length ?? 0) === 0) continue;
    const files = (list: readonly string[]) => list.map((f) => `${r.cluster}/${f}`).join(", ");
    lines.push(
      `${r.cluster}: ${r.objects} objects, ${r.checked} requests checked, ${r.overGrants.length} over-grants, ${r.underGrants} under-grants (${r.unexplained} unexplained)`,
    );
    if (!r.writeLayer && r.overGrants.length > 0)
      lines.push(`  the write-path admission policy \`${ACCESS_WRITES_POLICY}\` is missing from the tree: RBAC's broad write grants are not narrowed`);
    for (const o of r.overGrants.slice(0, 20)) lines.push(`  over-grant: ${JSON.stringify(o.request)} granted by ${files(o.files) || "(no binding found)"}`);
    if (!n) continue;
    lines.push(
      `${r.cluster}: network: ${n.checked} flows checked on ${n.universe}, ${n.overAdmissions.length} over-admissions, ${n.underAdmitted} under-admissions`,
    );
    for (const o of n.overAdmissions.slice(0, 20))
      lines.push(
        `  over-admission: ${o.src} → ${o.dst} ${o.port} (denied by the TrafficPolicies${o.rules.length ? `: ${o.rules.join(", ")}` : ""}) admitted by ${files(o.files)}`,
      );
  }
  return lines;
}
