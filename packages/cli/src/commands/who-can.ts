import { normaliseClusters, whoCan } from "@rampart/core";
import { type Command, EXIT, jsonOutput, loadOrReport, OUTPUT_OPTION, str, UsageError } from "../command.js";
import { clusterInventory } from "../inventory-option.js";
import { resourceArgument } from "../request-flags.js";

/** `rampart who-can <verb> <resource> [paths…]`: the subjects the policies allow. */
export const whoCanCommand: Command = {
  name: "who-can",
  summary: "list the subjects the policies allow to do something",
  usage: "rampart who-can <verb> <resource> [<paths…>] [-n NS] [--name X] [--cluster C] [--inventory FILE] [-o json]",
  options: { namespace: { type: "string", short: "n" }, name: { type: "string" }, cluster: { type: "string" }, inventory: { type: "string" }, at: { type: "string" }, ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const [verb, resource, ...paths] = args.positionals;
    if (!verb || !resource) throw new UsageError("give a verb and a resource, e.g. `rampart who-can get secrets -n payments`");
    const loaded = await loadOrReport(io, paths.length ? paths : ["."], json);
    if (!loaded) return EXIT.invalid;
    const clusters = normaliseClusters(loaded.documents).map((c) => c.name);
    const cluster = str(args, "cluster") ?? (clusters.length === 1 ? clusters[0]! : undefined);
    if (cluster === undefined) throw new UsageError(`\`--cluster\` is required: the policies define clusters ${clusters.map((c) => `\`${c}\``).join(", ")}`);
    const inv = await clusterInventory(io, loaded.documents, cluster, str(args, "inventory"));
    const at = str(args, "at");
    const request = { verb, ...resourceArgument(resource), namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" };
    const entries = whoCan(loaded.documents, request, {
      cluster,
      ...(inv.inventory ? { inventory: inv.inventory } : {}),
      ...(at ? { now: new Date(at) } : {}),
    });
    if (json) {
      io.out(JSON.stringify({ request: { ...request, cluster }, subjects: entries }, null, 2));
      return EXIT.ok;
    }
    if (entries.length === 0) io.out("nobody: no subject named in the policies is allowed");
    for (const e of entries) {
      const s = e.subject.kind === "ServiceAccount" ? `ServiceAccount ${e.subject.namespace}/${e.subject.name}` : `${e.subject.kind} ${e.subject.name}`;
      io.out(`${s.padEnd(40)} ${e.rule.policy} rule ${e.rule.rule}`);
    }
    return EXIT.ok;
  },
};
