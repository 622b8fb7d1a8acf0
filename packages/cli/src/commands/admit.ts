import { hasErrors } from "@rampart/core";
import { admissionCounts, admissionFindings, admitManifests, formatAdmission } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport, printDiagnostics, readManifests } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart admit <paths…> -f <manifests…>`: manifests admitted offline with the emitted admission CEL; exit 1 when one is denied. */
export const admitCommand = defineCommand("admit", {
  usage: "rampart admit <paths…> -f <manifests…|-> [-n NAMESPACE] [--at TIME] [--no-typescript] [-o text|json|yaml|sarif|github]",
  options: pick(["file", "namespace", "at", "no-typescript", "output"], {
    file: { description: "the manifests to check (files or directories; `-` reads standard input, e.g. from `helm template`)", default: "none (required)" },
    output: { description: "output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations)", example: "-o sarif" },
  }),
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    const files = strs(args, "file");
    if (files.length === 0) throw new UsageError("give the manifests to check with `-f FILE` (repeatable; directories too; `-f -` reads standard input)");
    const now = atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const manifests = await readManifests(io, files);
    const { results, diagnostics } = admitManifests(loaded.documents, manifests.manifests, { now, namespace: str(args, "namespace") });
    const problems = [...diagnostics, ...manifests.diagnostics];
    if (hasErrors(problems) || !results) return fail(io, format, problems);
    if (format !== "text") printReport(io, format, { results, diagnostics: problems }, [...problems, ...admissionFindings(results)]);
    else {
      const { lines, summary } = formatAdmission(results);
      printDiagnostics(io, problems);
      for (const line of lines) io.out(line);
      io.err(summary);
    }
    return admissionCounts(results).deny > 0 ? EXIT.outcome : EXIT.ok;
  },
});
