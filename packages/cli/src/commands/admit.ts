import { hasErrors } from "@rampart/core";
import { admissionCounts, admissionFindings, admitManifests, formatAdmission } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, loadOrReport, outputFormat, printResult, readManifests, str, strs, UsageError } from "../kit.js";

/** `rampart admit <paths…> -f <manifests…>`: manifests admitted offline with the emitted admission CEL; exit 1 when one is denied. */
export const command = defineCommand("admit", {
  usage: "<paths…> -f <manifests…|->",
  flags: [
    "-f, --file <MANIFESTS>…  the manifests to check (files or directories; `-` reads standard input, e.g. from `helm template`); default: none (required); e.g. `-f deploy/ -f -`",
    "namespace at no-typescript",
    "-o, --output <text|json|yaml|sarif|github>  output format: `text`, `json`, `yaml`, `sarif` (code scanning) or `github` (workflow annotations); default: text; e.g. `-o sarif`",
  ],
  async run(args, io) {
    const format = outputFormat(args, ["sarif", "github"]);
    const files = strs(args, "file");
    if (files.length === 0) throw new UsageError("give the manifests to check with `-f FILE` (repeatable; directories too; `-f -` reads standard input)");
    const now = atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    const manifests = await readManifests(io, files);
    const { results, diagnostics } = admitManifests(loaded.documents, manifests.manifests, { now, namespace: str(args, "namespace") });
    const problems = [...diagnostics, ...manifests.diagnostics];
    if (hasErrors(problems) || !results) return fail(io, format, problems);
    const { lines, summary } = formatAdmission(results);
    const findings = [...problems, ...admissionFindings(results)];
    const code = admissionCounts(results).deny > 0 ? EXIT.outcome : EXIT.ok;
    return printResult(io, format, { data: { results, diagnostics: problems }, findings, diagnostics: problems, lines, notes: [summary] }, code);
  },
});
