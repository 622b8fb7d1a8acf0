import { normaliseAccess } from "@rampart/core";
import { contextList, pullInventories, stderrIsTty, writeInventories } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, loadOrReport, orUsage, printDiagnostics, printResult, str, strs, UsageError } from "../kit.js";

/** `rampart inventory pull`: discovery, namespaces and the object names the policies' patterns need. */
export const command = defineCommand("inventory", {
  usage: `pull [<paths…>] -o FILE|DIR|-

-o FILE for one context (\`.json\` writes JSON, else YAML; \`-\` prints it), -o DIR for several (one \`<context>.yaml\` each).
Give the policy paths to pull the object names their name patterns need.`,
  flags: [
    "-o, --out <FILE|DIR|->  where to write: a file for one context (`.json` writes JSON, else YAML), a directory for several, `-` prints it; default: none (required); e.g. `-o inventories/prod.yaml`",
    "--all-contexts  pull every context of the kubeconfig (one `<context>.yaml` each); default: off; e.g. `--all-contexts -o inventories/`",
    "context kubeconfig at no-typescript",
  ],
  async run(args, io) {
    const [sub, ...paths] = args.positionals;
    if (sub === undefined) throw new UsageError("give a subcommand: `rampart inventory pull`");
    if (sub !== "pull") throw new UsageError(`unknown subcommand \`${sub}\`; use \`rampart inventory pull\``);
    const out = str(args, "out");
    if (!out) throw new UsageError("`-o FILE` (one context) or `-o DIR` (several contexts) is required");
    const [contexts, allContexts] = [contextList(strs(args, "context")), args.values["all-contexts"] === true];
    if (allContexts && contexts.length > 0) throw new UsageError("give `--context` or `--all-contexts`, not both");
    const now = atOption(args).getTime();
    const loaded = paths.length > 0 ? await loadOrReport(io, args, paths) : { documents: [] };
    const [policies, progress, kubeconfig] = [normaliseAccess(loaded.documents), { sink: io, tty: stderrIsTty() }, str(args, "kubeconfig")];
    const r = orUsage(await pullInventories({ contexts, allContexts, kubeconfig, out, cwd: io.cwd, policies, now, progress }));
    printDiagnostics(io, r.diagnostics);
    if (r.failed) io.err(`rampart inventory: ${r.failed}`);
    if (!r.files) return EXIT.invalid;
    const { stdout, messages } = await writeInventories(r.files, io.cwd, paths.length > 0);
    return printResult(io, "text", { data: undefined, lines: stdout, notes: messages }, EXIT.ok);
  },
});
