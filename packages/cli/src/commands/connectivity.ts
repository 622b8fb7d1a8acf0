import { hasErrors, loadManifests } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, workloadsFromManifests, type Endpoint } from "@rampart/compiler-networkpolicy";
import { type Command, EXIT, jsonOutput, loadOrReport, OUTPUT_OPTION, printDiagnostics, str, UsageError } from "../command.js";

const label = (e: Endpoint) => ("pod" in e ? (e.pod.display ?? `${e.pod.namespace}/${e.pod.name}`) : e.label);

/** `rampart connectivity <paths…> --workloads FILE`: the allowed flows between workloads. */
export const connectivityCommand: Command = {
  name: "connectivity",
  summary: "print which workloads may talk to which under the compiled network policies",
  usage: "rampart connectivity <paths…> --workloads FILE [--network-backend np|cnp] [-o json]",
  options: { workloads: { type: "string" }, "network-backend": { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const file = str(args, "workloads");
    if (!file) throw new UsageError("`--workloads FILE` is required: Kubernetes manifests of Namespaces, Pods and controllers");
    const nb = str(args, "network-backend") ?? "np";
    if (nb !== "np" && nb !== "cnp") throw new UsageError(`\`--network-backend ${nb}\`: use \`np\` or \`cnp\``);
    const loaded = await loadOrReport(io, args.positionals, json);
    if (!loaded) return EXIT.invalid;
    const manifests = await loadManifests([file], { cwd: io.cwd });
    if (hasErrors(manifests.diagnostics)) {
      printDiagnostics(io, manifests.diagnostics);
      return EXIT.invalid;
    }
    const objects = manifests.manifests.map((m) => m.value);
    const { namespaces, pods } = workloadsFromManifests(objects);
    const compiled = compileNetwork(loaded.documents, { networkBackend: nb });
    // Policies in the workloads file (existing NetworkPolicies, AdminNetworkPolicies) count too.
    const engine = new ConnectivityEngine({ namespaces, pods, policies: parsePolicies([...(compiled.objects as never[]), ...objects]) });
    const flows = engine.flows().map((f) => ({ src: label(f.src), dst: label(f.dst), conns: f.conns.toString(), decidedBy: f.decidedBy }));
    flows.sort((a, b) => (a.src === b.src ? (a.dst < b.dst ? -1 : 1) : a.src < b.src ? -1 : 1));
    if (json) io.out(JSON.stringify({ flows }, null, 2));
    else for (const f of flows) io.out(`${f.src} => ${f.dst} : ${f.conns}`);
    return EXIT.ok;
  },
};
