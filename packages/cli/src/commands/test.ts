import { junitReport, policyTestFindings, policyTestSummary, runPolicyTests, textReport } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, type Format, loadOrReport, outputFormat, printResult, str, UsageError } from "../kit.js";

/** `rampart test`: runs the PolicyTest documents (access, admission, traffic). */
export const command = defineCommand("test", {
  usage: "<paths…|->",
  flags: [
    "cluster at no-typescript",
    "-o, --output <text|json|yaml|junit|sarif|github>  output format: `text`, `json`, `yaml`, `junit`, `sarif` (code scanning) or `github` (workflow annotations; a failed case is an error); default: text; e.g. `-o junit`",
    "--reporter <text|junit>  the same as `-o` for `text` and `junit` (kept for older pipelines); default: text; e.g. `--reporter junit`",
  ],
  async run(args, io) {
    const reporter = str(args, "reporter");
    if (!["text", "junit", undefined].includes(reporter)) throw new UsageError(`unknown reporter \`${reporter}\`; use \`text\` or \`junit\``);
    const format: Format = reporter === "junit" ? "junit" : outputFormat(args, ["junit", "sarif", "github"]);
    const now = atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    const { results, diagnostics } = await runPolicyTests(loaded.documents, { cluster: str(args, "cluster"), now, cwd: io.cwd });
    if (!results) return fail(io, format, diagnostics);
    if (results.length === 0) throw new UsageError("no PolicyTest cases found in the given paths");
    const code = results.every((r) => r.passed) ? EXIT.ok : EXIT.outcome;
    if (format === "junit") io.out(junitReport(results));
    return printResult(io, format, { data: policyTestSummary(results), findings: policyTestFindings(results), lines: textReport(results) }, code);
  },
});
