import { readFile } from "node:fs/promises";
import { createEvaluator, diagnostic, hasErrors, parseRequest, sortDiagnostics, type AccessRequest, type Diagnostic, type SourcePosition } from "@rampart/core";
import { checkRequest, requestCluster } from "@rampart/pipeline";
import { atOption, type Command, EXIT, str, strs, UsageError, type Io } from "../command.js";
import { fail, loadOrReport } from "../load-policies.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";
import { STDIN_NAME } from "../stdin.js";

const COMMAND_LINE = { file: "<command line>", line: 0, column: 0 };
import { resourceArgument } from "../request-flags.js";

/** Reads a JSONL batch; every bad line becomes a diagnostic. */
async function readBatch(io: Io, path: string): Promise<{ requests: (AccessRequest & { line: number })[]; diagnostics: Diagnostic[] }> {
  const text = path === "-" ? await io.stdin?.() : await readFile(path, "utf8").catch(() => undefined);
  const file = path === "-" ? STDIN_NAME : path;
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
    const single = batchFile === undefined ? requestFromFlags(args) : undefined;
    const now = str(args, "at") === undefined ? undefined : atOption(args).getTime();
    const loaded = await loadOrReport(io, args, args.positionals, format);
    if (!loaded) return EXIT.invalid;
    const batch = batchFile === undefined ? undefined : await readBatch(io, batchFile);
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
      const at = { file: batchFile === "-" ? STDIN_NAME : batchFile!, line: r.line, column: 1 };
      const ctx = r.cluster || cluster ? await context(r.cluster || cluster, at) : main;
      problems.push(...ctx.diagnostics.map((d) => (d.file === COMMAND_LINE.file && r.cluster ? { ...d, ...at } : d)), ...(ctx.inventory ? checkRequest(r, ctx.inventory, at) : []));
    }
    if (hasErrors(problems)) return fail(io, format, sortDiagnostics([...new Map(problems.map((d) => [`${d.file}:${d.line}:${d.message}`, d])).values()]));
    const options: Parameters<typeof createEvaluator>[1] = {};
    if (main.cluster) options.cluster = main.cluster;
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
    if (format !== "text") printReport(io, format, { decision: d.decision, matched: d.matched, reason: d.reason }, []);
    else io.out(`${d.decision}: ${d.reason}`);
    return d.decision === "allow" ? EXIT.ok : EXIT.outcome;
  },
};
