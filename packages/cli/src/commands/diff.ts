import { diffLive, diffPaths, driftVerdict, formatDiffJson, formatDiffMarkdown, formatDiffText, formatDrift, hasNewAccess, parseExternals } from "@rampart/pipeline";
import { atOption, buildOptions, defineCommand, EXIT, type Io, networkBackendOption, orUsage, type Parsed, str, strs, UsageError } from "../command.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";
import { fail, loadOrReport, printDiagnostics, sourceRootOption, stdinFor } from "../load-policies.js";

/** `rampart diff <paths…> --base <git-ref|dir>`: parse, call `diffPaths`, print. */
async function diffBase(args: Parsed, io: Io): Promise<number> {
  const output = str(args, "output") ?? "text";
  if (output !== "text" && output !== "json" && output !== "yaml" && output !== "markdown") throw new UsageError(`unknown output format \`${output}\`; use \`-o text\`, \`-o json\`, \`-o yaml\` or \`-o markdown\``);
  const failOn = str(args, "fail-on");
  if (failOn !== undefined && failOn !== "new-access") throw new UsageError(`\`--fail-on ${failOn}\`: the only condition is \`new-access\``);
  if (args.positionals.length === 0) throw new UsageError("give at least one file or directory of policies");
  if (str(args, "inventory") === "live") throw new UsageError("`--inventory live` is not supported with `--base`: give an inventory file (`rampart inventory pull -o FILE`)");
  const { externals } = orUsage(parseExternals(strs(args, "external")));
  const inputs = { inventoryFile: str(args, "inventory"), workloadsFile: str(args, "workloads"), manifestFiles: strs(args, "file"), stdin: await stdinFor(io, strs(args, "file")) };
  const options = { now: atOption(args), networkBackend: networkBackendOption(args), externals, cluster: str(args, "cluster"), noTypescript: args.values["no-typescript"] === true };
  const { diff, diagnostics } = await diffPaths({ paths: args.positionals, base: str(args, "base")!, cwd: io.cwd, ...options, ...inputs });
  if (!diff) return fail(io, output === "markdown" ? "text" : output, diagnostics);
  if (output === "json") io.out(formatDiffJson(diff));
  else if (output === "yaml") printReport(io, "yaml", JSON.parse(formatDiffJson(diff)), []);
  else {
    printDiagnostics(io, diagnostics);
    if (output === "markdown") io.out(formatDiffMarkdown(diff));
    else for (const line of formatDiffText(diff)) io.out(line);
  }
  return failOn !== undefined && hasNewAccess(diff) ? EXIT.outcome : EXIT.ok;
}

/** `rampart diff --live`: the build of one cluster against the objects in the live cluster; `--base`: the semantic diff of two policy versions. */
export const diffCommand = defineCommand("diff", {
  usage:
    "rampart diff <paths…> --live [--context CTX] [--kubeconfig FILE] [--cluster NAME] [--inventory FILE|live] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--no-typescript] [--verbose] [-o text|json|yaml]\n" +
    "rampart diff <paths…> --base <git-ref|dir> [--inventory FILE] [--cluster NAME] [--workloads FILE] [--external IP]… [-f <manifests…>] [--no-typescript] [--at TIME] [-o text|json|yaml|markdown] [--fail-on new-access]\n\n" +
    "--live: exit 0 in sync, 1 drift, 2 invalid input or an unreachable cluster; --base: exit 0, 1 with `--fail-on new-access` when anything is allowed after and not before, 2 invalid input",
  options: {
    live: { type: "boolean", description: "compare the build of one cluster with the objects in the live cluster (drift)", default: "off", example: "--live --context prod" },
    base: { type: "string", description: "compare with the policies at a git ref or in a directory (semantic diff)", default: "none", example: "--base origin/main" },
    ...pick(["context", "kubeconfig", "cluster", "inventory", "network-backend", "write-precision", "at", "verbose", "workloads", "external", "file", "no-typescript", "source-root", "output"], {
      context: { multiple: false, description: "the kubeconfig context to compare with (`--live`)" },
      inventory: { description: "an inventory file, or `live` to pull it from the context (`--live` only)", example: "--inventory live" },
      output: { description: "output format: `text`, `json`, `yaml`, or `markdown` (`--base` only, for pull-request comments)", example: "-o markdown" },
    }),
    "fail-on": { type: "string", description: "exit 1 when the condition holds: `new-access` (anything allowed after and not before; `--base` only)", default: "none (exit 0)", example: "--fail-on new-access" },
  },
  async run(args, io) {
    if (str(args, "base") !== undefined) return diffBase(args, io);
    const format = outputFormat(args);
    if (args.values.live !== true) throw new UsageError("`--live` is required (or `--base <git-ref|dir>`): `rampart diff` compares a build with a live cluster, or two versions of the policies (to compare with a built tree on disk, use `rampart build -o DIR --check`)");
    const options = buildOptions(args, io);
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRootOption(io, args));
    if (!loaded) return EXIT.invalid;
    const r = await diffLive(loaded.documents, { ...options, context: str(args, "context"), kubeconfig: str(args, "kubeconfig") });
    if (!r.report) return fail(io, format, r.diagnostics);
    if (format !== "text") printReport(io, format, { cluster: r.cluster, context: r.context, server: r.server, ...r.report, diagnostics: r.diagnostics }, []);
    else {
      if (args.values.verbose === true) printDiagnostics(io, r.buildDiagnostics);
      printDiagnostics(io, r.diagnostics);
      for (const line of formatDrift(r.report)) io.out(line);
      io.err(driftVerdict(r));
    }
    return r.report.inSync ? EXIT.ok : EXIT.outcome;
  },
});
