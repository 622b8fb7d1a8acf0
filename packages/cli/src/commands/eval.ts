import { decideRequests, evalBatch, evalOutput, requestFromFields } from "@rampart/pipeline";
import { atOption, defineCommand, fail, loadOrReport, orUsage, outputFormat, printResult, str, strs } from "../kit.js";

/** `rampart eval`: decide one request or a JSONL batch. */
export const command = defineCommand("eval", {
  usage: "<paths…> --user U [--group G]… --verb V --resource R\nrampart eval <paths…> --requests FILE.jsonl|-",
  flags: [
    "--user <U>  the user name of the request; default: none (anonymous); e.g. `--user alice`",
    "--group <G>…  a group of the user (repeatable); default: none; e.g. `--group payments`",
    "--verb <V>  the verb of the request; default: none (required without `--requests`); e.g. `--verb get`",
    "--resource <R>  the resource: `<resource>[.<group>][/<subresource>]`; default: none; e.g. `--resource deployments.apps`",
    "--api-group <GROUP>  the API group (overrides the one in `--resource`); default: the group in `--resource`; e.g. `--api-group apps`",
    "--subresource <SUB>  the subresource (overrides the one in `--resource`); default: the subresource in `--resource`; e.g. `--subresource log`",
    "--non-resource-url <URL>  a non-resource URL instead of a resource; default: none; e.g. `--non-resource-url /healthz`",
    "namespace name cluster inventory at no-typescript output",
    "--requests <FILE.jsonl|->  a JSONL batch of requests, one decision per output line (`-` reads standard input); default: none; e.g. `--requests requests.jsonl`",
  ],
  async run(args, io) {
    const format = outputFormat(args);
    const [batchFile, cluster, at] = [str(args, "requests"), str(args, "cluster"), str(args, "at")];
    const [verb, user, resource, namespace, name, subresource] = ["verb", "user", "resource", "namespace", "name", "subresource"].map((n) => str(args, n));
    const fields = { verb, user, resource, namespace, name, subresource, cluster, groups: strs(args, "group"), apiGroup: str(args, "api-group") };
    const single = batchFile === undefined ? orUsage(requestFromFields({ ...fields, nonResourceURL: str(args, "non-resource-url") })).request : undefined;
    const now = at === undefined ? undefined : atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    const stdin = batchFile === "-" ? await io.stdin?.() : undefined;
    const batch = await evalBatch(single, batchFile!, { cwd: io.cwd, stdin });
    const { decisions, diagnostics } = await decideRequests(loaded.documents, batch, { cluster, inventory: str(args, "inventory"), now, host: io });
    if (!decisions) return fail(io, format, diagnostics);
    const result = evalOutput(decisions, single !== undefined);
    return printResult(io, single ? format : "text", result, result.code);
  },
});
