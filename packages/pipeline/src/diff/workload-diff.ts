import type { RampartDocument } from "@rampart/core";
import { admitWithObjects, compileVap, type AdmitResult } from "@rampart/compiler-vap";
import type { WorkloadChange } from "./types.js";

/** A manifest to admit, with the file it came from. */
export interface ManifestInput {
  value: Record<string, unknown>;
  file: string;
}

type Verdict = WorkloadChange["before"];

const verdict = (r: AdmitResult): Verdict => (r.decision === "allow" ? "admit" : r.decision);
const RANK: Record<Verdict, number> = { admit: 0, warn: 1, deny: 2 };

/**
 * The manifests whose admission verdict (the ValidatingAdmissionPolicies compiled from each
 * version's WorkloadPolicies, run offline) differs, with the rules that decide on the stricter side.
 */
export function diffWorkloads(
  base: readonly RampartDocument[],
  head: readonly RampartDocument[],
  manifests: readonly ManifestInput[],
  now: Date,
): WorkloadChange[] {
  const before = compileVap(base, { now }).objects;
  const after = compileVap(head, { now }).objects;
  const out: WorkloadChange[] = [];
  for (const m of manifests) {
    const rb = admitWithObjects(before, [m.value]);
    const ra = admitWithObjects(after, [m.value]);
    for (let i = 0; i < Math.min(rb.length, ra.length); i++) {
      const b = rb[i]!;
      const a = ra[i]!;
      if (verdict(a) === verdict(b)) continue;
      const stricter = RANK[verdict(a)] > RANK[verdict(b)] ? a : b;
      const action = stricter.decision === "deny" ? "Deny" : "Warn";
      const rules = [...new Set(stricter.violations.filter((v) => v.actions.includes(action)).map((v) => v.ruleName))].sort();
      out.push({ file: m.file, object: `${a.kind}/${a.namespace ? `${a.namespace}/` : ""}${a.name}`, before: verdict(b), after: verdict(a), rules });
    }
  }
  return out;
}
