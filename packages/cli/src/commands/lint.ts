import { formatDiagnostic, lintFiles, lintSummary } from "@rampart/core";
import { atOption, defineCommand, EXIT, fail, outputFormat, paint, printResult, stdinFor, UsageError } from "../kit.js";

/** `rampart lint`: privilege-escalation and least-privilege findings. */
export const command = defineCommand("lint", {
  usage: "<paths or RBAC manifests…|->",
  flags: [
    "at no-typescript",
    "-o, --output <text|json|yaml|sarif|github>  output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations); default: text; e.g. `-o github`",
  ],
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    if (args.positionals.length === 0) throw new UsageError("give files or directories of policies or RBAC manifests (or `-` for standard input)");
    const now = atOption(args);
    // Standard input holds manifests only (RBAC dumps); policies come from files.
    const stdin = await stdinFor(io, args.positionals);
    const result = await lintFiles(args.positionals, { cwd: io.cwd, stdin, noTypescript: args.values["no-typescript"] === true, now });
    const findings = result.findings;
    if (!findings) return fail(io, format, result.diagnostics);
    const errors = findings.filter((f) => f.severity === "error").length;
    const lines = findings.map((f) => paint(io, formatDiagnostic(f)));
    const data = { errors, warnings: findings.length - errors, findings };
    return printResult(io, format, { data, findings, lines, notes: [lintSummary(result)] }, errors > 0 ? EXIT.outcome : EXIT.ok);
  },
});
