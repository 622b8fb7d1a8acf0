import { hasErrors } from "@rampart/core";
import { formatBoundSubjects, formatWhoCan, parseResourceArgument, whoCanPolicies, whoCanRbac } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, loadOrReport, orUsage, outputFormat, printResult, readManifests, str, strs, UsageError } from "../kit.js";

const valueOf = <T>(m: { value: T }) => m.value;

/** `rampart who-can <verb> <resource> [paths…]`: the subjects the policies (or plain RBAC manifests) allow. */
export const command = defineCommand("who-can", {
  usage: "<verb> <resource> [<paths…>]",
  flags: [
    "rbac",
    "-n, --namespace <NS>  the namespace of the request or of the manifests; default: none (cluster scope); e.g. `-n payments`",
    "name cluster inventory at no-typescript output",
  ],
  async run(args, io) {
    const format = outputFormat(args);
    const [verb, resource, ...paths] = args.positionals;
    if (!verb || !resource) throw new UsageError("give a verb and a resource, e.g. `rampart who-can get secrets -n payments`");
    const request = { verb, ...orUsage(parseResourceArgument(resource)), namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" };
    const rbacFiles = strs(args, "rbac");
    if (rbacFiles.length > 0) {
      const { manifests, diagnostics } = await readManifests(io, rbacFiles);
      if (hasErrors(diagnostics)) return fail(io, format, diagnostics);
      const subjects = whoCanRbac(manifests.map(valueOf), request);
      return printResult(io, format, { data: { subjects }, lines: formatBoundSubjects(subjects) }, EXIT.ok);
    }
    const loaded = await loadOrReport(io, args, paths.length ? paths : ["."], format);
    if (!loaded) return EXIT.invalid;
    const options = { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now: atOption(args), host: io };
    const { entries, cluster, diagnostics } = await whoCanPolicies(loaded.documents, request, options);
    if (!entries) return fail(io, format, diagnostics);
    return printResult(io, format, { data: { request: { ...request, cluster }, subjects: entries }, lines: formatWhoCan(entries) }, EXIT.ok);
  },
});
