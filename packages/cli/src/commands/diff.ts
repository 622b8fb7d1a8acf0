import { diffLive, formatDrift, MANAGED_SELECTOR } from "@rampart/pipeline";
import { atOption, type Command, EXIT, networkBackendOption, str, UsageError, writePrecisionOption } from "../command.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";
import { fail, loadOrReport, printDiagnostics } from "../load-policies.js";
import { sourceRoot } from "../source-root.js";
import { diffBase } from "./diff-base.js";

/** `rampart diff --live`: the build of one cluster against the objects in the live cluster; `--base`: the semantic diff of two policy versions. */
export const diffCommand: Command = {
  name: "diff",
  summary: "compare the built output with a live cluster (drift), or two policy versions (semantic diff: requests, flows and manifests that change decision)",
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
    const json = format !== "text";
    if (args.values.live !== true) throw new UsageError("`--live` is required (or `--base <git-ref|dir>`): `rampart diff` compares a build with a live cluster, or two versions of the policies (to compare with a built tree on disk, use `rampart build -o DIR --check`)");
    const options = { networkBackend: networkBackendOption(args), writePrecision: writePrecisionOption(args), now: atOption(args), host: io };
    const loaded = await loadOrReport(io, args, args.positionals, format, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const r = await diffLive(loaded.documents, { ...options, cluster: str(args, "cluster"), inventory: str(args, "inventory"), context: str(args, "context"), kubeconfig: str(args, "kubeconfig") });
    if (!r.report) return fail(io, format, r.diagnostics);
    if (!json && args.values.verbose === true) printDiagnostics(io, r.buildDiagnostics);
    if (json) {
      printReport(io, format, { cluster: r.cluster, context: r.context, server: r.server, ...r.report, diagnostics: r.diagnostics }, []);
    } else {
      printDiagnostics(io, r.diagnostics);
      for (const line of formatDrift(r.report)) io.out(line);
      const c = r.report.counts;
      io.err(
        r.report.inSync
          ? `in sync: the ${c.desired} objects of cluster \`${r.cluster}\` match context \`${r.context}\`, and no other object is labelled managed-by rampart`
          : `drift: ${c.missing} missing, ${c.changed} changed, ${c.extra} extra (${c.desired} objects built for cluster \`${r.cluster}\`, compared with context \`${r.context}\`); apply the build (\`rampart build … -o DIR\`, then \`kubectl apply -k DIR/${r.cluster} --prune -l ${MANAGED_SELECTOR}\`)`,
      );
    }
    return r.report.inSync ? EXIT.ok : EXIT.outcome;
  },
};
