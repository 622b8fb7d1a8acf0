import { resolve } from "node:path";
import { hasErrors, normaliseClusters } from "@rampart/core";
import { buildCheckSummary, buildPolicies, checkBuild, driftFindings, formatBuildCheck, manifestStream, writeTree } from "@rampart/pipeline";
import { buildOptions, defineCommand, EXIT, type Parsed, shownDiagnostics, str, UsageError } from "../command.js";
import { fail, loadOrReport, printDiagnostics, sourceRootOption } from "../load-policies.js";
import { outputFormat, printReport, type Format } from "../output-format.js";
import { pick } from "../options.js";

const FORMAT_NAMES = ["text", "json", "yaml", "sarif", "github", "junit"];

/** The `--format` of diagnostics (`-o` is the output directory); `-o json` and the like are refused, they are almost always a mistaken format. */
function formatAndDir(args: Parsed): { format: Format; out: string | undefined } {
  const format = outputFormat({ ...args, values: { ...args.values, output: str(args, "format") } }, ["sarif", "github"]);
  const out = str(args, "out");
  if (out !== undefined && FORMAT_NAMES.includes(out)) {
    throw new UsageError(`\`-o ${out}\` names the output directory of \`build\`, not a format; use \`--format ${out}\` for the diagnostics and \`-o <dir>\` for the manifests (\`-o ./${out}\` if you really mean a directory named \`${out}\`)`);
  }
  if (args.values.stdout === true && (out !== undefined || args.values.check)) throw new UsageError("`--stdout` prints the manifests instead of writing `-o <dir>`; give one or the other (and no `--check`)");
  if (args.values.stdout === true && format !== "text") throw new UsageError("`--stdout` prints manifests on standard output; the diagnostics go to standard error as text, so drop `--format`");
  if (!out && args.values.stdout !== true) throw new UsageError("`-o <dir>` (or `--stdout` for one cluster) is required");
  return { format, out };
}

/** `rampart build`: compile every cluster's tree, atomically, or check it for drift; `--stdout` prints one cluster's manifests. */
export const build = defineCommand("build", {
  usage: "rampart build <paths…|-> (-o <dir> | --stdout) [--cluster NAME] [--inventory FILE] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--no-typescript] [--check] [--verbose] [--format text|json|yaml|sarif|github]",
  options: {
    out: { type: "string", short: "o", description: "the output directory: `<dir>/<cluster>/{rbac,admission,network}/*.yaml` and a kustomization.yaml per cluster", default: "none (required unless `--stdout`)", example: "-o out" },
    stdout: { type: "boolean", description: "print one cluster's manifests as a single YAML stream instead of writing a tree (for `kubectl apply -f -`)", default: "off", example: "--stdout --cluster prod" },
    check: { type: "boolean", description: "write nothing; exit 1 if the tree at `-o` differs from a fresh build or grants more than the policies", default: "off", example: "--check" },
    format: { type: "string", description: "format of the diagnostics and the summary: `text`, `json`, `yaml`, `sarif` or `github`", default: "text", example: "--format github" },
    ...pick(["cluster", "inventory", "network-backend", "write-precision", "at", "verbose", "source-root", "no-typescript"]),
  },
  async run(args, io) {
    const { format, out } = formatAndDir(args);
    const options = buildOptions(args, io);
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRootOption(io, args));
    if (!loaded) return EXIT.invalid;
    const clusters = normaliseClusters(loaded.documents).map((c) => c.name).sort();
    if (args.values.stdout && options.cluster === undefined && clusters.length > 1) throw new UsageError(`\`--stdout\` prints one cluster; select it with \`--cluster\` (the policies define ${clusters.map((c) => `\`${c}\``).join(", ")})`);
    const result = await buildPolicies(loaded.documents, options);
    const shown = shownDiagnostics(args, result.diagnostics);
    if (hasErrors(result.diagnostics)) return fail(io, format, shown);
    if (format === "text") printDiagnostics(io, shown);
    if (args.values.stdout) {
      io.out(manifestStream([...result.clusters.values()][0]!.files));
      return EXIT.ok;
    }
    if (args.values.check) {
      const check = await checkBuild(loaded.documents, resolve(io.cwd, out!), result, options);
      if (format !== "text") printReport(io, format, { ok: check.ok, drift: check.drift, diagnostics: shown, clusters: check.proof.clusters }, [...shown, ...driftFindings(check.drift, out!)]);
      else {
        for (const line of formatBuildCheck(check)) io.out(line);
        for (const line of buildCheckSummary(check, out!)) io.err(line);
      }
      return check.ok ? EXIT.ok : EXIT.outcome;
    }
    await writeTree(resolve(io.cwd, out!), result.clusters);
    const files = [...result.clusters.values()].reduce((n, c) => n + c.files.size, 0);
    if (format !== "text") printReport(io, format, { written: files, clusters: [...result.clusters.keys()], diagnostics: shown }, shown);
    else io.err(`wrote ${files} files for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")}) to ${out}`);
    return EXIT.ok;
  },
});
