import type { VerifyResult } from "@rampart/pipeline";
import type { Io } from "./command.js";

/** Prints a tree's verdict: a line per cluster and proof, and one per over-grant or over-admission with the files that cause it. */
export function printVerdict(io: Io, result: VerifyResult, onlyProblems = false): void {
  for (const r of result.clusters) {
    const n = r.network;
    if (onlyProblems && r.overGrants.length === 0 && (n?.overAdmissions.length ?? 0) === 0) continue;
    io.out(`${r.cluster}: ${r.objects} objects, ${r.checked} requests checked, ${r.overGrants.length} over-grants, ${r.underGrants} under-grants (${r.unexplained} unexplained)`);
    if (!r.writeLayer && r.overGrants.length > 0) io.out("  the write-path admission policy `rampart-access-writes` is missing from the tree: RBAC's broad write grants are not narrowed");
    for (const o of r.overGrants.slice(0, 20)) io.out(`  over-grant: ${JSON.stringify(o.request)} granted by ${o.files.map((f) => `${r.cluster}/${f}`).join(", ") || "(no binding found)"}`);
    if (!n) continue;
    io.out(`${r.cluster}: network: ${n.checked} flows checked on ${n.universe}, ${n.overAdmissions.length} over-admissions, ${n.underAdmitted} under-admissions`);
    for (const o of n.overAdmissions.slice(0, 20)) io.out(`  over-admission: ${o.src} → ${o.dst} ${o.port} (denied by the TrafficPolicies${o.rules.length ? `: ${o.rules.join(", ")}` : ""}) admitted by ${o.files.map((f) => `${r.cluster}/${f}`).join(", ")}`);
  }
}
