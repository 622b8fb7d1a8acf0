import { formatBoundSubjects, formatWhoCan, parseResourceArgument, whoCanPolicies, whoCanRbacFiles } from "@rampart/pipeline";
import { atOption, defineCommand, EXIT, fail, loadOrReport, orUsage, outputFormat, printResult, stdinFor, str, strs, UsageError } from "../kit.js";

/** `rampart who-can <verb> <resource> [paths…]`: the subjects the policies (or plain RBAC manifests) allow. */
export const command = defineCommand("who-can", {
  usage: "<verb> <resource> [<paths…>]",
  flags: ["rbac namespace name cluster inventory at no-typescript output"],
  async run(args, io) {
    const format = outputFormat(args);
    const [verb, resource, ...paths] = args.positionals;
    if (!verb || !resource) throw new UsageError("give a verb and a resource, e.g. `rampart who-can get secrets -n payments`");
    const request = { verb, ...orUsage(parseResourceArgument(resource)), namespace: str(args, "namespace") ?? "", name: str(args, "name") ?? "" };
    const rbacFiles = strs(args, "rbac");
    if (rbacFiles.length > 0) {
      const { subjects, diagnostics } = await whoCanRbacFiles(rbacFiles, request, { cwd: io.cwd, stdin: await stdinFor(io, rbacFiles) });
      if (!subjects) return fail(io, format, diagnostics);
      return printResult(io, format, { data: { subjects }, lines: formatBoundSubjects(subjects) }, EXIT.ok);
    }
    const loaded = await loadOrReport(io, args, paths.length ? paths : ["."], format);
    const options = { cluster: str(args, "cluster"), inventory: str(args, "inventory"), now: atOption(args), host: io };
    const { entries, cluster, diagnostics } = await whoCanPolicies(loaded.documents, request, options);
    if (!entries) return fail(io, format, diagnostics);
    return printResult(io, format, { data: { request: { ...request, cluster }, subjects: entries }, lines: formatWhoCan(entries) }, EXIT.ok);
  },
});
