import { hasErrors, loadManifests } from "@rampart/core";
import { connectivityFlows, formatFlowTable, parseExternals } from "@rampart/pipeline";
import { defineCommand, EXIT, networkBackendOption, orUsage, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart connectivity <paths…> --workloads FILE`: the allowed flows between workloads. */
export const connectivityCommand = defineCommand("connectivity", {
  usage: "rampart connectivity <paths…> --workloads FILE [--external IP]… [--network-backend np|cnp] [--block-metadata] [--no-typescript] [-o text|json|yaml]",
  options: {
    ...pick(["workloads", "external", "network-backend", "no-typescript", "output"], { workloads: { default: "none (required)" } }),
    "block-metadata": { type: "boolean", description: "deny egress to the cloud metadata address 169.254.169.254 as `build` does with it", default: "off", example: "--block-metadata" },
  },
  async run(args, io) {
    const format = outputFormat(args);
    const file = str(args, "workloads");
    if (!file) throw new UsageError("`--workloads FILE` is required: Kubernetes manifests of Namespaces, Pods and controllers");
    const networkBackend = networkBackendOption(args);
    const { externals } = orUsage(parseExternals(strs(args, "external")));
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const workloads = await loadManifests([file], { cwd: io.cwd });
    if (hasErrors(workloads.diagnostics)) return fail(io, format, workloads.diagnostics);
    const flows = connectivityFlows(loaded.documents, workloads.manifests.map((m) => m.value), { networkBackend, blockMetadata: args.values["block-metadata"] === true, externals });
    if (format !== "text") printReport(io, format, { flows }, []);
    else for (const line of formatFlowTable(flows)) io.out(line);
    return EXIT.ok;
  },
});
