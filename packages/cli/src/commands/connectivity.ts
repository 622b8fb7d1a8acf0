import { connectivityFromFile, formatFlowTable, parseExternals } from "@rampart/pipeline";
import { defineCommand, EXIT, fail, loadOrReport, networkBackendOption, orUsage, outputFormat, printResult, str, strs, UsageError } from "../kit.js";

/** `rampart connectivity <paths…> --workloads FILE`: the allowed flows between workloads. */
export const command = defineCommand("connectivity", {
  usage: "<paths…> --workloads FILE",
  flags: [
    "--workloads <FILE>  manifests of Namespaces, Pods and controllers to compute flows between; default: none (required); e.g. `--workloads cluster-dump.yaml`",
    "external network-backend no-typescript output",
    "--block-metadata  deny egress to the cloud metadata address 169.254.169.254 as `build` does with it; default: off; e.g. `--block-metadata`",
  ],
  async run(args, io) {
    const format = outputFormat(args);
    const file = str(args, "workloads");
    if (!file) throw new UsageError("`--workloads FILE` is required: Kubernetes manifests of Namespaces, Pods and controllers");
    const networkBackend = networkBackendOption(args);
    const { externals } = orUsage(parseExternals(strs(args, "external")));
    const loaded = await loadOrReport(io, args, args.positionals, format);
    const options = { networkBackend, blockMetadata: args.values["block-metadata"] === true, externals, cwd: io.cwd };
    const { flows, diagnostics } = await connectivityFromFile(loaded.documents, file, options);
    if (!flows) return fail(io, format, diagnostics);
    return printResult(io, format, { data: { flows }, lines: formatFlowTable(flows) }, EXIT.ok);
  },
});
