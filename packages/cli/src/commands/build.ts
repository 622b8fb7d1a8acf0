import { resolve } from "node:path";
import { hasErrors } from "@rampart/core";
import { buildClusters } from "../build/build-clusters.js";
import { diffTree, writeTree } from "../build/write-tree.js";
import { SOURCE_ROOT_OPTION, sourceRoot } from "../source-root.js";
import { atOption, type Command, EXIT, loadOrReport, networkBackendOption, printDiagnostics, str, UsageError, writePrecisionOption } from "../command.js";

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
    const nb = networkBackendOption(args);
    const wp = writePrecisionOption(args);
    const now = atOption(args);
    const loaded = await loadOrReport(io, args.positionals, false, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const options = { networkBackend: nb, writePrecision: wp, now } as Parameters<typeof buildClusters>[2];
    const cluster = str(args, "cluster");
    const inventory = str(args, "inventory");
    if (cluster !== undefined) options.cluster = cluster;
    if (inventory !== undefined) options.inventory = inventory;
    const result = await buildClusters(io, loaded.documents, options);
    const shown = args.values.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info");
    printDiagnostics(io, shown);
    if (hasErrors(result.diagnostics)) return EXIT.invalid;
    const dir = resolve(io.cwd, out);
    if (args.values.check) {
      const diff = await diffTree(dir, result.clusters);
      const drift = diff.added.length + diff.changed.length + diff.removed.length;
      for (const [label, files] of [["added", diff.added], ["changed", diff.changed], ["removed", diff.removed]] as const) {
        for (const f of files) io.out(`${label.padEnd(7)} ${f}`);
      }
      io.err(drift === 0 ? `ok: ${out} is up to date` : `drift: ${drift} file${drift === 1 ? "" : "s"} differ from a fresh build; run \`rampart build\` without --check and commit the result`);
      return drift === 0 ? EXIT.ok : EXIT.outcome;
    }
    await writeTree(dir, result.clusters);
    const files = [...result.clusters.values()].reduce((n, f) => n + f.size, 0);
    io.err(`wrote ${files} files for ${result.clusters.size} cluster${result.clusters.size === 1 ? "" : "s"} (${[...result.clusters.keys()].join(", ")}) to ${out}`);
    return EXIT.ok;
  },
};
