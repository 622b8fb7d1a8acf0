import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { connlist, corpusFlows, readCorpus } from "./corpus.js";

/** Cases whose expected output the engine does not reproduce, each with the reason (none at present). */
export const KNOWN_DISAGREEMENTS: Record<string, { lines: RegExp; reason: string }> = {};

describeConformance("netpol-analyzer", "connectivity engine vs netpol-analyzer connlist outputs", () => {
  // The case list is read while collecting (one test per case); the outputs only inside the tests.
  const dirs = readdirSync(conformancePath("netpol-analyzer/tests")).sort();
  const results: { dir: string; ok: boolean; missing: string[]; extra: string[] }[] = [];

  it.each(dirs)("%s", (dir) => {
    const expectedFile = conformancePath("netpol-analyzer/test_outputs/connlist", `${dir}_connlist_output.txt`);
    const exposureFile = conformancePath("netpol-analyzer/test_outputs/connlist", `${dir}_exposure_output.txt`);
    const file = existsSync(expectedFile) ? expectedFile : exposureFile;
    const expected = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.includes(" => "))
      .map((l) => l.trim())
      .sort();
    const actual = connlist(corpusFlows(readCorpus(conformancePath("netpol-analyzer/tests", dir))));
    const cut =
      file === exposureFile ? expected.filter((l) => !l.includes("[all namespaces]") && !l.includes("[namespace with") && !l.includes("[pod with")) : expected;
    const r = { dir, missing: cut.filter((l) => !actual.includes(l)), extra: actual.filter((l) => !cut.includes(l)) };
    results.push({ ...r, ok: r.missing.length === 0 && r.extra.length === 0 });
    const known = KNOWN_DISAGREEMENTS[dir];
    const missing = known ? r.missing.filter((l) => !known.lines.test(l)) : r.missing;
    const extra = known ? r.extra.filter((l) => !known.lines.test(l)) : r.extra;
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  });

  it("covers every case of the corpus", () => {
    // 38 upstream cases at the pinned corpus revision; a change means the corpus moved.
    expect(dirs.length).toBe(38);
  });

  afterAll(() => {
    console.log(`[conformance] netpol-analyzer: ${results.filter((r) => r.ok).length}/${results.length} cases agree`);
    for (const r of results)
      if (!r.ok) console.log(`  ${r.dir}: ${r.missing.length} missing, ${r.extra.length} extra; e.g. ${r.missing[0] ?? ""} | ${r.extra[0] ?? ""}`);
  });
});
