import { hasErrors, normaliseClusters } from "@rampart/core";
import { buildPoliciesInParallel, buildTarget, runBuild } from "@rampart/pipeline/build";
import { BUILD_FLAGS, buildOptions, defineCommand, EXIT, fail, loadOrReport, outputFormat, printDiagnostics, printResult, shownDiagnostics } from "../kit.js";
import { orUsage, parallelOptions, sourceRootOption, str, UsageError } from "../kit.js";

/** `rampart build`: compile every cluster's tree, atomically, or check it for drift; `--stdout` prints one cluster's manifests. */
export const command = defineCommand("build", {
  usage: "<paths…|-> (-o <dir> | --stdout)",
  flags: [
    "-o, --out <DIR>  the output directory: `<dir>/<cluster>/{rbac,admission,network}/*.yaml` and a kustomization.yaml per cluster; default: none (required unless `--stdout`); e.g. `-o out`",
    "--stdout  print one cluster's manifests as a single YAML stream instead of writing a tree (for `kubectl apply -f -`); default: off; e.g. `--stdout --cluster prod`",
    "--check  write nothing; exit 1 if the tree at `-o` differs from a fresh build or grants more than the policies; default: off; e.g. `--check`",
    "--format <text|json|yaml|sarif|github>  format of the diagnostics and the summary: `text`, `json`, `yaml`, `sarif` or `github`; default: text; e.g. `--format github`",
    BUILD_FLAGS,
    "jobs",
  ],
  async run(args, io) {
    const format = outputFormat({ ...args, values: { ...args.values, output: str(args, "format") } }, ["sarif", "github"]);
    const [out, stdout, check] = [str(args, "out"), args.values.stdout === true, args.values.check === true];
    const { target } = orUsage(buildTarget({ out, stdout, check, textDiagnostics: format === "text", cwd: io.cwd }));
    const options = buildOptions(args, io);
    const root = sourceRootOption(io, args);
    const loaded = await loadOrReport(io, args, args.positionals, format, root);
    const clusters = normaliseClusters(loaded.documents).map((c) => `\`${c.name}\``);
    if (target.mode === "stdout" && options.cluster === undefined && clusters.length > 1) {
      throw new UsageError(`\`--stdout\` prints one cluster; select it with \`--cluster\` (the policies define ${clusters.sort().join(", ")})`);
    }
    const result = await buildPoliciesInParallel(loaded.documents, { ...options, ...parallelOptions(io, args, root) });
    const shown = shownDiagnostics(args, result.diagnostics);
    if (hasErrors(result.diagnostics)) return fail(io, format, shown);
    if (format === "text") printDiagnostics(io, shown);
    const run = await runBuild(loaded.documents, result, target, shown, options);
    return printResult(io, target.mode === "stdout" ? "text" : format, run, run.status);
  },
});
