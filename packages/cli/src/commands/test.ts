import { junitReport, policyTestFindings, policyTestSummary, runPolicyTests, textReport } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, str, UsageError } from "../command.js";
import { fail, loadOrReport } from "../load-policies.js";
import { outputFormat, printReport, type Format } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart test`: runs the PolicyTest documents (access, admission, traffic). */
export const test = defineCommand("test", {
  usage: "rampart test <paths…|-> [--cluster C] [--at TIME] [--no-typescript] [-o text|json|yaml|junit|sarif|github]",
  options: {
    ...pick(["cluster", "at", "no-typescript", "output"], { output: { description: "output format: `text`, `json`, `yaml`, `junit`, `sarif` (code scanning) or `github` (workflow annotations; a failed case is an error)", example: "-o junit" } }),
    reporter: { type: "string", description: "the same as `-o` for `text` and `junit` (kept for older pipelines)", default: "text", example: "--reporter junit" },
  },
  async run(args, io) {
    const reporter = str(args, "reporter");
    if (reporter !== undefined && reporter !== "text" && reporter !== "junit") throw new UsageError(`unknown reporter \`${reporter}\`; use \`text\` or \`junit\``);
    const format: Format = reporter === "junit" ? "junit" : outputFormat(args, ["junit", "sarif", "github"]);
    const now = atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const outcome = await runPolicyTests(loaded.documents, { cluster: str(args, "cluster"), now, cwd: io.cwd });
    if (!outcome.results) return fail(io, format, outcome.diagnostics);
    const results = outcome.results;
    if (results.length === 0) throw new UsageError("no PolicyTest cases found in the given paths");
    if (format === "junit") io.out(junitReport(results));
    else if (format === "text") for (const line of textReport(results)) io.out(line);
    else printReport(io, format, policyTestSummary(results), policyTestFindings(results));
    return results.every((r) => r.passed) ? EXIT.ok : EXIT.outcome;
  },
});
