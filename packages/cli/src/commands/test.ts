import { runAccessCases } from "../policy-tests/access-cases.js";
import { junitReport, textReport } from "../policy-tests/report.js";
import { POLICY_TEST_RUNNERS, registerRunner } from "../policy-tests/runners.js";
import { runAdmissionCases } from "../policy-tests/admission-cases.js";
import { runTrafficCases } from "../policy-tests/traffic-cases.js";

registerRunner(runAdmissionCases);
registerRunner(runTrafficCases);
import type { CaseResult } from "../policy-tests/types.js";
import { atOption, type Command, EXIT, jsonOutput, loadOrReport, OUTPUT_OPTION, printDiagnostics, str, UsageError } from "../command.js";

/** `rampart test`: runs the PolicyTest documents (access, admission, traffic). */
export const test: Command = {
  name: "test",
  summary: "run PolicyTest documents: access requests, admission manifests and traffic flows",
  usage: "rampart test <paths…> [--cluster C] [--at TIME] [--reporter text|junit] [-o json]",
  options: { cluster: { type: "string" }, at: { type: "string" }, reporter: { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const reporter = str(args, "reporter") ?? "text";
    if (reporter !== "text" && reporter !== "junit") throw new UsageError(`unknown reporter \`${reporter}\`; use \`text\` or \`junit\``);
    const now = atOption(args);
    const loaded = await loadOrReport(io, args.positionals, json);
    if (!loaded) return EXIT.invalid;
    const cluster = str(args, "cluster");
    const options = cluster === undefined ? { now } : { cluster, now };
    const results: CaseResult[] = runAccessCases(loaded.documents, options);
    for (const runner of POLICY_TEST_RUNNERS) {
      const r = await runner(loaded.documents, { ...options, cwd: io.cwd });
      if ("diagnostics" in r) {
        printDiagnostics(io, r.diagnostics);
        return EXIT.invalid;
      }
      results.push(...r.results);
    }
    if (results.length === 0) throw new UsageError("no PolicyTest cases found in the given paths");
    if (json) io.out(JSON.stringify({ passed: results.filter((r) => r.passed && !r.skipped).length, skipped: results.filter((r) => r.skipped).length, failed: results.filter((r) => !r.passed).length, results }, null, 2));
    else if (reporter === "junit") io.out(junitReport(results));
    else for (const line of textReport(results)) io.out(line);
    return results.every((r) => r.passed) ? EXIT.ok : EXIT.outcome;
  },
};
