import { readFile } from "node:fs/promises";
import { createEvaluator, diagnostic, hasErrors, parseRequest, sortDiagnostics, type AccessRequest, type Diagnostic, type SourcePosition } from "@rampart/core";
import { checkRequest, requestCluster } from "@rampart/pipeline";
import { atOption, type Command, EXIT, jsonOutput, OUTPUT_OPTION, str, strs, UsageError } from "../command.js";
import { loadOrReport, printDiagnostics } from "../load-policies.js";

const COMMAND_LINE = { file: "<command line>", line: 0, column: 0 };
import { resourceArgument } from "../request-flags.js";

/** Reads a JSONL batch; every bad line becomes a diagnostic. */
async function readBatch(file: string): Promise<{ requests: (AccessRequest & { line: number })[]; diagnostics: Diagnostic[] }> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return { requests: [], diagnostics: [diagnostic("file-not-found", "error", `cannot read requests file \`${file}\``, { file, line: 0, column: 0 })] };
  const requests: (AccessRequest & { line: number })[] = [];
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
    else requests.push({ ...parsed.request, line: i + 1 });
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
    // Every request is checked against its cluster's inventory first: a typo is exit 2, never a silent deny.
    const contexts = new Map<string, Awaited<ReturnType<typeof requestCluster>>>();
    const context = async (name: string | undefined, at: SourcePosition) => {
      const key = `${name ?? ""}\0${at.file}:${at.line}`;
      if (!contexts.has(key)) contexts.set(key, await requestCluster(loaded.documents, { cluster: name, inventory: str(args, "inventory"), host: io, at }));
      return contexts.get(key)!;
    };
    const problems = [...(batch?.diagnostics ?? [])];
    const main = await context(cluster, COMMAND_LINE);
    if (single) problems.push(...main.diagnostics, ...(main.inventory ? checkRequest(single, main.inventory, COMMAND_LINE) : []));
    for (const r of batch?.requests ?? []) {
      const at = { file: batchFile!, line: r.line, column: 1 };
      const ctx = r.cluster || cluster ? await context(r.cluster || cluster, at) : main;
      problems.push(...ctx.diagnostics.map((d) => (d.file === COMMAND_LINE.file && r.cluster ? { ...d, ...at } : d)), ...(ctx.inventory ? checkRequest(r, ctx.inventory, at) : []));
    }
    if (hasErrors(problems)) {
      printDiagnostics(io, sortDiagnostics([...new Map(problems.map((d) => [`${d.file}:${d.line}:${d.message}`, d])).values()]));
      return EXIT.invalid;
    }
    const options: Parameters<typeof createEvaluator>[1] = {};
    if (cluster !== undefined) options.cluster = cluster;
    if (now !== undefined) options.now = now;
    if (main.inventory) options.inventory = main.inventory;
    const evaluator = createEvaluator(loaded.documents, options);
    if (batch) {
      for (const { line: _, ...request } of batch.requests) {
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
