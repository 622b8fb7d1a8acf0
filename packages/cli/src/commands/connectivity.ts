import { hasErrors, loadManifests, parseIp } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, workloadInventory, workloadsFromManifests, type Endpoint } from "@rampart/compiler-networkpolicy";
import { type Command, EXIT, networkBackendOption, str, strs, UsageError } from "../command.js";
import { fail, loadOrReport } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

const label = (e: Endpoint) => ("pod" in e ? (e.pod.display ?? `${e.pod.namespace}/${e.pod.name}`) : e.label);

/** `rampart connectivity <paths…> --workloads FILE`: the allowed flows between workloads. */
export const connectivityCommand: Command = {
  name: "connectivity",
  summary: "print which workloads may talk to which under the compiled network policies",
  usage: "rampart connectivity <paths…> --workloads FILE [--external IP]… [--network-backend np|cnp] [--block-metadata] [--no-typescript] [-o text|json|yaml]",
  options: {
    ...pick(["workloads", "external", "network-backend", "no-typescript", "output"], { workloads: { default: "none (required)" } }),
    "block-metadata": { type: "boolean", description: "deny egress to the cloud metadata address 169.254.169.254 as `build` does with it", default: "off", example: "--block-metadata" },
  },
  async run(args, io) {
    const format = outputFormat(args);
    const file = str(args, "workloads");
    if (!file) throw new UsageError("`--workloads FILE` is required: Kubernetes manifests of Namespaces, Pods and controllers");
    const nb = networkBackendOption(args);
    const externals = strs(args, "external").map((ip) => {
      const parsed = parseIp(ip);
      if (!parsed) throw new UsageError(`\`--external ${ip}\` is not an IPv4 or IPv6 address`);
      return { ip: parsed, label: ip };
    });
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const manifests = await loadManifests([file], { cwd: io.cwd });
    if (hasErrors(manifests.diagnostics)) return fail(io, format, manifests.diagnostics);
    const objects = manifests.manifests.map((m) => m.value);
    const { namespaces, pods } = workloadsFromManifests(objects);
    const compiled = compileNetwork(loaded.documents, { networkBackend: nb, blockMetadata: args.values["block-metadata"] === true, inventory: workloadInventory(loaded.documents, namespaces) });
    // Policies in the workloads file (existing NetworkPolicies, AdminNetworkPolicies, ClusterNetworkPolicies) count too.
    const engine = new ConnectivityEngine({ namespaces, pods, policies: parsePolicies([...(compiled.objects as never[]), ...objects]), externals });
    const flows = engine.flows().map((f) => ({ src: label(f.src), dst: label(f.dst), conns: f.conns.toString(), decidedBy: f.decidedBy }));
    flows.sort((a, b) => (a.src !== b.src ? (a.src < b.src ? -1 : 1) : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0));
    if (format !== "text") {
      printReport(io, format, { flows }, []);
      return EXIT.ok;
    }
    if (flows.length === 0) {
      io.out("no allowed flows between these workloads");
      return EXIT.ok;
    }
    const rows = [["FROM", "TO", "CONNECTIONS", "DECIDED BY"], ...flows.map((f) => [f.src, f.dst, f.conns, f.decidedBy.join(", ") || "(no policy: not isolated)"])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) io.out(r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join("  ").trimEnd());
    return EXIT.ok;
  },
};
