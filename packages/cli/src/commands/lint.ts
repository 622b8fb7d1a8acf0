import { formatDiagnostic, lintFiles, lintSummary } from "@rampart/core";
import { atOption, defineCommand, EXIT, UsageError } from "../command.js";
import { fail, stdinFor } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { paint } from "../colour.js";
import { pick } from "../options.js";

/** `rampart lint`: privilege-escalation and least-privilege findings. */
export const lintCommand = defineCommand("lint", {
  usage: "rampart lint <paths or RBAC manifests…|-> [--at TIME] [--no-typescript] [-o text|json|yaml|sarif|github]",
  options: pick(["at", "no-typescript", "output"], { output: { description: "output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations)", example: "-o github" } }),
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    if (args.positionals.length === 0) throw new UsageError("give files or directories of policies or RBAC manifests (or `-` for standard input)");
    const now = atOption(args);
    // Standard input holds manifests only (RBAC dumps); policies come from files.
    const result = await lintFiles(args.positionals, { cwd: io.cwd, stdin: await stdinFor(io, args.positionals), noTypescript: args.values["no-typescript"] === true, now });
    const findings = result.findings;
    if (!findings) return fail(io, format, result.diagnostics);
    const errors = findings.filter((f) => f.severity === "error").length;
    if (format !== "text") printReport(io, format, { errors, warnings: findings.length - errors, findings }, findings);
    else {
      for (const f of findings) io.out(paint(io, formatDiagnostic(f)));
      io.err(lintSummary(result));
    }
    return errors > 0 ? EXIT.outcome : EXIT.ok;
  },
});
