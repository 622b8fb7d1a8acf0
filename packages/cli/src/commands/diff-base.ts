import { hasErrors, loadFiles, loadInventory, loadManifests, parseIp, type Diagnostic } from "@rampart/core";
import { formatDiffJson, formatDiffMarkdown, formatDiffText, hasNewAccess, loadBase, semanticDiff, type SemanticDiffOptions } from "@rampart/pipeline";
import { atOption, EXIT, networkBackendOption, str, strs, UsageError, type Io, type Parsed } from "../command.js";
import { fail as failWith, printDiagnostics, readManifests } from "../load-policies.js";
import { printReport } from "../output-format.js";

/** `rampart diff <paths…> --base <git-ref|dir>`: parse, call `semanticDiff`, print. */
export async function diffBase(args: Parsed, io: Io): Promise<number> {
  const output = str(args, "output") ?? "text";
  if (output !== "text" && output !== "json" && output !== "yaml" && output !== "markdown") throw new UsageError(`unknown output format \`${output}\`; use \`-o text\`, \`-o json\`, \`-o yaml\` or \`-o markdown\``);
  const failOn = str(args, "fail-on");
  if (failOn !== undefined && failOn !== "new-access") throw new UsageError(`\`--fail-on ${failOn}\`: the only condition is \`new-access\``);
  if (args.positionals.length === 0) throw new UsageError("give at least one file or directory of policies");
  if (str(args, "inventory") === "live") throw new UsageError("`--inventory live` is not supported with `--base`: give an inventory file (`rampart inventory pull -o FILE`)");
  const externals = strs(args, "external").map((ip) => {
    const parsed = parseIp(ip);
    if (!parsed) throw new UsageError(`\`--external ${ip}\` is not an IPv4 or IPv6 address`);
    return { ip: parsed, label: ip };
  });
  const now = atOption(args);
  const networkBackend = networkBackendOption(args);
  const noTypescript = args.values["no-typescript"] === true;
  const json = output === "json" || output === "yaml";
  const fail = (diagnostics: readonly Diagnostic[]) => failWith(io, output === "markdown" ? "text" : output, diagnostics);
  const head = await loadFiles(args.positionals, { cwd: io.cwd, noTypescript });
  const base = await loadBase({ paths: args.positionals, base: str(args, "base")!, cwd: io.cwd, noTypescript });
  try {
    const options: SemanticDiffOptions = { now, networkBackend, externals };
    const problems = [...head.diagnostics, ...base.diagnostics];
    const inventory = str(args, "inventory");
    if (inventory !== undefined) {
      const loaded = await loadInventory(inventory, { cwd: io.cwd });
      problems.push(...loaded.diagnostics);
      if (loaded.inventory) options.inventory = loaded.inventory;
    }
    const cluster = str(args, "cluster");
    if (cluster !== undefined) options.cluster = cluster;
    const workloads = str(args, "workloads");
    if (workloads !== undefined) {
      const loaded = await loadManifests([workloads], { cwd: io.cwd });
      problems.push(...loaded.diagnostics);
      options.workloads = loaded.manifests.map((m) => m.value);
    }
    const files = strs(args, "file");
    if (files.length > 0) {
      const loaded = await readManifests(io, files);
      problems.push(...loaded.diagnostics);
      options.manifests = loaded.manifests.map((m) => ({ value: m.value, file: m.file }));
    }
    if (hasErrors(problems)) return fail(problems);
    const { diff, diagnostics } = await semanticDiff(base.documents, head.documents, options);
    if (hasErrors(diagnostics)) return fail(diagnostics);
    if (!json) printDiagnostics(io, problems);
    if (output === "json") io.out(formatDiffJson(diff));
    else if (output === "yaml") printReport(io, "yaml", JSON.parse(formatDiffJson(diff)), []);
    else if (output === "markdown") io.out(formatDiffMarkdown(diff));
    else for (const line of formatDiffText(diff)) io.out(line);
    return failOn !== undefined && hasNewAccess(diff) ? EXIT.outcome : EXIT.ok;
  } finally {
    base.dispose();
  }
}
