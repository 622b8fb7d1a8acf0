import { junitReport, runPolicyTests, textReport } from "@rampart/pipeline";
import { atOption, type Command, EXIT, jsonOutput, OUTPUT_OPTION, str, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

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
    const outcome = await runPolicyTests(loaded.documents, { cluster: str(args, "cluster"), now, cwd: io.cwd });
    if (!outcome.results) {
      printDiagnostics(io, outcome.diagnostics);
      return EXIT.invalid;
    }
    const results = outcome.results;
    if (results.length === 0) throw new UsageError("no PolicyTest cases found in the given paths");
    if (json) io.out(JSON.stringify({ passed: results.filter((r) => r.passed && !r.skipped).length, skipped: results.filter((r) => r.skipped).length, failed: results.filter((r) => !r.passed).length, results }, null, 2));
    else if (reporter === "junit") io.out(junitReport(results));
    else for (const line of textReport(results)) io.out(line);
    return results.every((r) => r.passed) ? EXIT.ok : EXIT.outcome;
  },
};
