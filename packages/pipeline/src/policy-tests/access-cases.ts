import { createEvaluator, documentsOfKind, normaliseClusters, positionOf, type AccessRequest, type Evaluator, type RampartDocument } from "@rampart/core";
import type { CaseResult } from "./types.js";

/** A request as one line: `bob (payments) get pods payments/nginx-1 @prod`. */
export function describeRequest(r: AccessRequest): string {
  const who = `${r.user || "<anonymous>"}${r.groups?.length ? ` (${r.groups.join(", ")})` : ""}`;
  if (r.nonResourceURL) return `${who} ${r.verb} ${r.nonResourceURL}${r.cluster ? ` @${r.cluster}` : ""}`;
  const res = `${r.resource ?? ""}${r.apiGroup ? `.${r.apiGroup}` : ""}${r.subresource ? `/${r.subresource}` : ""}`;
  const obj = r.namespace ? `${r.namespace}/${r.name || "*"}` : r.name || "*";
  return `${who} ${r.verb} ${res} ${obj}${r.cluster ? ` @${r.cluster}` : ""}`;
}

/**
 * Runs the access cases of every PolicyTest against the evaluator. A case that names no
 * cluster (and no `--cluster` was given) must hold in every cluster.
 */
export function runAccessCases(documents: readonly RampartDocument[], options: { cluster?: string; now: Date }): CaseResult[] {
  let evaluator: Evaluator | undefined;
  const clusters = normaliseClusters(documents).map((c) => c.name);
  const results: CaseResult[] = [];
  for (const test of documentsOfKind(documents, "PolicyTest")) {
    (test.spec.access ?? []).forEach((c, i) => {
      evaluator ??= createEvaluator(documents, { now: options.now });
      const targets = c.request.cluster ? [c.request.cluster] : options.cluster ? [options.cluster] : clusters;
      const decisions = targets.map((cluster) => ({ cluster, d: evaluator!.decide({ ...c.request, cluster }) }));
      const wrong = decisions.filter(({ d }) => d.decision !== c.expect);
      const shown = wrong[0] ?? decisions[0]!;
      const where =
        wrong.length > 0 && targets.length > 1 ? ` in cluster${wrong.length > 1 ? "s" : ""} ${wrong.map((w) => `\`${w.cluster}\``).join(", ")}` : "";
      results.push({
        id: `${test.metadata.name}/access[${i}]`,
        suite: test.metadata.name,
        kind: "access",
        title: describeRequest(c.request),
        expected: c.expect,
        actual: `${shown.d.decision}${where}`,
        passed: wrong.length === 0,
        detail: shown.d.reason,
        ...positionOf(test, ["spec", "access", i]),
      });
    });
  }
  return results;
}
