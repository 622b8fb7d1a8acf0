import { relative } from "node:path";
import { normaliseAccess } from "@rampart/core";
import { contextList, pullInventories, stderrIsTty, writeFileAtomic } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, orUsage, str, strs, UsageError } from "../command.js";
import { pick } from "../options.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

const USAGE = "rampart inventory pull [<paths…>] [--context CTX]… [--all-contexts] [--kubeconfig FILE] -o FILE|DIR|-";

/** `rampart inventory pull`: discovery, namespaces and the object names the policies' patterns need. */
export const inventoryCommand = defineCommand("inventory", {
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
    const contexts = contextList(strs(args, "context"));
    const all = args.values["all-contexts"] === true;
    if (all && contexts.length > 0) throw new UsageError("give `--context` or `--all-contexts`, not both");
    const now = atOption(args).getTime();
    const loaded = paths.length > 0 ? await loadOrReport(io, args, paths) : { documents: [] };
    if (!loaded) return EXIT.invalid;
    const progress = { sink: io, tty: stderrIsTty() };
    const r = orUsage(await pullInventories({ contexts, allContexts: all, kubeconfig: str(args, "kubeconfig"), out, cwd: io.cwd, policies: normaliseAccess(loaded.documents), now, progress }));
    printDiagnostics(io, r.diagnostics);
    if (r.failed) io.err(`rampart inventory: ${r.failed}`);
    if (!r.files) return EXIT.invalid;
    for (const f of r.files) {
      if (f.path === "-") io.out(f.content.replace(/\n$/, ""));
      else await writeFileAtomic(f.path, f.content);
    }
    for (const f of r.files) if (f.path !== "-") io.err(`wrote the inventory of context \`${f.context}\` to ${relative(io.cwd, f.path) || f.path}`);
    if (paths.length === 0) io.err("note: no policy paths were given, so no object names were pulled (give the policy paths to pull the names their `names` patterns need)");
    return EXIT.ok;
  },
});
