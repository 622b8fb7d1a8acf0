import { diagnostic, hasErrors, normaliseClusters, type Diagnostic } from "@rampart/core";
import { buildClusters } from "../build/build-clusters.js";
import { atOption, type Command, EXIT, jsonOutput, loadOrReport, networkBackendOption, OUTPUT_OPTION, printDiagnostics, str, UsageError, writePrecisionOption, type Io } from "../command.js";
import { SOURCE_ROOT_OPTION, sourceRoot } from "../source-root.js";
import { diffBase } from "./diff-base.js";
import { connect, kubeContexts, kubeDiagnostic } from "../live/connector.js";
import { desiredObjects } from "../live/desired.js";
import { isFatal } from "../live/discovery.js";
import { classifyDrift, formatDrift, MANAGED_SELECTOR } from "../live/drift.js";
import type { KubeClient } from "../live/kube-client.js";
import { pinLiveContext } from "../live/live-inventory.js";
import { readLive } from "../live/live-objects.js";

/** Prints problems that end the run (exit 2): text on stderr, or `{diagnostics}` on stdout with `-o json`. */
function fail(io: Io, json: boolean, diagnostics: readonly Diagnostic[]): number {
  if (json) io.out(JSON.stringify({ diagnostics }, null, 2));
  else printDiagnostics(io, diagnostics);
  return EXIT.invalid;
}

/**
 * The cluster of the policies to compare: `--cluster`, else the only one, else the Cluster
 * named like the kubeconfig context.
 */
async function chooseCluster(clusters: readonly string[], flag: string | undefined, context: string | undefined, kube: { kubeconfig?: string }): Promise<string> {
  if (flag !== undefined) return flag;
  if (clusters.length === 1) return clusters[0]!;
  const name = context ?? (await kubeContexts(kube).then((c) => c.current, () => ""));
  if (name && clusters.includes(name)) return name;
  throw new UsageError(`\`--cluster\` is required: the policies define clusters ${clusters.map((c) => `\`${c}\``).join(", ")}${name ? ` and none is named like context \`${name}\`` : ""}`);
}

/** `rampart diff --live`: the build of one cluster against the objects in the live cluster; `--base`: the semantic diff of two policy versions. */
export const diffCommand: Command = {
  name: "diff",
  summary: "compare the built output with a live cluster (drift), or two policy versions (semantic diff: requests, flows and manifests that change decision)",
  usage:
    "rampart diff <paths…> --live [--context CTX] [--kubeconfig FILE] [--cluster NAME] [--inventory FILE|live] [--network-backend np|cnp] [--write-precision admission|rbac-only] [--at TIME] [--source-root DIR] [--verbose] [-o json]\n" +
    "rampart diff <paths…> --base <git-ref|dir> [--inventory FILE] [--cluster NAME] [--workloads FILE] [--external IP]… [-f <manifests…>] [--no-typescript] [--at TIME] [-o text|json|markdown] [--fail-on new-access]\n\n" +
    "--live: exit 0 in sync, 1 drift, 2 invalid input or an unreachable cluster; --base: exit 0, 1 with `--fail-on new-access` when anything is allowed after and not before, 2 invalid input",
  options: {
    live: { type: "boolean" },
    context: { type: "string" },
    kubeconfig: { type: "string" },
    cluster: { type: "string" },
    inventory: { type: "string" },
    "network-backend": { type: "string" },
    "write-precision": { type: "string" },
    at: { type: "string" },
    verbose: { type: "boolean", short: "v" },
    base: { type: "string" },
    workloads: { type: "string" },
    external: { type: "string", multiple: true },
    file: { type: "string", short: "f", multiple: true },
    "no-typescript": { type: "boolean" },
    "fail-on": { type: "string" },
    ...SOURCE_ROOT_OPTION,
    ...OUTPUT_OPTION,
  },
  async run(args, io) {
    if (str(args, "base") !== undefined) return diffBase(args, io);
    const json = jsonOutput(args);
    if (args.values.live !== true) throw new UsageError("`--live` is required (or `--base <git-ref|dir>`): `rampart diff` compares a build with a live cluster, or two versions of the policies (to compare with a built tree on disk, use `rampart build -o DIR --check`)");
    const nb = networkBackendOption(args);
    const wp = writePrecisionOption(args);
    const now = atOption(args);
    const loaded = await loadOrReport(io, args.positionals, json, sourceRoot(io, args));
    if (!loaded) return EXIT.invalid;
    const kubeconfig = str(args, "kubeconfig");
    const kube = kubeconfig !== undefined ? { kubeconfig } : {};
    const contextFlag = str(args, "context");
    const clusters = normaliseClusters(loaded.documents).map((c) => c.name);
    const cluster = await chooseCluster(clusters, str(args, "cluster"), contextFlag, kube);
    if (!clusters.includes(cluster)) {
      return fail(io, json, [diagnostic("unknown-cluster", "error", `unknown cluster \`${cluster}\`; the policies define ${clusters.map((c) => `\`${c}\``).join(", ")}`, { file: "<command line>", line: 0, column: 0 }, "pass one of them to `--cluster`")]);
    }

    let client: KubeClient;
    try {
      client = await connect({ ...kube, ...(contextFlag !== undefined ? { context: contextFlag } : {}) });
      await client.get("/version").catch((error: unknown) => {
        if (isFatal(error)) throw error; // unreachable or rejected: fail before building
      });
    } catch (error) {
      return fail(io, json, [kubeDiagnostic(error, contextFlag)]);
    }
    pinLiveContext({ ...kube, context: client.context });
    const options = { cluster, networkBackend: nb, writePrecision: wp, now } as Parameters<typeof buildClusters>[2];
    const inventory = str(args, "inventory");
    if (inventory !== undefined) options.inventory = inventory;
    let built: Awaited<ReturnType<typeof buildClusters>>;
    try {
      built = await buildClusters(io, loaded.documents, options);
    } finally {
      pinLiveContext(undefined);
    }
    const files = built.clusters.get(cluster);
    if (hasErrors(built.diagnostics) || !files) return fail(io, json, built.diagnostics);
    const desired = desiredObjects(files);
    if (hasErrors(desired.diagnostics)) return fail(io, json, desired.diagnostics);
    if (!json && args.values.verbose === true) printDiagnostics(io, built.diagnostics);

    io.err(`reading objects labelled \`${MANAGED_SELECTOR}\` from context \`${client.context}\` (${client.server})`);
    let live: Awaited<ReturnType<typeof readLive>>;
    try {
      live = await readLive(client, desired.objects);
    } catch (error) {
      return fail(io, json, [kubeDiagnostic(error, client.context)]);
    }
    const report = classifyDrift(desired.objects, live.objects, live.unserved);
    if (json) {
      io.out(JSON.stringify({ cluster, context: client.context, server: client.server, ...report, diagnostics: live.diagnostics }, null, 2));
    } else {
      printDiagnostics(io, live.diagnostics);
      for (const line of formatDrift(report)) io.out(line);
      const c = report.counts;
      io.err(
        report.inSync
          ? `in sync: the ${c.desired} objects of cluster \`${cluster}\` match context \`${client.context}\`, and no other object is labelled managed-by rampart`
          : `drift: ${c.missing} missing, ${c.changed} changed, ${c.extra} extra (${c.desired} objects built for cluster \`${cluster}\`, compared with context \`${client.context}\`); apply the build (\`rampart build … -o DIR\`, then \`kubectl apply -k DIR/${cluster} --prune -l ${MANAGED_SELECTOR}\`)`,
      );
    }
    return report.inSync ? EXIT.ok : EXIT.outcome;
  },
};
