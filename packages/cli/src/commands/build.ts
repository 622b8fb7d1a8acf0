import { resolve } from "node:path";
import { hasErrors } from "@rampart/core";
import { buildPolicies, checkTree, verifyTree, writeTree } from "@rampart/pipeline";
import { printVerdict } from "../print-verdict.js";
import { SOURCE_ROOT_OPTION, sourceRoot } from "../source-root.js";
import { atOption, type Command, EXIT, networkBackendOption, str, UsageError, writePrecisionOption } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

/** `rampart build`: compile every cluster's tree, atomically, or check it for drift. */
export const build: Command = {
  name: "build",
  summary: "compile policies into RBAC, admission and network manifests per cluster",
  usage: "rampart build <paths…> -o <dir> [--cluster NAME] [--inventory FILE] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--check] [--verbose]",
  options: {
    out: { type: "string", short: "o" },
    cluster: { type: "string" },
    inventory: { type: "string" },
    "network-backend": { type: "string" },
    "write-precision": { type: "string" },
    at: { type: "string" },
    check: { type: "boolean" },
    verbose: { type: "boolean", short: "v" },
    ...SOURCE_ROOT_OPTION,
  },
  async run(args, io) {
    const out = str(args, "out");
    if (!out) throw new UsageError("`-o <dir>` is required");
    const options = { networkBackend: networkBackendOption(args), writePrecision: writePrecisionOption(args), now: atOption(args), cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io };
    const loaded = await loadOrReport(io, args.positionals, false, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const result = await buildPolicies(loaded.documents, options);
    printDiagnostics(io, args.values.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info"));
    if (hasErrors(result.diagnostics)) return EXIT.invalid;
    const dir = resolve(io.cwd, out);
    if (args.values.check) {
      const diff = await checkTree(dir, result.clusters);
      const drift = diff.added.length + diff.changed.length + diff.removed.length;
      for (const [label, files] of [["added", diff.added], ["changed", diff.changed], ["removed", diff.removed]] as const) {
        for (const f of files) io.out(`${label.padEnd(7)} ${f}`);
      }
      // Hand-added files are not drift, but `kubectl apply -R` applies them: the whole tree is proven.
      const proof = await verifyTree(loaded.documents, dir, options);
      printVerdict(io, proof, true);
      if (drift > 0) io.err(`drift: ${drift} file${drift === 1 ? "" : "s"} differ from a fresh build; run \`rampart build\` without --check and commit the result`);
      if (!proof.ok) io.err(`over-grant: the tree at ${out} grants or admits more than the policies (see above); remove or fix the files named`);
      if (drift === 0 && proof.ok) io.err(`ok: ${out} is up to date and proven`);
      return drift === 0 && proof.ok ? EXIT.ok : EXIT.outcome;
    }
    await writeTree(dir, result.clusters);
    const files = [...result.clusters.values()].reduce((n, c) => n + c.files.size, 0);
    io.err(`wrote ${files} files for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")}) to ${out}`);
    return EXIT.ok;
  },
};
