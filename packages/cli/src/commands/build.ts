import { hasErrors, normaliseClusters } from "@rampart/core";
import { buildPolicies, runBuild, type BuildTarget } from "@rampart/pipeline/build";
import { BUILD_FLAGS, buildOptions, defineCommand, EXIT, fail, loadOrReport, outputFormat, printDiagnostics, printResult, shownDiagnostics } from "../kit.js";
import { sourceRootOption, str, UsageError, type Format, type Parsed } from "../kit.js";

const FORMAT_NAMES = ["text", "json", "yaml", "sarif", "github", "junit"];
const NOT_A_FORMAT = (o: string) =>
  `\`-o ${o}\` names the output directory of \`build\`, not a format; use \`--format ${o}\` for the diagnostics and \`-o <dir>\` for the manifests (\`-o ./${o}\` if you really mean a directory named \`${o}\`)`;
const STDOUT_OR_DIR = "`--stdout` prints the manifests instead of writing `-o <dir>`; give one or the other (and no `--check`)";
const STDOUT_TEXT = "`--stdout` prints manifests on standard output; the diagnostics go to standard error as text, so drop `--format`";

/** The `--format` of diagnostics (`-o` is the output directory, refused when it names a format) and what to do with the build. */
function formatAndTarget(args: Parsed, cwd: string): { format: Format; target: BuildTarget } {
  const format = outputFormat({ ...args, values: { ...args.values, output: str(args, "format") } }, ["sarif", "github"]);
  const [out, stdout] = [str(args, "out"), args.values.stdout === true];
  if (out !== undefined && FORMAT_NAMES.includes(out)) throw new UsageError(NOT_A_FORMAT(out));
  if (stdout && (out !== undefined || args.values.check)) throw new UsageError(STDOUT_OR_DIR);
  if (stdout && format !== "text") throw new UsageError(STDOUT_TEXT);
  if (!out && !stdout) throw new UsageError("`-o <dir>` (or `--stdout` for one cluster) is required");
  return { format, target: out ? { mode: args.values.check ? "check" : "write", out, cwd } : { mode: "stdout" } };
}

/** `rampart build`: compile every cluster's tree, atomically, or check it for drift; `--stdout` prints one cluster's manifests. */
export const command = defineCommand("build", {
  usage: "<paths…|-> (-o <dir> | --stdout)",
  flags: [
    "-o, --out <DIR>  the output directory: `<dir>/<cluster>/{rbac,admission,network}/*.yaml` and a kustomization.yaml per cluster; default: none (required unless `--stdout`); e.g. `-o out`",
    "--stdout  print one cluster's manifests as a single YAML stream instead of writing a tree (for `kubectl apply -f -`); default: off; e.g. `--stdout --cluster prod`",
    "--check  write nothing; exit 1 if the tree at `-o` differs from a fresh build or grants more than the policies; default: off; e.g. `--check`",
    "--format <text|json|yaml|sarif|github>  format of the diagnostics and the summary: `text`, `json`, `yaml`, `sarif` or `github`; default: text; e.g. `--format github`",
    BUILD_FLAGS,
  ],
  async run(args, io) {
    const { format, target } = formatAndTarget(args, io.cwd);
    const options = buildOptions(args, io);
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRootOption(io, args));
    if (!loaded) return EXIT.invalid;
    const clusters = normaliseClusters(loaded.documents).map((c) => `\`${c.name}\``);
    if (target.mode === "stdout" && options.cluster === undefined && clusters.length > 1) {
      throw new UsageError(`\`--stdout\` prints one cluster; select it with \`--cluster\` (the policies define ${clusters.sort().join(", ")})`);
    }
    const result = await buildPolicies(loaded.documents, options);
    const shown = shownDiagnostics(args, result.diagnostics);
    if (hasErrors(result.diagnostics)) return fail(io, format, shown);
    if (format === "text") printDiagnostics(io, shown);
    const run = await runBuild(loaded.documents, result, target, shown, options);
    return printResult(io, target.mode === "stdout" ? "text" : format, run, run.status);
  },
});
