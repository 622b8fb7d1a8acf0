import { parseIp } from "@rampart/core";
import { diffPaths, formatDiffJson, formatDiffMarkdown, formatDiffText, hasNewAccess } from "@rampart/pipeline";
import { atOption, EXIT, networkBackendOption, str, strs, UsageError, type Io, type Parsed } from "../command.js";
import { printDiagnostics } from "../load-policies.js";

/** `rampart diff <paths…> --base <git-ref|dir>`: parse, call `semanticDiff`, print. */
export async function diffBase(args: Parsed, io: Io): Promise<number> {
  const output = str(args, "output") ?? "text";
  if (output !== "text" && output !== "json" && output !== "markdown") throw new UsageError(`unknown output format \`${output}\`; use \`-o text\`, \`-o json\` or \`-o markdown\``);
  const failOn = str(args, "fail-on");
  if (failOn !== undefined && failOn !== "new-access") throw new UsageError(`\`--fail-on ${failOn}\`: the only condition is \`new-access\``);
  if (args.positionals.length === 0) throw new UsageError("give at least one file or directory of policies");
  if (str(args, "inventory") === "live") throw new UsageError("`--inventory live` is not supported with `--base`: give an inventory file (`rampart inventory pull -o FILE`)");
  const externals = strs(args, "external").map((ip) => {
    const parsed = parseIp(ip);
    if (!parsed) throw new UsageError(`\`--external ${ip}\` is not an IPv4 or IPv6 address`);
    return { ip: parsed, label: ip };
  });
  const json = output === "json";
  const cluster = str(args, "cluster");
  const files = strs(args, "file");
  const { diff, diagnostics } = await diffPaths({
    paths: args.positionals,
    base: str(args, "base")!,
    cwd: io.cwd,
    noTypescript: args.values["no-typescript"] === true,
    now: atOption(args),
    networkBackend: networkBackendOption(args),
    externals,
    ...(cluster !== undefined ? { cluster } : {}),
    ...(str(args, "inventory") !== undefined ? { inventoryFile: str(args, "inventory")! } : {}),
    ...(str(args, "workloads") !== undefined ? { workloadsFile: str(args, "workloads")! } : {}),
    ...(files.length > 0 ? { manifestFiles: files } : {}),
  });
  if (!diff) {
    if (json) io.out(JSON.stringify({ diagnostics }, null, 2));
    else printDiagnostics(io, diagnostics);
    return EXIT.invalid;
  }
  if (!json) printDiagnostics(io, diagnostics);
  if (output === "json") io.out(formatDiffJson(diff));
  else if (output === "markdown") io.out(formatDiffMarkdown(diff));
  else for (const line of formatDiffText(diff)) io.out(line);
  return failOn !== undefined && hasNewAccess(diff) ? EXIT.outcome : EXIT.ok;
}
