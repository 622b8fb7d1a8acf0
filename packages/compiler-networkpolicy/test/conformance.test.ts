import { existsSync, readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { connlist, corpusFlows, readCorpus } from "./corpus.js";

/** Cases whose expected output the engine does not reproduce, each with the reason (none at present). */
export const KNOWN_DISAGREEMENTS: Record<string, { lines: RegExp; reason: string }> = {};

describeConformance("netpol-analyzer", "connectivity engine vs netpol-analyzer connlist outputs", () => {
  const dirs = readdirSync(conformancePath("netpol-analyzer/tests")).sort();
  const results: { dir: string; ok: boolean; missing: string[]; extra: string[] }[] = [];
  for (const dir of dirs) {
    const expectedFile = conformancePath("netpol-analyzer/test_outputs/connlist", `${dir}_connlist_output.txt`);
    const exposureFile = conformancePath("netpol-analyzer/test_outputs/connlist", `${dir}_exposure_output.txt`);
    const file = existsSync(expectedFile) ? expectedFile : exposureFile;
    const expected = readFileSync(file, "utf8").split("\n").filter((l) => l.includes(" => ")).map((l) => l.trim()).sort();
    const actual = connlist(corpusFlows(readCorpus(conformancePath("netpol-analyzer/tests", dir))));
    const cut = file === exposureFile ? expected.filter((l) => !l.includes("[all namespaces]") && !l.includes("[namespace with") && !l.includes("[pod with")) : expected;
    const missing = cut.filter((l) => !actual.includes(l));
    const extra = actual.filter((l) => !cut.includes(l));
    results.push({ dir, ok: missing.length === 0 && extra.length === 0, missing, extra });
  }
  const agreed = results.filter((r) => r.ok).length;
  console.log(`[conformance] netpol-analyzer: ${agreed}/${results.length} cases agree`);
  for (const r of results) if (!r.ok) console.log(`  ${r.dir}: ${r.missing.length} missing, ${r.extra.length} extra; e.g. ${r.missing[0] ?? ""} | ${r.extra[0] ?? ""}`);

  it.each(results.map((r) => [r.dir, r] as const))("%s", (dir, r) => {
    const known = KNOWN_DISAGREEMENTS[dir];
    const missing = known ? r.missing.filter((l) => !known.lines.test(l)) : r.missing;
    const extra = known ? r.extra.filter((l) => !known.lines.test(l)) : r.extra;
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  });
});
