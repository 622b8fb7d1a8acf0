// A clone without ../shared/conformance must pass with the conformance suites shown as skipped:
// run vitest (child process) on every suite that needs a corpus, with the corpus path pointed at an
// empty folder, and read its JSON report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";

/** Every test file that calls describeConformance, with the corpora it needs. */
const SUITES: Record<string, string[]> = {
  "packages/pipeline/test/live-discovery.test.ts": ["discovery"],
  "packages/compiler-networkpolicy/test/conformance.test.ts": ["netpol-analyzer"],
  "packages/compiler-networkpolicy/test/schemas.test.ts": ["openapi", "network-policy-api"],
  "packages/compiler-rbac/test/authorizer.test.ts": ["rbac"],
  "packages/compiler-rbac/test/openapi.test.ts": ["openapi"],
  "packages/compiler-vap/test/kyverno-pss.conformance.test.ts": ["kyverno-pss-cel"],
  "packages/compiler-vap/test/openapi.test.ts": ["openapi"],
  "packages/compiler-vap/test/pod-security.conformance.test.ts": ["pod-security"],
};

type Report = {
  success: boolean;
  numFailedTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { title: string; status: string }[] }[];
};

describe("conformance suites without the corpus", () => {
  const empty = mkdtempSync(join(tmpdir(), "rampart-no-corpus-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  // A child vitest run over eight files: minutes on a busy 2-core machine.
  it("are skipped with a notice naming the missing folder, never failed, and the other tests of their files still run", { timeout: 300_000 }, () => {
    const out = join(empty, "report.json");
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, "node_modules/vitest/vitest.mjs"), "run", ...Object.keys(SUITES), "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, RAMPART_CONFORMANCE_DIR: empty, RAMPART_PROPERTY_SCALE: "0.05" },
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report.success).toBe(true);
    expect(report.numFailedTests).toBe(0);
    const files = report.testResults.map((f) => f.name.slice(REPO_ROOT.length + 1)).sort();
    expect(files).toEqual(Object.keys(SUITES).sort());
    for (const file of report.testResults) {
      const name = file.name.slice(REPO_ROOT.length + 1);
      expect(file.message, name).toBe("");
      const skipped = file.assertionResults.filter((a) => a.status === "skipped").map((a) => a.title);
      // One skipped placeholder per conformance suite of the file, naming the missing corpus folder.
      expect(skipped, name).toEqual(SUITES[name]!.map((corpus) => `skipped: conformance corpus ${join(empty, corpus)} not found`));
      expect(
        file.assertionResults.filter((a) => a.status !== "skipped" && a.status !== "passed"),
        name,
      ).toEqual([]);
    }
    // The discovery tests that need no corpus still ran and passed.
    const discovery = report.testResults.find((f) => f.name.endsWith("live-discovery.test.ts"))!;
    expect(discovery.assertionResults.filter((a) => a.status === "passed").length).toBe(7);
    // The notice is printed for each suite (vitest prints a test file's console output with the file).
    const notices = `${run.stdout}${run.stderr}`.match(/\[conformance\] ".*" skipped: conformance corpus \S+ not found/g) ?? [];
    expect(notices.length).toBe(Object.values(SUITES).flat().length);
  });
});
