import { COMMAND_LINE, decideRequests, readRequestBatch, requestFromFields } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, orUsage, str, strs } from "../command.js";
import { fail, loadOrReport } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart eval`: decide one request or a JSONL batch. */
export const evalCommand = defineCommand("eval", {
  usage:
    "rampart eval <paths…> --user U [--group G]… --verb V --resource R [-n NS] [--name X] [--cluster C] [--at TIME] [-o json]\n" +
    "rampart eval <paths…> --requests FILE.jsonl|-",
  options: {
    user: { type: "string", description: "the user name of the request", default: "none (anonymous)", example: "--user alice" },
    group: { type: "string", multiple: true, description: "a group of the user (repeatable)", default: "none", example: "--group payments" },
    verb: { type: "string", description: "the verb of the request", default: "none (required without `--requests`)", example: "--verb get" },
    resource: { type: "string", description: "the resource: `<resource>[.<group>][/<subresource>]`", default: "none", example: "--resource deployments.apps" },
    "api-group": { type: "string", description: "the API group (overrides the one in `--resource`)", default: "the group in `--resource`", example: "--api-group apps" },
    subresource: { type: "string", description: "the subresource (overrides the one in `--resource`)", default: "the subresource in `--resource`", example: "--subresource log" },
    "non-resource-url": { type: "string", description: "a non-resource URL instead of a resource", default: "none", example: "--non-resource-url /healthz" },
    ...pick(["namespace", "name", "cluster", "inventory", "at", "no-typescript", "output"], { namespace: { default: "none (cluster scope)" } }),
    requests: { type: "string", description: "a JSONL batch of requests, one decision per output line (`-` reads standard input)", default: "none", example: "--requests requests.jsonl" },
  },
  async run(args, io) {
    const format = outputFormat(args);
    const batchFile = str(args, "requests");
    const fields = { verb: str(args, "verb"), user: str(args, "user"), groups: strs(args, "group"), resource: str(args, "resource"), apiGroup: str(args, "api-group"), subresource: str(args, "subresource"), nonResourceURL: str(args, "non-resource-url"), namespace: str(args, "namespace"), name: str(args, "name"), cluster: str(args, "cluster") };
    const single = batchFile === undefined ? orUsage(requestFromFields(fields)).request : undefined;
    const now = str(args, "at") === undefined ? undefined : atOption(args);
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const batch = single ? { requests: [{ request: single, at: COMMAND_LINE }], diagnostics: [] } : await readRequestBatch(batchFile!, { cwd: io.cwd, stdin: batchFile === "-" ? await io.stdin?.() : undefined });
    const { decisions, diagnostics } = await decideRequests(loaded.documents, batch, { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now, host: io });
    if (!decisions) return fail(io, format, diagnostics);
    const shown = decisions.map((d) => ({ decision: d.decision, matched: d.matched, reason: d.reason }));
    if (!single) for (const d of shown) io.out(JSON.stringify(d));
    else if (format !== "text") printReport(io, format, shown[0], []);
    else io.out(`${shown[0]!.decision}: ${shown[0]!.reason}`);
    return !single || shown[0]!.decision === "allow" ? EXIT.ok : EXIT.outcome;
  },
});
