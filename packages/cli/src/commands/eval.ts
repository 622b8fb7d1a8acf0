import { readFile } from "node:fs/promises";
import { createEvaluator, diagnostic, hasErrors, normaliseClusters, parseRequest, type AccessRequest, type Diagnostic } from "@rampart/core";
import { atOption, type Command, EXIT, jsonOutput, OUTPUT_OPTION, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";
import { clusterInventory } from "@rampart/pipeline";
import { resourceArgument } from "../request-flags.js";

/** Reads a JSONL batch; every bad line becomes a diagnostic. */
async function readBatch(file: string): Promise<{ requests: AccessRequest[]; diagnostics: Diagnostic[] }> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return { requests: [], diagnostics: [diagnostic("file-not-found", "error", `cannot read requests file \`${file}\``, { file, line: 0, column: 0 })] };
  const requests: AccessRequest[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      diagnostics.push(diagnostic("invalid-json", "error", `invalid JSON: ${(error as Error).message.toLowerCase()}`, { file, line: i + 1, column: 1 }));
      return;
    }
    const parsed = parseRequest(raw);
    if ("error" in parsed) diagnostics.push(diagnostic("invalid-request", "error", parsed.error, { file, line: i + 1, column: 1 }));
    else requests.push(parsed.request);
  });
  return { requests, diagnostics };
}

/** The request given by flags; `--resource` takes `<resource>[.<group>][/<subresource>]`. */
function requestFromFlags(args: Parameters<Command["run"]>[0]): AccessRequest {
  const verb = str(args, "verb");
  if (!verb) throw new UsageError("`--verb` is required (or `--requests FILE.jsonl`)");
  const request: AccessRequest = { verb, user: str(args, "user") ?? "", groups: strs(args, "group") };
  const url = str(args, "non-resource-url");
  const resource = str(args, "resource");
  if (url !== undefined) request.nonResourceURL = url;
  else if (resource !== undefined) {
    const ref = resourceArgument(resource);
    Object.assign(request, { apiGroup: str(args, "api-group") ?? ref.apiGroup, resource: ref.resource, subresource: str(args, "subresource") ?? ref.subresource });
  } else throw new UsageError("give `--resource R` or `--non-resource-url URL`");
  request.namespace = str(args, "namespace") ?? "";
  request.name = str(args, "name") ?? "";
  request.cluster = str(args, "cluster") ?? "";
  return request;
}

/** `rampart eval`: decide one request or a JSONL batch. */
export const evalCommand: Command = {
  name: "eval",
  summary: "decide access requests against the policies",
  usage:
    "rampart eval <paths…> --user U [--group G]… --verb V --resource R [-n NS] [--name X] [--cluster C] [--at TIME] [-o json]\n" +
    "rampart eval <paths…> --requests FILE.jsonl",
  options: {
    user: { type: "string" },
    group: { type: "string", multiple: true },
    verb: { type: "string" },
    resource: { type: "string" },
    "api-group": { type: "string" },
    subresource: { type: "string" },
    "non-resource-url": { type: "string" },
    namespace: { type: "string", short: "n" },
    name: { type: "string" },
    cluster: { type: "string" },
    inventory: { type: "string" },
    at: { type: "string" },
    requests: { type: "string" },
    ...OUTPUT_OPTION,
  },
  async run(args, io) {
    const json = jsonOutput(args);
    const batchFile = str(args, "requests");
    const single = batchFile === undefined ? requestFromFlags(args) : undefined;
    const now = str(args, "at") === undefined ? undefined : atOption(args).getTime();
    const loaded = await loadOrReport(io, args.positionals);
    if (!loaded) return EXIT.invalid;
    const batch = batchFile === undefined ? undefined : await readBatch(batchFile);
    const cluster = str(args, "cluster");
    const known = normaliseClusters(loaded.documents).map((c) => c.name);
    if (single && cluster === undefined && known.length > 1) {
      throw new UsageError(`\`--cluster\` is required: the policies define clusters ${known.map((c) => `\`${c}\``).join(", ")}`);
    }
    const inv = await clusterInventory(io, loaded.documents, cluster ?? "default", str(args, "inventory"));
    const problems = [...(batch?.diagnostics ?? []), ...inv.diagnostics];
    if (hasErrors(problems)) {
      printDiagnostics(io, problems);
      return EXIT.invalid;
    }
    const options: Parameters<typeof createEvaluator>[1] = {};
    if (cluster !== undefined) options.cluster = cluster;
    if (now !== undefined) options.now = now;
    if (inv.inventory) options.inventory = inv.inventory;
    const evaluator = createEvaluator(loaded.documents, options);
    if (batch) {
      for (const request of batch.requests) {
        const d = evaluator.decide(request);
        io.out(JSON.stringify({ decision: d.decision, matched: d.matched, reason: d.reason }));
      }
      return EXIT.ok;
    }
    const d = evaluator.decide(single!);
    if (json) io.out(JSON.stringify({ decision: d.decision, matched: d.matched, reason: d.reason }, null, 2));
    else io.out(`${d.decision}: ${d.reason}`);
    return d.decision === "allow" ? EXIT.ok : EXIT.outcome;
  },
};
