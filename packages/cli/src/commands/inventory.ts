import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { hasErrors, normaliseAccess, type AccessPolicyIR } from "@rampart/core";
import { atOption, type Command, EXIT, str, strs, UsageError } from "../command.js";
import { pick } from "../options.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";
import { allPulled, formatOf, inventoryDocument, inventoryNames, kubeContexts, kubeDiagnostic, pullContexts, renderInventory, stderrIsTty } from "@rampart/pipeline";

const USAGE = "rampart inventory pull [<paths…>] [--context CTX]… [--all-contexts] [--kubeconfig FILE] -o FILE|DIR|-";

/** Writes a file atomically: a temporary file beside it, then a rename. */
async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.rampart-tmp-${process.pid}`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The requested contexts: repeated `--context`, each may be a comma-separated list; duplicates dropped. */
function requestedContexts(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))];
}

/** `rampart inventory pull`: discovery, namespaces and the object names the policies' patterns need. */
export const inventoryCommand: Command = {
  name: "inventory",
  summary: "pull an inventory (API resources, namespaces, object names) from live clusters",
  usage: `${USAGE}\n\n-o FILE for one context (\`.json\` writes JSON, else YAML; \`-\` prints it), -o DIR for several (one \`<context>.yaml\` each).\nGive the policy paths to pull the object names their name patterns need.`,
  options: {
    out: { type: "string", short: "o", description: "where to write: a file for one context (`.json` writes JSON, else YAML), a directory for several, `-` prints it", default: "none (required)", example: "-o inventories/prod.yaml" },
    "all-contexts": { type: "boolean", description: "pull every context of the kubeconfig (one `<context>.yaml` each)", default: "off", example: "--all-contexts -o inventories/" },
    ...pick(["context", "kubeconfig", "at", "no-typescript"]),
  },
  async run(args, io) {
    const [sub, ...paths] = args.positionals;
    if (sub !== "pull") throw new UsageError(sub === undefined ? "give a subcommand: `rampart inventory pull`" : `unknown subcommand \`${sub}\`; use \`rampart inventory pull\``);
    const out = str(args, "out");
    if (!out) throw new UsageError("`-o FILE` (one context) or `-o DIR` (several contexts) is required");
    let contexts = requestedContexts(strs(args, "context"));
    const all = args.values["all-contexts"] === true;
    if (all && contexts.length > 0) throw new UsageError("give `--context` or `--all-contexts`, not both");
    const now = atOption(args).getTime();
    const kubeconfig = str(args, "kubeconfig");
    const kube = kubeconfig !== undefined ? { kubeconfig } : {};

    let policies: AccessPolicyIR[] = [];
    if (paths.length > 0) {
      const loaded = await loadOrReport(io, args, paths);
      if (!loaded) return EXIT.invalid;
      policies = normaliseAccess(loaded.documents);
    }
    if (all) {
      try {
        contexts = (await kubeContexts(kube)).contexts;
      } catch (error) {
        printDiagnostics(io, [kubeDiagnostic(error, undefined)]);
        return EXIT.invalid;
      }
      if (contexts.length === 0) throw new UsageError("`--all-contexts`: the kubeconfig defines no contexts");
    }
    const several = all || contexts.length > 1;
    const dest = out === "-" ? "-" : resolve(io.cwd, out);
    const isDir = dest !== "-" && (out.endsWith("/") || (existsSync(dest) && statSync(dest).isDirectory()));
    if (several && dest === "-") throw new UsageError("`-o -` prints one inventory; give `-o DIR` for several contexts");
    if (several && dest !== "-" && existsSync(dest) && !isDir) throw new UsageError(`\`-o ${out}\` is a file; several contexts need a directory (one \`<context>.yaml\` each)`);

    const pulls = await pullContexts(contexts.length > 0 ? contexts : [undefined], { ...kube, policies, now, progress: { sink: io, tty: stderrIsTty() } });
    const diagnostics = pulls.flatMap((p) => p.diagnostics);
    printDiagnostics(io, diagnostics);
    if (!allPulled(pulls) || hasErrors(diagnostics)) {
      io.err(`rampart inventory: nothing written: ${pulls.filter((p) => !p.inventory).length} of ${pulls.length} context${pulls.length === 1 ? "" : "s"} could not be pulled`);
      return EXIT.invalid;
    }
    const names = inventoryNames(pulls.map((p) => p.context));
    const files: { path: string; content: string; context: string }[] = [];
    for (const p of pulls) {
      const name = names.get(p.context)!;
      const path = dest === "-" ? "-" : several || isDir ? join(dest, `${name}.yaml`) : dest;
      files.push({ path, context: p.context, content: renderInventory(inventoryDocument(name, p.inventory!), path === "-" ? "yaml" : formatOf(path), p) });
    }
    for (const f of files) {
      if (f.path === "-") io.out(f.content.replace(/\n$/, ""));
      else await writeAtomic(f.path, f.content);
    }
    for (const f of files) if (f.path !== "-") io.err(`wrote the inventory of context \`${f.context}\` to ${relative(io.cwd, f.path) || f.path}`);
    if (paths.length === 0) io.err("note: no policy paths were given, so no object names were pulled (give the policy paths to pull the names their `names` patterns need)");
    return EXIT.ok;
  },
};
