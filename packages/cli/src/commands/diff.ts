import { diffLive, diffPaths, driftVerdict, formatDiffJson, formatDiffMarkdown, formatDiffText, formatDrift, hasNewAccess } from "@rampart/pipeline";
import { diffBaseFlags } from "@rampart/pipeline";
import { atOption, buildOptions, defineCommand, EXIT, fail, type Io, loadOrReport, networkBackendOption, orUsage, outputFormat, type Parsed } from "../kit.js";
import { printReport, printResult, sourceRootOption, stdinFor, str, strs, UsageError } from "../kit.js";

const NO_MODE =
  "`--live` is required (or `--base <git-ref|dir>`): `rampart diff` compares a build with a live cluster, or two versions of the policies (to compare with a built tree on disk, use `rampart build -o DIR --check`)";

/** `rampart diff <paths…> --base <git-ref|dir>`: parse, call `diffPaths`, print. */
async function diffBase(args: Parsed, io: Io): Promise<number> {
  const output = outputFormat(args, ["markdown"]);
  const failOn = str(args, "fail-on");
  const flags = { paths: args.positionals, failOn, inventoryFile: str(args, "inventory"), externals: strs(args, "external") };
  const { externals } = orUsage(diffBaseFlags(flags));
  const [manifestFiles, cluster, noTypescript] = [strs(args, "file"), str(args, "cluster"), args.values["no-typescript"] === true];
  const inputs = { inventoryFile: str(args, "inventory"), workloadsFile: str(args, "workloads"), manifestFiles, stdin: await stdinFor(io, manifestFiles) };
  const options = { now: atOption(args), networkBackend: networkBackendOption(args), externals, cluster, noTypescript, cwd: io.cwd };
  const { diff, diagnostics } = await diffPaths({ paths: args.positionals, base: str(args, "base")!, ...options, ...inputs });
  if (!diff) return fail(io, output === "markdown" ? "text" : output, diagnostics);
  if (output === "json") io.out(formatDiffJson(diff));
  else if (output === "yaml") printReport(io, "yaml", JSON.parse(formatDiffJson(diff)), []);
  else printResult(io, "text", { data: diff, diagnostics, lines: output === "markdown" ? [formatDiffMarkdown(diff)] : formatDiffText(diff) }, EXIT.ok);
  return failOn !== undefined && hasNewAccess(diff) ? EXIT.outcome : EXIT.ok;
}

/** `rampart diff --live`: the build of one cluster against the objects in the live cluster; `--base`: the semantic diff of two policy versions. */
export const command = defineCommand("diff", {
  // Two forms, each naming its own flags.
  usage: `<paths…> --live [--context CTX] [--kubeconfig FILE] [--cluster NAME] [--inventory FILE|live] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--no-typescript] [--verbose] [-o text|json|yaml]
rampart diff <paths…> --base <git-ref|dir> [--inventory FILE] [--cluster NAME] [--workloads FILE] [--external IP]… [-f <manifests…>] [--no-typescript] [--at TIME] [-o text|json|yaml|markdown] [--fail-on new-access]

--live: exit 0 in sync, 1 drift, 2 invalid input or an unreachable cluster; --base: exit 0, 1 with \`--fail-on new-access\` when anything is allowed after and not before, 2 invalid input`,
  flags: [
    "--live  compare the build of one cluster with the objects in the live cluster (drift); default: off; e.g. `--live --context prod`",
    "--base <git-ref|dir>  compare with the policies at a git ref or in a directory (semantic diff); default: none; e.g. `--base origin/main`",
    "--context <CTX>  the kubeconfig context to compare with (`--live`); default: the current context; e.g. `--context prod`",
    "kubeconfig cluster",
    "--inventory <FILE|live>  an inventory file, or `live` to pull it from the context (`--live` only); default: the `Cluster` document's inventory; e.g. `--inventory live`",
    "network-backend write-precision at verbose workloads external file no-typescript source-root",
    "-o, --output <text|json|yaml|markdown>  output format: `text`, `json`, `yaml`, or `markdown` (`--base` only, for pull-request comments); default: text; e.g. `-o markdown`",
    "--fail-on <new-access>  exit 1 when the condition holds: `new-access` (anything allowed after and not before; `--base` only); default: none (exit 0); e.g. `--fail-on new-access`",
  ],
  async run(args, io) {
    if (str(args, "base") !== undefined) return diffBase(args, io);
    const format = outputFormat(args);
    if (args.values.live !== true) throw new UsageError(NO_MODE);
    const options = { ...buildOptions(args, io), context: str(args, "context"), kubeconfig: str(args, "kubeconfig") };
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRootOption(io, args));
    const r = await diffLive(loaded.documents, options);
    if (!r.report) return fail(io, format, r.diagnostics);
    const data = { cluster: r.cluster, context: r.context, server: r.server, ...r.report, diagnostics: r.diagnostics };
    const diagnostics = [...(args.values.verbose === true ? r.buildDiagnostics : []), ...r.diagnostics];
    return printResult(io, format, { data, diagnostics, lines: formatDrift(r.report), notes: [driftVerdict(r)] }, r.report.inSync ? EXIT.ok : EXIT.outcome);
  },
});
